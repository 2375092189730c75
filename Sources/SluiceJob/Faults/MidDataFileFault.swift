import DeltaLake
import Foundation
import SluiceCore
import SluiceRuntime
import Synchronization

/// **Test hook only** (`SLUICE_FAULT=mid-data-file[@N]`): wiring that lets a Delta job die in the
/// middle of writing a data file. Installed by ``JobAssembly`` only when the variable names
/// this point, so normal runs never see it.
///
/// ``BatchNotingSink`` records which batch the sink is writing; ``MidDataFileFaultStore`` wraps
/// the table's data-file store and, for the first file of that batch, writes about half of
/// the bytes to a hidden temporary file next to the final name (what the real store leaves
/// when the process dies before its rename) and then reaches the fault point.
final class CurrentBatch: Sendable {
  private let value = Mutex<BatchID?>(nil)
  var batch: BatchID? {
    get { value.withLock { $0 } }
    set { value.withLock { $0 = newValue } }
  }
}

/// A sink that notes the batch id before delegating to `inner`.
struct BatchNotingSink: Sink {
  let inner: any Sink
  let current: CurrentBatch

  var description: String { inner.description }

  func validate(schema: Schema) async throws {
    try await inner.validate(schema: schema)
  }

  func addBatch(_ batch: RecordBatch, batchID: BatchID, queryID: QueryID) async throws -> SinkWriteResult {
    current.batch = batchID
    return try await inner.addBatch(batch, batchID: batchID, queryID: queryID)
  }

  func addBatch(_ batch: RecordBatch, batchID: BatchID, queryID: QueryID, counts: BatchCounts) async throws
    -> SinkWriteResult
  {
    current.batch = batchID
    return try await inner.addBatch(batch, batchID: batchID, queryID: queryID, counts: counts)
  }
}

/// A data-file store that tears the first file of the faulted batch (see ``CurrentBatch``).
struct MidDataFileFaultStore: DataFileStore {
  let inner: LocalDataFileStore
  let faults: any FaultInjector
  let current: CurrentBatch

  var location: String { inner.location }

  func write(relativePath: String, contents: [UInt8]) throws {
    if let batch = current.batch, faults.wouldCrash(at: .midDataFile, batch: batch) {
      let full = URL(fileURLWithPath: inner.absolutePath(relativePath))
      let folder = full.deletingLastPathComponent()
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      let temporary = folder.appendingPathComponent(
        "." + full.lastPathComponent + "." + String(UInt64.random(in: 0...UInt64.max), radix: 16) + ".tmp")
      try Data(contents.prefix(max(1, contents.count / 2))).write(to: temporary)
      try faults.reach(.midDataFile, batch: batch)
    }
    try inner.write(relativePath: relativePath, contents: contents)
  }

  func read(relativePath: String) throws -> [UInt8]? {
    try inner.read(relativePath: relativePath)
  }
}
