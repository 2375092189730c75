import DeltaLake
import Foundation
import SluiceCheckpoint
import SluiceCore
import XCTest

/// Mutated and truncated checkpoint files (`offsets/N`, `commits/N`, `metadata`,
/// `sources/0/0`) and Delta commit files through their parsers: no crash, only the module's
/// coded error (typed throws), and a torn file never parses as a different value — a strict
/// prefix either fails or means exactly the same thing.
final class StateFileFuzzTests: XCTestCase {
  static let offsets = OffsetSeq(
    metadata: OffsetSeqMetadata(batchTimestampMs: 1_795_000_000_123),
    offsets: [try! SerializedOffset(text: #"{"pinterest.pin":{"0":33334,"1":33333,"2":12}}"#)]
  ).serialized()
  static let metadata = CheckpointMetadata(
    id: try! QueryID("6f1c2a34-9b7e-4c1d-8e2f-0a1b2c3d4e5f"), name: "pin", sources: ["log:pinterest.pin"]
  ).serialized()
  static let initial = InitialOffsetFile.serialize(
    try! SerializedOffset(text: #"{"pinterest.pin":{"0":0,"1":7}}"#))

  func testMutatedCheckpointFilesFailWithCheckpointErrorsOrParse() {
    var parsed = 0
    var failed = 0
    for round in 0..<3000 {
      var mutator = ByteMutator(seed: UInt64(round))
      do {
        switch round % 4 {
        case 0: _ = try OffsetSeq.parse(mutator.mutate(Self.offsets), file: "offsets/3")
        case 1: _ = try CommitEntry.parse(mutator.mutate(CommitEntry().serialized()), file: "commits/3")
        case 2: _ = try CheckpointMetadata.parse(mutator.mutate(Self.metadata), file: "metadata")
        default: _ = try InitialOffsetFile.parse(mutator.mutate(Self.initial), file: "sources/0/0")
        }
        parsed += 1
      } catch {
        failed += 1
        XCTAssertTrue(
          error.message.contains("/") || error.message.contains("metadata"), "names the file: \(error)")
      }
    }
    XCTAssertGreaterThan(failed, 1000)
    XCTAssertGreaterThan(parsed, 10)
  }

  func testTornCheckpointFilesNeverParseAsADifferentValue() throws {
    let offsets = try OffsetSeq.parse(Self.offsets, file: "o")
    for length in 0..<Self.offsets.count {
      if let torn = try? OffsetSeq.parse(Array(Self.offsets.prefix(length)), file: "o") {
        XCTAssertEqual(torn.offsets, offsets.offsets, "prefix of \(length) bytes")
        XCTAssertEqual(torn.metadata, offsets.metadata, "prefix of \(length) bytes")
      }
    }
    let metadata = try CheckpointMetadata.parse(Self.metadata, file: "m")
    for length in 0..<Self.metadata.count {
      if let torn = try? CheckpointMetadata.parse(Array(Self.metadata.prefix(length)), file: "m") {
        XCTAssertEqual(torn, metadata, "prefix of \(length) bytes")
      }
    }
    let initial = try InitialOffsetFile.parse(Self.initial, file: "s")
    for length in 0..<Self.initial.count {
      if let torn = try? InitialOffsetFile.parse(Array(Self.initial.prefix(length)), file: "s") {
        XCTAssertEqual(torn, initial, "prefix of \(length) bytes")
      }
    }
  }

  static let commit: [UInt8] = Array(
    """
    {"commitInfo":{"timestamp":1795000000000,"operation":"STREAMING UPDATE","operationParameters":{"outputMode":"Append","queryId":"6f1c2a34-9b7e-4c1d-8e2f-0a1b2c3d4e5f","epochId":"3"},"readVersion":2,"isolationLevel":"Serializable","isBlindAppend":true,"operationMetrics":{"numAddedFiles":"2","numOutputRows":"10"},"engineInfo":"Sluice/0.1.0"}}
    {"txn":{"appId":"6f1c2a34-9b7e-4c1d-8e2f-0a1b2c3d4e5f","version":3,"lastUpdated":1795000000000}}
    {"add":{"path":"part-00000-a.c000.zstd.parquet","partitionValues":{},"size":1234,"modificationTime":1795000000000,"dataChange":true,"stats":"{\\"numRecords\\":5}"}}
    {"add":{"path":"category=art/part-00001-b.c000.zstd.parquet","partitionValues":{"category":"art"},"size":99,"modificationTime":1795000000000,"dataChange":true,"stats":"{\\"numRecords\\":5}"}}

    """.utf8)

  func testMutatedDeltaCommitsFailWithDeltaErrorsOrParse() {
    var failed = 0
    for round in 0..<2000 {
      var mutator = ByteMutator(seed: UInt64(90_000 + round))
      do {
        _ = try CommitFile.decode(mutator.mutate(Self.commit), fileName: "00000000000000000003.json")
      } catch {
        failed += 1
        XCTAssertTrue(error.description.contains("00000000000000000003.json"), "names the file: \(error)")
      }
    }
    XCTAssertGreaterThan(failed, 500)
  }

  /// A commit cut inside a line is an error; cut at a line end it holds exactly the whole lines.
  func testTornDeltaCommitsFailOrHoldExactlyTheirWholeLines() throws {
    let all = try CommitFile.decode(Self.commit, fileName: "c.json")
    XCTAssertEqual(all.count, 4)
    let lineEnds = Self.commit.indices.filter { Self.commit[$0] == 0x0A }
    for length in 1..<Self.commit.count {
      let prefix = Array(Self.commit.prefix(length))
      let wholeLines = lineEnds.filter { $0 < length }.count
      let cutAtLineEnd = lineEnds.contains(length) || lineEnds.contains(length - 1)
      do {
        let actions = try CommitFile.decode(prefix, fileName: "c.json")
        XCTAssertTrue(cutAtLineEnd, "a commit torn at byte \(length) parsed (\(actions.count) actions)")
        XCTAssertEqual(actions.count, lineEnds.contains(length) ? wholeLines + 1 : wholeLines, "at \(length)")
      } catch {
        XCTAssertFalse(
          cutAtLineEnd && wholeLines > 0 && lineEnds.contains(length - 1), "whole lines parse: \(error)")
      }
    }
  }
}
