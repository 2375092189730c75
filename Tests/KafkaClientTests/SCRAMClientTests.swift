import XCTest

@testable import KafkaClient

/// SCRAM against RFC 7677's SHA-256 example and a SHA-512 exchange computed with Python's
/// hashlib/hmac (an independent implementation).
final class SCRAMClientTests: XCTestCase {
  func testRFC7677Example() throws {
    var client = SCRAMClient(
      hash: .sha256, username: "user", password: "pencil", clientNonce: "rOprNGfwEbeRWgbNEkqO")
    XCTAssertEqual(client.clientFirstMessage(), "n,,n=user,r=rOprNGfwEbeRWgbNEkqO")
    let final = try client.clientFinalMessage(
      serverFirst: "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096")
    XCTAssertEqual(
      final,
      "c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ="
    )
    XCTAssertNoThrow(try client.verify(serverFinal: "v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4="))
  }

  func testSHA512MatchesPythonHashlib() throws {
    var client = SCRAMClient(
      hash: .sha512, username: "alice", password: "s3cret pass", clientNonce: "fyko+d2lbbFgONRv9qkxdawL")
    let final = try client.clientFinalMessage(
      serverFirst: "r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,s=c2FsdC1vZi1zaXh0ZWVuIQ==,i=4096")
    XCTAssertEqual(
      final,
      "c=biws,r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,p=FsznASPMW0USjQ3PE7a/sgMaBpEgEUZzuuThpi3a193vo/WSljghLkO9mHFUCOXBWaBDaDaUjL8nEfAArY8V5Q=="
    )
    XCTAssertNoThrow(
      try client.verify(
        serverFinal:
          "v=121oitLdAIXVlmIQJt+0W5F62kc+7cAPsoRceKKoTH+NbTfmqCMKfyVhDMbOYp1BsUT/dx18xIQ6+HuctBW97Q=="))
  }

  func testWrongServerSignatureAndForeignNonceAreRejected() throws {
    var client = SCRAMClient(
      hash: .sha256, username: "user", password: "pencil", clientNonce: "rOprNGfwEbeRWgbNEkqO")
    XCTAssertThrowsError(
      try client.clientFinalMessage(serverFirst: "r=someoneElse,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096")
    ) {
      XCTAssertEqual(($0 as? KafkaClientError)?.code, .authenticationFailed)
    }
    _ = try client.clientFinalMessage(
      serverFirst: "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096")
    XCTAssertThrowsError(try client.verify(serverFinal: "v=AAAATRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=")) {
      XCTAssertTrue(($0 as? KafkaClientError)?.message.contains("signature") == true)
    }
    XCTAssertThrowsError(try client.verify(serverFinal: "e=invalid-proof")) {
      XCTAssertTrue(($0 as? KafkaClientError)?.message.contains("invalid-proof") == true)
    }
  }

  func testUsernameEscaping() {
    XCTAssertEqual(SCRAMClient.escape("a=b,c"), "a=3Db=2Cc")
  }
}
