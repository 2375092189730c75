public import SluiceCore

/// Cleans geolocation events (spec §2.2), output ``PinterestSchemas/cleanGeo``:
/// `coordinates` = `[latitude, longitude]` as `list<double>` (null when either is null, since
/// list elements are non-null), `latitude`/`longitude` dropped, `timestamp` as a timestamp
/// (a string is parsed, `YYYY-MM-DD HH:MM:SS` or ISO `T` form, no zone = UTC; unparsable → null),
/// order `ind, country, coordinates, timestamp`.
///
/// Input columns are found by name; extra columns are ignored. Accepted types:
/// ``PinterestSchemas/rawGeo`` plus `ind` as int32 or numeric string, `latitude`/`longitude` as
/// integers or numeric strings, `timestamp` as string or date. Missing or mistyped columns throw
/// ``TransformError`` naming the column and `clean:geo`.
public struct GeoCleaner: Transform, Hashable {
  public init() {}

  public var name: String { "clean:geo" }

  public func outputSchema(for input: Schema) throws -> Schema {
    try chain(for: input).outputSchema(for: input)
  }

  public func apply(_ batch: RecordBatch) throws -> RecordBatch {
    try chain(for: batch.schema).apply(batch)
  }

  /// The operators this cleaner runs for `input`, in order.
  public func steps(for input: Schema) throws -> [any Transform] {
    try chain(for: input).steps
  }

  func chain(for schema: Schema) throws(TransformError) -> CleanerChain {
    let input = CleanerInput(cleaner: name, kind: "geo", schema: schema)
    let ind = try input.type(of: "ind", accepting: CleanerInput.integerTypes)
    let timestamp = try input.type(of: "timestamp", accepting: CleanerInput.timestampTypes)
    let latitude = try input.type(of: "latitude", accepting: CleanerInput.doubleTypes)
    let longitude = try input.type(of: "longitude", accepting: CleanerInput.doubleTypes)
    _ = try input.type(of: "country", accepting: CleanerInput.stringTypes)

    var steps: [any Transform] = [Select(columns: ["ind", "country", "latitude", "longitude", "timestamp"])]
    steps += CleanerInput.cast("ind", from: ind, to: .int64)
    steps += CleanerInput.cast("latitude", from: latitude, to: .double)
    steps += CleanerInput.cast("longitude", from: longitude, to: .double)
    steps += CleanerInput.cast("timestamp", from: timestamp, to: .timestamp)
    steps.append(MakeList(columns: ["latitude", "longitude"], as: "coordinates"))
    steps.append(Select(columns: PinterestSchemas.cleanGeo.names))
    return CleanerChain(cleaner: name, kind: "geo", output: PinterestSchemas.cleanGeo, steps: steps)
  }
}
