public import SluiceCore

/// Removes ``prefix`` from the start of every value of a string column that begins with it
/// (byte-wise, case-sensitive); other values and nulls are unchanged. The Pinterest cleaner
/// uses it to turn `Local save in /data/vehicles` into `/data/vehicles`.
///
/// The column must exist and be a string column (``TransformError/Code/missingColumn`` /
/// ``TransformError/Code/wrongType``).
public struct StripPrefix: Transform, Hashable {
  public let column: String
  public let prefix: String

  public init(column: String, prefix: String) {
    self.column = column
    self.prefix = prefix
  }

  public var name: String { "strip-prefix" }

  public func outputSchema(for input: Schema) throws -> Schema {
    _ = try index(in: input)
    return input
  }

  public func apply(_ batch: RecordBatch) throws -> RecordBatch {
    let index = try index(in: batch.schema)
    guard !prefix.isEmpty else { return batch }
    var columns = batch.columns
    let prefixBytes = Array(prefix.utf8)
    prefixBytes.withUnsafeBufferPointer { prefix in
      columns[index] = columns[index].rewritingStrings { slot in
        slot.hasBytePrefix(prefix) ? .slice(start: prefix.count, end: slot.count) : .keep
      }
    }
    return RecordBatch(unchecked: batch.schema, columns: columns)
  }

  func index(in input: Schema) throws(TransformError) -> Int {
    try input.requireIndex(of: column, transform: name, expected: "a string column") { $0 == .string }
  }
}
