/// A GetShardIterator token: which stream and shard, the next log offset to read, when it was
/// issued (iterators expire like Kinesis', after ``lifetimeMs``), and the stream's creation time
/// (so an iterator of a deleted and re-created stream is refused). Opaque to clients: base64 of
/// `v1|<stream>|<shard>|<offset>|<issuedMs>|<streamCreatedMs>`.
struct ShardIterator: Sendable, Hashable {
  static let lifetimeMs: Int64 = 300_000

  var stream: String
  var shard: Int32
  var offset: Int64
  var issuedMs: Int64
  var streamCreatedMs: Int64

  var token: String {
    Base64.encode(Array("v1|\(stream)|\(shard)|\(offset)|\(issuedMs)|\(streamCreatedMs)".utf8))
  }

  init(stream: String, shard: Int32, offset: Int64, issuedMs: Int64, streamCreatedMs: Int64) {
    self.stream = stream
    self.shard = shard
    self.offset = offset
    self.issuedMs = issuedMs
    self.streamCreatedMs = streamCreatedMs
  }

  /// Decodes a token this gateway issued; `invalidArgument` for anything else.
  init(token: String) throws(GatewayError) {
    let invalid = GatewayError(
      .invalidArgument,
      "the shard iterator is not one this server issued; call GetShardIterator for a new one")
    guard token.utf8.count <= 1024, let bytes = Base64.decode(token) else { throw invalid }
    let parts = String(decoding: bytes, as: UTF8.self).split(separator: "|", omittingEmptySubsequences: false)
    guard parts.count == 6, parts[0] == "v1", let shard = Int32(parts[2]), let offset = Int64(parts[3]),
      let issued = Int64(parts[4]), let created = Int64(parts[5]), shard >= 0, offset >= 0
    else { throw invalid }
    self.init(
      stream: String(parts[1]), shard: shard, offset: offset, issuedMs: issued, streamCreatedMs: created)
  }

  func isExpired(nowMs: Int64) -> Bool { nowMs - issuedMs > Self.lifetimeMs }
}
