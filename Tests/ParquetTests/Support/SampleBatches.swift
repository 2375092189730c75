import Foundation
import SluiceCore

/// Deterministic test batches covering every type, nulls, empty strings and lists.
enum SampleBatches {
  static let allTypes = Schema([
    Field("id", .int64, nullable: false),
    Field("name", .string),
    Field("count", .int32),
    Field("score", .double),
    Field("flag", .boolean),
    Field("at", .timestamp),
    Field("day", .date),
    Field("coordinates", .list(.double)),
    Field("tags", .list(.string)),
    Field("label", .string, nullable: false),
  ])

  static let categories = ["art", "beauty", "diy", "education", "event-planning", "finance", "", "ümlaut ✓"]

  /// Rows `first..<first + count` of the all-types schema.
  static func allTypesRows(first: Int = 0, count: Int) -> [[Value]] {
    (first..<first + count).map { i in
      let name: Value = i % 7 == 3 ? .null : .string(categories[i % categories.count])
      let count: Value = i % 5 == 1 ? .null : .int32(Int32(i * 37 % 1000) - 500)
      let score: Value = i % 6 == 2 ? .null : .double(Double(i) * 0.25 - 10)
      let flag: Value = i % 4 == 0 ? .null : .boolean(i % 3 == 0)
      let at: Value = i % 9 == 4 ? .null : .timestamp(1_700_000_000_000_000 + Int64(i) * 1_000_003)
      let day: Value = i % 8 == 5 ? .null : .date(Int32(19_000 + i % 400))
      let coordinates: Value =
        switch i % 5 {
        case 0: .null
        case 1: .list([])
        default: .list([.double(Double(i) / 3), .double(-Double(i) / 7)])
        }
      let tags: Value =
        switch i % 4 {
        case 0: .list([.string("a"), .string("tag\(i % 11)"), .string("")])
        case 1: .null
        case 2: .list([])
        default: .list([.string("solo\(i % 3)")])
        }
      let label: Value = .string("label-\(i % 13)-" + String(repeating: "x", count: i % 5))
      return [.int64(Int64(i)), name, count, score, flag, at, day, coordinates, tags, label]
    }
  }

  static func allTypes(first: Int = 0, count: Int) throws -> RecordBatch {
    try RecordBatch(schema: allTypes, rows: allTypesRows(first: first, count: count))
  }

  /// A cleaned-pin-like batch (11 columns, mostly strings), built on column buffers.
  static func pinLike(count: Int, seed: Int = 0) -> RecordBatch {
    let schema = Schema([
      Field("ind", .int64),
      Field("unique_id", .string),
      Field("title", .string),
      Field("description", .string),
      Field("follower_count", .int32),
      Field("poster_name", .string),
      Field("tag_list", .string),
      Field("is_image_or_video", .string),
      Field("image_src", .string),
      Field("save_location", .string),
      Field("category", .string),
    ])
    var columns = schema.fields.map { Column(type: $0.type, capacity: count) }
    let words = [
      "home", "decor", "ideas", "for", "the", "best", "summer", "diy", "projects", "quotes", "travel",
      "beautiful", "easy", "recipes", "garden", "art", "kids", "christmas", "wedding", "style",
    ]
    var state = UInt64(seed &+ 0x9E37_79B9)
    func next() -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int(truncatingIfNeeded: state >> 33)
    }
    func sentence(_ length: Int) -> String {
      (0..<length).map { _ in words[next() % words.count] }.joined(separator: " ")
    }
    let categoryNames = [
      "art", "beauty", "christmas", "diy-and-crafts", "education", "event-planning", "finance", "home-decor",
      "mens-fashion", "quotes", "tattoos", "travel", "vehicles",
    ]
    for i in 0..<count {
      columns[0].append(int64: Int64(next() % 11_000))
      let hex = String(
        format: "%08x-%04x-%04x-%04x-%012x", next(), next() % 65536, next() % 65536, next() % 65536, next())
      columns[1].append(string: hex)
      columns[2].append(string: sentence(4 + next() % 6))
      columns[3].append(string: sentence(15 + next() % 25))
      if i % 17 == 0 { columns[4].appendNull() } else { columns[4].append(int32: Int32(next() % 1_000_000)) }
      columns[5].append(string: "poster \(next() % 3000)")
      columns[6].append(string: (0..<6).map { _ in words[next() % words.count] }.joined(separator: ","))
      columns[7].append(string: next() % 10 == 0 ? "video" : "image")
      columns[8].append(
        string:
          "https://i.pinimg.com/originals/\(String(format: "%02x/%02x/%02x", next() % 256, next() % 256, next() % 256))/\(hex).jpg"
      )
      columns[9].append(string: "/data/\(categoryNames[next() % categoryNames.count])")
      columns[10].append(string: categoryNames[next() % categoryNames.count])
    }
    return RecordBatch(unchecked: schema, columns: columns)
  }
}

/// Converts pyarrow JSON output (see ``PyarrowScripts/read``) to ``Value``s.
enum PythonValues {
  static func value(_ any: Any?, _ type: DataType) -> Value {
    guard let any, !(any is NSNull) else { return .null }
    switch type {
    case .string: return .string(any as? String ?? "<not a string: \(any)>")
    case .int32: return .int32(Int32((any as? NSNumber)?.int64Value ?? Int64.min))
    case .int64: return .int64((any as? NSNumber)?.int64Value ?? Int64.min)
    case .double:
      if let text = any as? String { return .double(Double(text) ?? -.infinity) }
      return .double((any as? NSNumber)?.doubleValue ?? -.infinity)
    case .boolean: return .boolean((any as? NSNumber)?.boolValue ?? false)
    case .timestamp: return .timestamp((any as? NSNumber)?.int64Value ?? Int64.min)
    case .date: return .date(Int32((any as? NSNumber)?.int64Value ?? Int64.min))
    case .list(let element):
      guard let items = any as? [Any] else { return .string("<not a list: \(any)>") }
      return .list(items.map { value($0, element) })
    }
  }

  /// Rows from the `columns` object of the read script, in `schema` order.
  static func rows(_ json: [String: Any], _ schema: Schema) -> [[Value]] {
    let columns = json["columns"] as? [String: [Any]] ?? [:]
    let count = columns[schema.fields.first?.name ?? ""]?.count ?? 0
    return (0..<count).map { row in
      schema.fields.map { field in value(columns[field.name]?[row], field.type) }
    }
  }
}
