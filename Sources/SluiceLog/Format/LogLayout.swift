/// Where the embedded log keeps its files, and how they are named.
///
/// ```
/// <root>/
///   <topic>/                        topic name: [A-Za-z0-9._-]{1,249}, not "." or ".."
///     topic.json                    {"version":1,"partitions":N,"createdMs":…,
///                                    "config":{"segmentBytes":…,"indexIntervalBytes":…}}
///     .writer.lock                  flock(2)ed by the one writer; holds its pid
///     <partition>/                  "0", "1", … (decimal)
///       00000000000000000000.log    segment: records from this base offset on
///       00000000000000000000.index  its sparse offset index (rebuildable)
///       00000000000000052817.log    next segment, base offset = first offset it holds
///       00000000000000052817.index
/// ```
///
/// **Segment file** (`.log`), all integers little-endian:
/// - header, 24 bytes: magic `"SLUICLOG"` (8), format version `UInt32` (1), reserved `UInt32`
///   (0), base offset `Int64`;
/// - then records, back to back. A record is `length: UInt32` (bytes of the body), `crc: UInt32`
///   (CRC-32C of the body), and the body: offset `Int64`, timestamp ms `Int64`, key length
///   `Int32` (-1 = null key), value length `Int32`, key bytes, value bytes. Offsets inside a
///   segment are contiguous from the base offset.
///
/// **Index file** (`.index`): header, 16 bytes: magic `"SLUICEIX"` (8), version `UInt32` (1),
/// reserved `UInt32`; then entries of 16 bytes: relative offset `Int64` (offset − base) and the
/// byte position of that record in the segment `Int64`. About every `indexIntervalBytes` of
/// records one entry is written; both columns strictly increase. The index is only a hint: a
/// reader checks the record an entry points at and falls back to scanning; a writer rebuilds a
/// missing or damaged index on open.
///
/// **Atomicity.** A new segment is written as `<base>.log.tmp` (header only), then renamed, so
/// readers see a segment only with a complete header. Appends go to the end of the last segment;
/// a reader serves only complete records with a valid CRC, so a record being written (or torn
/// by a crash) is never returned. Only one writer per topic exists (the `.writer.lock` flock);
/// on open it truncates a torn tail of each partition's last segment.
///
/// **Retention room.** The earliest offset of a partition is the base offset of its first
/// segment; deleting whole old segments moves it up without touching the others.
public enum LogLayout {
  public static let topicFileName = "topic.json"
  public static let writerLockFileName = ".writer.lock"
  public static let segmentSuffix = ".log"
  public static let indexSuffix = ".index"
  public static let temporarySuffix = ".tmp"
  public static let maxTopicNameLength = 249

  /// Throws `invalidTopicName` unless `name` is a valid topic name (Kafka's rule).
  public static func validateTopicName(_ name: String) throws(LogError) {
    let bytes = Array(name.utf8)
    guard !bytes.isEmpty, bytes.count <= maxTopicNameLength else {
      throw LogError(
        .invalidTopicName,
        "topic name must be 1 to \(maxTopicNameLength) characters long, got \(bytes.count)")
    }
    guard name != ".", name != ".." else {
      throw LogError(.invalidTopicName, "topic name cannot be \"\(name)\"")
    }
    for b in bytes where !isTopicCharacter(b) {
      throw LogError(
        .invalidTopicName,
        "topic name \"\(name)\" contains \"\(String(decoding: [b], as: UTF8.self))\"; allowed are "
          + "ASCII letters, digits, '.', '_' and '-'")
    }
  }

  static func isTopicCharacter(_ b: UInt8) -> Bool {
    switch b {
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
      UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "_"),
      UInt8(ascii: "-"):
      true
    default: false
    }
  }

  static func topicDirectory(root: String, topic: String) -> String { root + "/" + topic }

  static func topicFile(root: String, topic: String) -> String {
    topicDirectory(root: root, topic: topic) + "/" + topicFileName
  }

  static func writerLockFile(root: String, topic: String) -> String {
    topicDirectory(root: root, topic: topic) + "/" + writerLockFileName
  }

  static func partitionDirectory(root: String, topic: String, partition: Int32) -> String {
    topicDirectory(root: root, topic: topic) + "/" + String(partition)
  }

  /// `00000000000000001234` — 20 digits, so names sort like offsets.
  static func baseName(_ baseOffset: Int64) -> String {
    let digits = String(baseOffset)
    return String(repeating: "0", count: max(0, 20 - digits.count)) + digits
  }

  static func segmentFile(directory: String, baseOffset: Int64) -> String {
    directory + "/" + baseName(baseOffset) + segmentSuffix
  }

  static func indexFile(directory: String, baseOffset: Int64) -> String {
    directory + "/" + baseName(baseOffset) + indexSuffix
  }

  /// The base offset of a segment file name (`<20 digits>.log`), or `nil` for other names.
  static func segmentBaseOffset(fileName: String) -> Int64? {
    let bytes = Array(fileName.utf8)
    let suffix = Array(segmentSuffix.utf8)
    guard bytes.count == 20 + suffix.count, bytes[20...].elementsEqual(suffix) else { return nil }
    var value: Int64 = 0
    for b in bytes[0..<20] {
      guard b >= UInt8(ascii: "0"), b <= UInt8(ascii: "9") else { return nil }
      let (m, o1) = value.multipliedReportingOverflow(by: 10)
      let (s, o2) = m.addingReportingOverflow(Int64(b - UInt8(ascii: "0")))
      guard !o1, !o2 else { return nil }
      value = s
    }
    return value
  }
}
