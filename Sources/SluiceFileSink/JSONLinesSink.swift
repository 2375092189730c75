public import SluiceCore
import SluiceJSON

/// A sink that writes each micro-batch as one JSON Lines file: `<directory>/part-<batch>.jsonl`
/// (batch id zero-padded to 20 digits so names sort in batch order).
///
/// Exactly once: a batch file is created atomically (temp file, fsync, link, fsync dir), so it is
/// either absent or complete. Re-running a batch whose file exists writes nothing and reports
/// `alreadyCommitted`. The directory belongs to one query: `_sluice_sink.json` records the query
/// id on first write, and a different query (a new checkpoint pointed at old output) is refused
/// rather than silently skipping its batches as "already written".
public struct JSONLinesSink: Sink {
  public let directory: String
  public static let markerName = "_sluice_sink.json"

  public init(directory: String) {
    self.directory = directory
  }

  public var description: String { "jsonl:\(directory)" }

  public static func fileName(for batch: BatchID) -> String {
    let digits = String(batch.rawValue)
    return "part-" + String(repeating: "0", count: max(0, 20 - digits.count)) + digits + ".jsonl"
  }

  public func validate(schema: Schema) async throws {
    try AtomicFile.makeDirectories(directory)
  }

  public func addBatch(_ batch: RecordBatch, batchID: BatchID, queryID: QueryID) async throws
    -> SinkWriteResult
  {
    try AtomicFile.makeDirectories(directory)
    try claimDirectory(for: queryID)
    let name = Self.fileName(for: batchID)
    if AtomicFile.exists(directory + "/" + name) {
      return SinkWriteResult(
        alreadyCommitted: true, rowsWritten: 0, details: .object([("file", .string(name))]))
    }
    let written = try AtomicFile.createIfAbsent(directory: directory, name: name) {
      (file) throws(FileSinkError) in try Self.write(batch, to: &file)
    }
    let created = written != nil
    return SinkWriteResult(
      alreadyCommitted: !created, rowsWritten: created ? batch.count : 0, filesWritten: created ? 1 : 0,
      bytesWritten: written ?? 0, details: .object([("file", .string(name))]))
  }

  /// Bytes of JSON encoded per write: large enough for few system calls, small enough that the
  /// batch's text never sits in memory as a whole.
  static let chunkBytes = 1 << 20

  /// Encodes `batch` chunk by chunk through one reused buffer into `file`.
  static func write(_ batch: RecordBatch, to file: inout AtomicFile.Writer) throws(FileSinkError) {
    let encoder = JSONRowEncoder(schema: batch.schema)
    var buffer = JSONLineBuffer(capacity: chunkBytes + 64 * 1024)
    var row = 0
    while row < batch.count {
      buffer.removeAll()
      row = encoder.encode(batch, from: row, into: &buffer, upTo: chunkBytes)
      try buffer.withBytes { (bytes) throws(FileSinkError) in try file.write(bytes) }
    }
  }

  /// Records `queryID` as the owner of the directory, or checks that it already is.
  func claimDirectory(for queryID: QueryID) throws(FileSinkError) {
    let marker = JSONValue.object([
      ("format", .string("jsonl")), ("version", .int(1)), ("queryId", .string(queryID.rawValue)),
    ])
    let path = directory + "/" + Self.markerName
    // Only the first batch creates the marker; later ones just check it (no temp file, no fsync).
    if !AtomicFile.exists(path),
      try AtomicFile.createIfAbsent(
        directory: directory, name: Self.markerName, contents: Array(marker.canonical.utf8))
    {
      return
    }
    guard let bytes = AtomicFile.read(path),
      let owner = try? JSONValue.parse(String(decoding: bytes, as: UTF8.self))["queryId"]?.stringValue
    else {
      throw FileSinkError(
        .corruptMarker,
        "\(path) is not a Sluice sink marker; point the sink at an empty directory or restore the file")
    }
    guard owner == queryID.rawValue else {
      throw FileSinkError(
        .foreignQuery,
        "\(directory) holds the output of another query (\(owner)), not of this checkpoint's query (\(queryID)); "
          + "use the checkpoint that wrote it, or write to a new directory")
    }
  }
}
