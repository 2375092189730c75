/// Names of the files in `_delta_log/`.
public enum LogFileName {
  /// `00000000000000000012.json`.
  public static func commit(_ version: Int64) -> String {
    padded(version) + ".json"
  }

  /// `00000000000000000010.checkpoint.parquet` (classic single-file checkpoint).
  public static func checkpoint(_ version: Int64) -> String {
    padded(version) + ".checkpoint.parquet"
  }

  public static let lastCheckpoint = "_last_checkpoint"

  /// The version zero-padded to 20 digits.
  public static func padded(_ version: Int64) -> String {
    let digits = String(version)
    return String(repeating: "0", count: max(0, 20 - digits.count)) + digits
  }

  /// What a log file name denotes.
  public enum Kind: Sendable, Hashable {
    case commit(version: Int64)
    /// `part` and `parts` are set for a multi-part checkpoint; `uuid` for a V2 checkpoint.
    case checkpoint(version: Int64, part: Int?, parts: Int?, isV2: Bool)
  }

  /// Classifies a file name; `nil` for anything else (`_last_checkpoint`, `.crc`, temp files,
  /// compacted logs). Allocation-free for names that are not log files.
  public static func parse(_ name: String) -> Kind? {
    var name = name
    return name.withUTF8 { bytes -> Kind? in
      guard bytes.count > 21, bytes[20] == UInt8(ascii: ".") else { return nil }
      var version: Int64 = 0
      for i in 0..<20 {
        guard isDigit(bytes[i]) else { return nil }
        version = version &* 10 &+ Int64(bytes[i] - 48)
      }
      guard version >= 0 else { return nil }
      let rest = UnsafeBufferPointer(rebasing: bytes[21...])
      if rest.elementsEqual("json".utf8) { return .commit(version: version) }
      let prefix = "checkpoint.".utf8
      guard rest.count > prefix.count, rest.prefix(prefix.count).elementsEqual(prefix) else { return nil }
      let tail = String(decoding: rest[prefix.count...], as: UTF8.self)
      if tail == "parquet" { return .checkpoint(version: version, part: nil, parts: nil, isV2: false) }
      let pieces = tail.split(separator: ".", omittingEmptySubsequences: false)
      if pieces.count == 3, pieces[2] == "parquet", pieces[0].count == 10, pieces[1].count == 10,
        let part = Int(pieces[0]), let parts = Int(pieces[1])
      {
        return .checkpoint(version: version, part: part, parts: parts, isV2: false)
      }
      if pieces.count == 2, pieces[1] == "parquet" || pieces[1] == "json" {
        return .checkpoint(version: version, part: nil, parts: nil, isV2: true)
      }
      return nil
    }
  }

  static func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }
}
