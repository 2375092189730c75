import DeltaLake
import SluiceCore

/// A ``DeltaLake/LogStore`` that forwards to another and times the writes: `commit`
/// (put-if-absent of the next commit file, with its fsyncs) and `checkpointFiles` (the
/// checkpoint Parquet file and `_last_checkpoint`).
struct TimedLogStore: DeltaLake.LogStore {
  let base: any DeltaLake.LogStore
  let timer: PhaseTimer

  var logLocation: String { base.logLocation }
  func logExists() throws -> Bool { try base.logExists() }
  func list(fromVersion: Int64) throws -> LogListing { try base.list(fromVersion: fromVersion) }
  func readCommit(_ version: Int64) throws -> [UInt8] { try base.readCommit(version) }

  func createCommit(_ version: Int64, contents: [UInt8]) throws -> Bool {
    try timer.time("commit") { try base.createCommit(version, contents: contents) }
  }

  func readCheckpoint(named name: String) throws -> [UInt8] { try base.readCheckpoint(named: name) }

  func writeCheckpoint(_ version: Int64, contents: [UInt8]) throws {
    try timer.time("checkpointFiles") { try base.writeCheckpoint(version, contents: contents) }
  }

  func readLastCheckpoint() throws -> [UInt8]? { try base.readLastCheckpoint() }

  func writeLastCheckpoint(_ contents: [UInt8]) throws {
    try timer.time("checkpointFiles") { try base.writeLastCheckpoint(contents) }
  }
}

/// A ``DeltaLake/DataFileStore`` that times `dataFiles`: writing each data file durably
/// (temp file, fsync, rename, fsync of the folder on the local file system).
struct TimedDataFileStore: DataFileStore {
  let base: any DataFileStore
  let timer: PhaseTimer

  var location: String { base.location }

  func write(relativePath: String, contents: [UInt8]) throws {
    try timer.time("dataFiles") { try base.write(relativePath: relativePath, contents: contents) }
  }

  func read(relativePath: String) throws -> [UInt8]? { try base.read(relativePath: relativePath) }
}

/// A ``DeltaLake/DataFileFormat`` whose writers time `encode`: Parquet encoding with ZSTD and
/// statistics, from the first `write` to `finish`.
struct TimedDataFileFormat: DataFileFormat {
  let base: any DataFileFormat
  let timer: PhaseTimer

  var fileSuffix: String { base.fileSuffix }

  func makeWriter(schema: Schema) throws -> any DataFileWriting {
    TimedDataFileWriter(base: try timer.time("encode") { try base.makeWriter(schema: schema) }, timer: timer)
  }

  func read(_ bytes: [UInt8], columns: [String]?) throws -> RecordBatch {
    try base.read(bytes, columns: columns)
  }
}

/// The writer of ``TimedDataFileFormat``.
final class TimedDataFileWriter: DataFileWriting {
  let base: any DataFileWriting
  let timer: PhaseTimer

  init(base: any DataFileWriting, timer: PhaseTimer) {
    self.base = base
    self.timer = timer
  }

  func write(_ batch: RecordBatch) throws {
    try timer.time("encode") { try base.write(batch) }
  }

  var estimatedBytes: Int { base.estimatedBytes }

  func finish() throws -> EncodedDataFile {
    try timer.time("encode") { try base.finish() }
  }
}
