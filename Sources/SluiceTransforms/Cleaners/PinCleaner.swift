public import SluiceCore

/// Cleans pin events (spec §2.1, majority rules), output ``PinterestSchemas/cleanPin``:
///
/// 1. null the placeholders, exact whole-value match per column (§1.3 recommended set):
///    `title` = `No Title Data Available`; `description` = `No description available Story
///    format`, `No description available` or `Untitled`; `poster_name` = `User Info Error`;
///    `tag_list` = `N,o, ,T,a,g,s, ,A,v,a,i,l,a,b,l,e`; `image_src` = `Image src error.`; and the
///    empty string in every string column. `Art.` is kept.
/// 2. `follower_count`: `k` ×1,000, `M` ×1,000,000 → int32 (``ParseSuffixedNumber``;
///    `User Info Error` and anything else unparsable → null);
/// 3. `index` → int64; 4. strip `Local save in ` from `save_location`; 5. rename `index` → `ind`;
/// 6. select `ind, unique_id, title, description, follower_count, poster_name, tag_list,
///    is_image_or_video, image_src, save_location, category`.
///
/// Input columns are found by name, extra columns are ignored (`downloaded` is dropped, so its
/// cast to int has no visible effect and is skipped). Accepted input types: ``PinterestSchemas/rawPin``
/// plus `index` as int32 or a numeric string and `follower_count` as int32/int64. A pin whose
/// join key arrives as `ind` instead of `index` is accepted too. Missing or mistyped columns throw
/// ``TransformError`` naming the column and `clean:pin`.
public struct PinCleaner: Transform, Hashable {
  public init() {}

  public var name: String { "clean:pin" }

  /// Text placeholders per column (the empty string is added for every string column).
  public static let placeholders: KeyValuePairs<String, [String]> = [
    "title": ["No Title Data Available"],
    "description": ["No description available Story format", "No description available", "Untitled"],
    "poster_name": ["User Info Error"],
    "tag_list": ["N,o, ,T,a,g,s, ,A,v,a,i,l,a,b,l,e"],
    "image_src": ["Image src error."],
  ]

  public static let saveLocationPrefix = "Local save in "

  static let plainStringColumns = ["unique_id", "is_image_or_video", "save_location", "category"]

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
    let input = CleanerInput(cleaner: name, kind: "pin", schema: schema)
    let key = schema.index(of: "index") == nil && schema.index(of: "ind") != nil ? "ind" : "index"
    let keyType = try input.type(of: key, accepting: CleanerInput.integerTypes)
    for column in Self.plainStringColumns + Self.placeholders.map(\.key) {
      _ = try input.type(of: column, accepting: CleanerInput.stringTypes)
    }
    _ = try input.type(of: "follower_count", accepting: [.string, .int32, .int64])

    var steps: [any Transform] = [
      Select(columns: [key, "follower_count"] + Self.plainStringColumns + Self.placeholders.map(\.key))
    ]
    for (column, values) in Self.placeholders {
      steps.append(NullIf(column: column, values: values + [""]))
    }
    steps.append(NullIf(columns: Self.plainStringColumns, values: [""]))
    steps.append(ParseSuffixedNumber(column: "follower_count", as: .int32))
    steps += CleanerInput.cast(key, from: keyType, to: .int64)
    steps.append(StripPrefix(column: "save_location", prefix: Self.saveLocationPrefix))
    if key != "ind" { steps.append(Rename(from: key, to: "ind")) }
    steps.append(Select(columns: PinterestSchemas.cleanPin.names))
    return CleanerChain(cleaner: name, kind: "pin", output: PinterestSchemas.cleanPin, steps: steps)
  }
}
