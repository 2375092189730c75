import DeltaLake
public import SluiceCore
import SluiceRuntime

/// `sluice deadletter replay`: runs the records of a dead-letter table through a (fixed) job's
/// decoder and transforms into the job's Delta sink, **exactly once**.
///
/// The replay is one streaming-style commit to the job's table with `txn(appId: R, version: V)`
/// where `R` is derived from the dead-letter table's id (`QueryID.derived("replay")`) and `V`
/// is the dead-letter table's latest version. Dead letters of versions up to the recorded `V`
/// were replayed before and are not read again, so replaying twice appends nothing new, and a
/// replay killed half-way is completed by the next one. Records that still fail are reported
/// (position and reason) and stay in the dead-letter table; they are not retried by later
/// replays.
public struct DeadLetterReplay: Sendable {
  public let spec: JobSpec
  /// The dead-letter table (default: the job's `deadLetter.path`, else `tables/<job>_deadletter`).
  public let deadLetterPath: String

  /// What a replay did (or, with `dryRun`, would do).
  public struct Report: Sendable {
    public var deadLetterTable: String
    public var sinkTable: String
    /// Dead-letter versions replayed before (`nil`: none) and the version this replay goes up to.
    public var previouslyReplayedVersion: Int64?
    public var deadLetterVersion: Int64
    /// Dead letters read (those of versions after `previouslyReplayedVersion`).
    public var considered: Int
    /// Rows appended to the job's table (0 for a dry run or when nothing is new).
    public var rowsWritten: Int
    /// Rows that decode and transform now.
    public var rowsRecovered: Int
    public var stillFailing: [RejectedRecord]
    /// The job's table already holds this replay (nothing new since the last one).
    public var alreadyReplayed: Bool
    public var dryRun: Bool
    /// The job table's version holding the replay (`nil` for a dry run or nothing to do).
    public var tableVersion: Int64?
  }

  public init(spec: JobSpec, from path: String? = nil) {
    self.spec = spec
    deadLetterPath = path ?? spec.deadLetter?.path ?? "tables/\(spec.name)_deadletter"
  }

  public func run(dryRun: Bool) async throws -> Report {
    guard case .delta(let sinkSpec) = spec.sink else {
      throw JobError(
        .invalid,
        "\(spec.file): dead letters are replayed into the job's Delta sink; this job writes \(spec.sink.description) "
          + "(use a `sink: {kind: delta, …}` job to replay)")
    }
    let letters = try DeltaTable.open(path: deadLetterPath)
    let latest = try letters.snapshot()
    let replayID: QueryID
    do {
      replayID = try QueryID(latest.metadata.id).derived("replay")
    } catch {
      throw JobError(
        .invalid,
        "\(deadLetterPath): the table id '\(latest.metadata.id)' is not a UUID, so it is not a Sluice "
          + "dead-letter table")
    }
    var report = Report(
      deadLetterTable: deadLetterPath, sinkTable: sinkSpec.path, previouslyReplayedVersion: nil,
      deadLetterVersion: latest.version, considered: 0, rowsWritten: 0, rowsRecovered: 0, stillFailing: [],
      alreadyReplayed: false, dryRun: dryRun, tableVersion: nil)
    if let table = try? DeltaTable.open(path: sinkSpec.path) {
      report.previouslyReplayedVersion = try table.snapshot().transactionVersion(appId: replayID.rawValue)
    }
    if let done = report.previouslyReplayedVersion, done >= latest.version {
      report.alreadyReplayed = true
      return report
    }
    let rows = try newRows(letters, upTo: latest.version, after: report.previouslyReplayedVersion)
    report.considered = rows.count
    let records = try DeadLetterRows.records(from: rows)
    let decoded = try JobAssembly.makeDecoder(spec).decode(records)
    let output = try JobAssembly.makeTransforms(spec).apply(decoded.batch)
    report.stillFailing = decoded.rejected
    report.rowsRecovered = output.count
    if dryRun { return report }
    let sink = JobAssembly.makeSink(spec.sink, jobName: spec.name)
    try await sink.validate(schema: output.schema)
    let result = try await sink.addBatch(
      output, batchID: BatchID(latest.version), queryID: replayID,
      counts: BatchCounts(inputRows: records.count, rejectedRows: decoded.rejected.count))
    report.alreadyReplayed = result.alreadyCommitted
    report.rowsWritten = result.alreadyCommitted ? 0 : result.rowsWritten
    if case .int(let version)? = result.details.objectMembers?.first(where: { $0.0 == "tableVersion" })?.1 {
      report.tableVersion = version
    }
    return report
  }

  /// Dead letters at `version` that were not there at `previous`.
  func newRows(_ table: DeltaTable, upTo version: Int64, after previous: Int64?) throws -> RecordBatch {
    let all = try table.scan(version: version)
    guard let previous else { return all }
    let seen = Set(try rowKeys(try table.scan(version: previous)))
    let keys = try rowKeys(all)
    return all.gather(keys.indices.filter { !seen.contains(keys[$0]) })
  }

  /// One identity per dead letter: the query, batch and source position.
  func rowKeys(_ rows: RecordBatch) throws -> [String] {
    let names = ["query_id", "batch_id", "position", "step"]
    let columns = try names.map { name in
      guard let column = rows.column(named: name) else {
        throw JobError(
          .invalid, "\(deadLetterPath) has no column '\(name)': it is not a Sluice dead-letter table")
      }
      return column
    }
    return (0..<rows.count).map { i in
      columns.map { column in
        column.type == .int64 ? String(column.int64Values[i]) : (column.string(at: i) ?? "")
      }.joined(separator: "\u{1F}")
    }
  }
}
