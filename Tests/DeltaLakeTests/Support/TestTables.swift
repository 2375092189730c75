import DeltaLake
import Foundation
import SluiceCore
import Synchronization

/// A clock that advances by one second each time it is read, starting at `start`.
final class SteppingClock: Sendable {
  let current: Mutex<Int64>
  let step: Int64

  init(start: Int64 = 1_700_000_000_000, step: Int64 = 1000) {
    current = Mutex(start)
    self.step = step
  }

  var clock: DeltaClock {
    DeltaClock { [self] in
      current.withLock { value in
        defer { value += step }
        return value
      }
    }
  }
}

/// In-memory stores plus a writer and a reader over them.
struct MemoryTable {
  let log: InMemoryLogStore
  let data = InMemoryDataFileStore()
  let clock: DeltaClock

  init(clock: DeltaClock = .fixed(1_700_000_000_000)) {
    self.clock = clock
    log = InMemoryLogStore(clock: clock)
  }

  func writer(_ options: DeltaWriteOptions = DeltaWriteOptions()) -> DeltaTableWriter {
    DeltaTableWriter(logStore: log, dataStore: data, options: options, format: JSONTestFormat(), clock: clock)
  }

  var table: DeltaTable {
    DeltaTable(location: "memory://table", logStore: log, dataStore: data, format: JSONTestFormat())
  }

  /// Puts a commit made of JSON lines directly into the log.
  func commit(_ version: Int64, _ lines: [String], modificationTime: Int64? = nil) {
    log.overwriteCommit(
      version, contents: Array((lines.joined(separator: "\n") + "\n").utf8),
      modificationTime: modificationTime)
  }
}

/// A fresh temporary folder, removed by `cleanup()`.
struct TemporaryFolder {
  let path: String

  init() {
    path =
      FileManager.default.temporaryDirectory.appendingPathComponent("delta-tests-" + UUID().uuidString).path
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }

  func cleanup() {
    try? FileManager.default.removeItem(atPath: path)
  }
}

enum Fixtures {
  static let pinSchema = Schema([
    Field("ind", .int64), Field("category", .string), Field("title", .string),
    Field("follower_count", .int32), Field("score", .double), Field("is_video", .boolean),
    Field("ts", .timestamp), Field("day", .date), Field("coordinates", .list(.double)),
  ])

  static func pinBatch(_ range: Range<Int>) -> RecordBatch {
    let categories = ["art", "travel/food", "diy & crafts"]
    var rows: [[Value]] = []
    for i in range {
      var row: [Value] = [.int64(Int64(i)), .string(categories[i % 3])]
      row.append(i % 5 == 4 ? Value.null : Value.string("title \(i)"))
      row.append(.int32(Int32(i * 10)))
      row.append(.double(Double(i) / 4))
      row.append(.boolean(i % 2 == 0))
      row.append(.timestamp(1_700_000_000_000_000 + Int64(i) * 1_000_123))
      row.append(.date(Int32(19_700 + i % 7)))
      row.append(.list([.double(Double(i)), .double(Double(-i))]))
      rows.append(row)
    }
    return try! RecordBatch(schema: pinSchema, rows: rows)
  }

  static let basicProtocol = #"{"protocol":{"minReaderVersion":1,"minWriterVersion":2}}"#
  static let basicMetadata =
    #"{"metaData":{"id":"11111111-2222-3333-4444-555555555555","format":{"provider":"parquet","options":{}},"schemaString":"{\"type\":\"struct\",\"fields\":[{\"name\":\"id\",\"type\":\"long\",\"nullable\":true,\"metadata\":{}},{\"name\":\"part\",\"type\":\"string\",\"nullable\":true,\"metadata\":{}}]}","partitionColumns":["part"],"configuration":{},"createdTime":1700000000000}}"#

  static func add(_ path: String, part: String = "a", size: Int64 = 100, records: Int64 = 1) -> String {
    #"{"add":{"path":"\#(path)","partitionValues":{"part":"\#(part)"},"size":\#(size),"modificationTime":1700000000000,"dataChange":true,"stats":"{\"numRecords\":\#(records)}"}}"#
  }

  static func remove(_ path: String) -> String {
    #"{"remove":{"path":"\#(path)","deletionTimestamp":1700000000001,"dataChange":true}}"#
  }

  static func txn(_ appId: String, _ version: Int64) -> String {
    #"{"txn":{"appId":"\#(appId)","version":\#(version),"lastUpdated":1700000000000}}"#
  }

  static func commitInfo(_ operation: String, timestamp: Int64) -> String {
    #"{"commitInfo":{"timestamp":\#(timestamp),"operation":"\#(operation)","operationParameters":{"mode":"Append"}}}"#
  }
}
