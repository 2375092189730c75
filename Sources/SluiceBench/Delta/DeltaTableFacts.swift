import DeltaLake
import SluiceCore

/// What a Delta table holds, read back after a benchmark wrote it, so that two writers of the
/// same records (Sluice's job and the delta-rs peer) can be checked to have written the same
/// table: row count and the sum of `follower_count` (the cleaned, suffix-parsed column), read
/// from the data files themselves (only that column is decoded).
struct DeltaTableFacts: Sendable, Equatable {
  var version: Int64
  var files: Int
  var rows: Int
  var followerCountSum: Int64
  /// Rows whose `follower_count` is null.
  var followerCountNulls: Int

  /// Reads the latest snapshot of the table at `tablePath` and the `follower_count` column of
  /// every data file.
  static func read(tablePath: String) throws -> DeltaTableFacts {
    let table: DeltaTable
    let snapshot: Snapshot
    do {
      table = try DeltaTable.open(path: tablePath)
      snapshot = try table.snapshot()
    } catch {
      throw BenchError(.caseFailed, "cannot read back the Delta table \(tablePath): \(error)")
    }
    var facts = DeltaTableFacts(
      version: snapshot.version, files: snapshot.numFiles, rows: 0, followerCountSum: 0, followerCountNulls: 0
    )
    for file in snapshot.files {
      do {
        guard let bytes = try table.dataStore.read(relativePath: file.decodedPath) else {
          throw BenchError(.caseFailed, "data file \(file.decodedPath) of \(tablePath) is missing")
        }
        let batch = try table.format.read(bytes, columns: ["follower_count"])
        guard let column = batch.column(named: "follower_count") else {
          throw BenchError(.caseFailed, "data file \(file.decodedPath) of \(tablePath) has no follower_count")
        }
        facts.add(column)
      } catch let error as BenchError {
        throw error
      } catch {
        throw BenchError(.caseFailed, "cannot read data file \(file.decodedPath) of \(tablePath): \(error)")
      }
    }
    return facts
  }

  /// Counts the rows of an int32 or int64 `follower_count` column and sums its non-null values.
  mutating func add(_ column: Column) {
    rows += column.count
    for i in 0..<column.count {
      guard column.validity[i] else {
        followerCountNulls += 1
        continue
      }
      followerCountSum += column.type == .int32 ? Int64(column.int32Values[i]) : column.int64Values[i]
    }
  }

  var json: JSONValue {
    .object([
      ("version", .int(version)), ("files", .int(Int64(files))), ("rows", .int(Int64(rows))),
      ("followerCountSum", .int(followerCountSum)), ("followerCountNulls", .int(Int64(followerCountNulls))),
    ])
  }

  init(version: Int64, files: Int, rows: Int, followerCountSum: Int64, followerCountNulls: Int) {
    self.version = version
    self.files = files
    self.rows = rows
    self.followerCountSum = followerCountSum
    self.followerCountNulls = followerCountNulls
  }

  /// Reads facts back from ``json`` (a child's report, or the peer script's output).
  init?(json: JSONValue?) {
    guard let json, let rows = json["rows"]?.intValue, let sum = json["followerCountSum"]?.intValue else {
      return nil
    }
    self.init(
      version: json["version"]?.intValue ?? -1, files: Int(json["files"]?.intValue ?? 0), rows: Int(rows),
      followerCountSum: sum, followerCountNulls: Int(json["followerCountNulls"]?.intValue ?? 0))
  }
}
