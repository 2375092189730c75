public import SluiceCore

/// Cleans user events (spec §2.3), output ``PinterestSchemas/cleanUser``:
/// `user_name` = `first_name` + `" "` + `last_name` with Spark's `concat_ws` rules (a null name
/// is skipped without a separator; both null → empty string), names dropped, `date_joined` as a
/// timestamp (a string is parsed; unparsable → null), order `ind, user_name, age, date_joined`.
///
/// Input columns are found by name; extra columns are ignored. Accepted types:
/// ``PinterestSchemas/rawUser`` plus `ind`/`age` as int32 or numeric strings and `date_joined`
/// as string or date. Missing or mistyped columns throw ``TransformError`` naming the column
/// and `clean:user`.
public struct UserCleaner: Transform, Hashable {
  public init() {}

  public var name: String { "clean:user" }

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
    let input = CleanerInput(cleaner: name, kind: "user", schema: schema)
    let ind = try input.type(of: "ind", accepting: CleanerInput.integerTypes)
    _ = try input.type(of: "first_name", accepting: CleanerInput.stringTypes)
    _ = try input.type(of: "last_name", accepting: CleanerInput.stringTypes)
    let age = try input.type(of: "age", accepting: CleanerInput.integerTypes)
    let joined = try input.type(of: "date_joined", accepting: CleanerInput.timestampTypes)

    var steps: [any Transform] = [Select(columns: ["ind", "first_name", "last_name", "age", "date_joined"])]
    steps += CleanerInput.cast("ind", from: ind, to: .int64)
    steps += CleanerInput.cast("age", from: age, to: .int64)
    steps += CleanerInput.cast("date_joined", from: joined, to: .timestamp)
    steps.append(Concat(columns: ["first_name", "last_name"], separator: " ", as: "user_name"))
    steps.append(Select(columns: PinterestSchemas.cleanUser.names))
    return CleanerChain(cleaner: name, kind: "user", output: PinterestSchemas.cleanUser, steps: steps)
  }
}
