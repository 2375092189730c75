import XCTest

@testable import SluiceGateway

final class EncodingTests: XCTestCase {
  func testBase64MatchesRFC4648Vectors() {
    let vectors = [
      ("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"), ("foob", "Zm9vYg=="), ("fooba", "Zm9vYmE="),
      ("foobar", "Zm9vYmFy"),
    ]
    for (plain, encoded) in vectors {
      XCTAssertEqual(Base64.encode(Array(plain.utf8)), encoded)
      XCTAssertEqual(Base64.decode(encoded), Array(plain.utf8))
    }
    let all = (0...255).map { UInt8($0) }
    XCTAssertEqual(Base64.decode(Base64.encode(all)), all)
  }

  func testBase64RejectsInvalidText() {
    for text in ["Zg", "Zg=", "Z===", "Zg=a", "Zm9v!A==", "Zm=v", "=Zm9"] {
      XCTAssertNil(Base64.decode(text), text)
    }
  }

  func testMD5RoutingUsesTheBigEndianDigest() {
    // MD5("") = d41d8cd98f00b204e9800998ecf8427e
    let empty = [UInt8]().withUnsafeBytes { ShardRouting.hashKey($0) }
    XCTAssertEqual(String(empty, radix: 16), "d41d8cd98f00b204e9800998ecf8427e")
    // MD5("partition-1") starts with 0x…: whatever it is, it falls in the range of the shard it routes to.
    let routing = ShardRouting(shardCount: 4)
    for key in ["partition-1", "partition-2", "pin-data", "a", "😀"] {
      let hash = Array(key.utf8).withUnsafeBytes { ShardRouting.hashKey($0) }
      let shard = Array(key.utf8).withUnsafeBytes { routing.shard(forPartitionKey: $0) }
      XCTAssertTrue(routing.hashKeyRange(shard: Int(shard)).contains(hash), key)
    }
  }

  func testHashKeyRangesSplitTheSpaceLikeCreateStream() {
    let two = ShardRouting(shardCount: 2)
    XCTAssertEqual(String(two.hashKeyRange(shard: 0).upperBound), "170141183460469231731687303715884105727")
    XCTAssertEqual(String(two.hashKeyRange(shard: 1).lowerBound), "170141183460469231731687303715884105728")
    XCTAssertEqual(two.hashKeyRange(shard: 1).upperBound, UInt128.max)
    for count in [1, 3, 7, 64] {
      let routing = ShardRouting(shardCount: count)
      XCTAssertEqual(routing.hashKeyRange(shard: 0).lowerBound, 0)
      XCTAssertEqual(routing.hashKeyRange(shard: count - 1).upperBound, UInt128.max)
      for shard in 1..<max(count, 1) {
        XCTAssertEqual(
          routing.hashKeyRange(shard: shard).lowerBound, routing.hashKeyRange(shard: shard - 1).upperBound + 1
        )
        XCTAssertEqual(routing.shard(forHashKey: routing.hashKeyRange(shard: shard).lowerBound), Int32(shard))
        XCTAssertEqual(
          routing.shard(forHashKey: routing.hashKeyRange(shard: shard - 1).upperBound), Int32(shard - 1))
      }
      XCTAssertEqual(routing.shard(forHashKey: .max), Int32(count - 1))
    }
    XCTAssertEqual(ShardRouting.parseHashKey("340282366920938463463374607431768211455"), .max)
    XCTAssertNil(ShardRouting.parseHashKey("340282366920938463463374607431768211456"))
    XCTAssertNil(ShardRouting.parseHashKey("-1"))
  }

  func testSequenceNumbersGrowWithTheOffsetAndRoundTrip() {
    let a = SequenceNumber(shard: 3, offset: 9).text
    let b = SequenceNumber(shard: 3, offset: 10).text
    let c = SequenceNumber(shard: 3, offset: 12_345_678_901).text
    XCTAssertEqual(a.count, 28)
    XCTAssertFalse(a.hasPrefix("0"))
    XCTAssertTrue(a < b && b < c, "fixed width: text order is numeric order")
    XCTAssertGreaterThan(a.count, String(Int64.max).count, "does not fit 64 bits, like AWS's")
    XCTAssertEqual(SequenceNumber(c), SequenceNumber(shard: 3, offset: 12_345_678_901))
    XCTAssertNil(SequenceNumber("1"))
    XCTAssertNil(SequenceNumber(String(repeating: "9", count: 28)))
  }

  func testShardIteratorTokensRoundTripAndExpire() throws {
    let iterator = ShardIterator(stream: "s.1", shard: 2, offset: 42, issuedMs: 1_000, streamCreatedMs: 7)
    XCTAssertEqual(try ShardIterator(token: iterator.token), iterator)
    XCTAssertFalse(iterator.isExpired(nowMs: 1_000 + ShardIterator.lifetimeMs))
    XCTAssertTrue(iterator.isExpired(nowMs: 1_001 + ShardIterator.lifetimeMs))
    XCTAssertThrowsError(try ShardIterator(token: "garbage")) { error in
      XCTAssertEqual((error as? GatewayError)?.code, .invalidArgument)
    }
  }
}
