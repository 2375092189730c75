import SluiceCore

/// Keeps the `source.metadata` columns through a row-for-row transform (a cleaner) whose fixed
/// output would drop them: the output is the transform's columns followed by the metadata
/// columns of its input, row for row.
///
/// Contract: `inner` maps each input row to exactly one output row in order (the Pinterest
/// cleaners do); a batch where it does not is an error rather than misaligned metadata.
struct MetadataPassThrough: Transform {
  let inner: any Transform
  /// Column names of the metadata to keep.
  let columns: [String]

  var name: String { inner.name }

  func outputSchema(for input: Schema) throws -> Schema {
    let produced = try inner.outputSchema(for: input)
    return Schema(produced.fields + carried(input: input, output: produced).map(\.field))
  }

  func apply(_ batch: RecordBatch) throws -> RecordBatch {
    let output = try inner.apply(batch)
    let carried = carried(input: batch.schema, output: output.schema)
    guard !carried.isEmpty else { return output }
    guard output.count == batch.count else {
      throw CoreError(
        .schemaMismatch,
        "\(inner.name) turned \(batch.count) rows into \(output.count), so the source metadata columns "
          + "(\(columns.joined(separator: ", "))) cannot follow it; put the metadata-dropping step last")
    }
    return RecordBatch(
      unchecked: Schema(output.schema.fields + carried.map(\.field)),
      columns: output.columns + carried.map { batch.columns[$0.index] })
  }

  /// Metadata columns of `input` that `output` lacks, with their position in `input`.
  private func carried(input: Schema, output: Schema) -> [(field: Field, index: Int)] {
    columns.compactMap { name in
      guard output.index(of: name) == nil, let index = input.index(of: name) else { return nil }
      return (input.fields[index], index)
    }
  }
}
