import Crypto
import Foundation

/// The client side of SCRAM (RFC 5802) with SHA-256 or SHA-512 (RFC 7677), as Kafka uses it:
/// no channel binding (`n,,`), no authorization identity.
///
/// Use: `clientFirstMessage()` → send; `clientFinalMessage(serverFirst:)` → send;
/// `verify(serverFinal:)` checks the server's signature (proof that the server knows the
/// password too). Every step throws `authenticationFailed` with what was wrong.
public struct SCRAMClient: Sendable {
  public enum Hash: Sendable {
    case sha256
    case sha512
  }

  public let hash: Hash
  public let username: String
  private let password: String
  private let clientNonce: String
  private var expectedServerSignature: [UInt8]?

  /// `clientNonce` is random unless given (tests use the RFC's example nonce).
  public init(hash: Hash, username: String, password: String, clientNonce: String? = nil) {
    self.hash = hash
    self.username = username
    self.password = password
    self.clientNonce = clientNonce ?? Self.randomNonce()
  }

  /// `n=<user>,r=<nonce>` — the part of the first message that goes into the auth message.
  private var clientFirstBare: String { "n=\(Self.escape(username)),r=\(clientNonce)" }

  public func clientFirstMessage() -> String { "n,," + clientFirstBare }

  /// Computes the proof for the server's first message (`r=<nonce>,s=<salt>,i=<iterations>`).
  public mutating func clientFinalMessage(serverFirst: String) throws(KafkaClientError) -> String {
    let attributes = Self.attributes(serverFirst)
    if let error = attributes["e"] {
      throw KafkaClientError(
        .authenticationFailed, "SCRAM: the broker refused the user '\(username)': \(error)")
    }
    guard let nonce = attributes["r"], nonce.hasPrefix(clientNonce), nonce.count > clientNonce.count else {
      throw KafkaClientError(
        .authenticationFailed, "SCRAM: the broker's nonce does not extend ours (a broken or hostile broker)")
    }
    guard let saltText = attributes["s"], let salt = Data(base64Encoded: saltText) else {
      throw KafkaClientError(.authenticationFailed, "SCRAM: the broker's first message has no valid salt")
    }
    guard let iterationText = attributes["i"], let iterations = Int(iterationText), iterations >= 1 else {
      throw KafkaClientError(
        .authenticationFailed, "SCRAM: the broker's first message has no valid iteration count")
    }
    guard iterations <= 1_000_000 else {
      throw KafkaClientError(
        .authenticationFailed, "SCRAM: the broker asks for \(iterations) iterations (too many)")
    }
    let withoutProof = "c=biws,r=\(nonce)"
    let authMessage = Array("\(clientFirstBare),\(serverFirst),\(withoutProof)".utf8)
    let salted = PBKDF2.derive(
      hash: hash, password: Array(password.utf8), salt: Array(salt), iterations: iterations)
    let clientKey = Self.hmac(hash, key: salted, Array("Client Key".utf8))
    let storedKey = Self.digest(hash, clientKey)
    let clientSignature = Self.hmac(hash, key: storedKey, authMessage)
    let proof = zip(clientKey, clientSignature).map { $0 ^ $1 }
    let serverKey = Self.hmac(hash, key: salted, Array("Server Key".utf8))
    expectedServerSignature = Self.hmac(hash, key: serverKey, authMessage)
    return withoutProof + ",p=" + Data(proof).base64EncodedString()
  }

  /// Checks the server's final message (`v=<signature>`, or `e=<error>`).
  public func verify(serverFinal: String) throws(KafkaClientError) {
    let attributes = Self.attributes(serverFinal)
    if let error = attributes["e"] {
      throw KafkaClientError(
        .authenticationFailed,
        "SCRAM authentication of user '\(username)' failed: \(error) (check username and password, and that the "
          + "user exists for this SCRAM mechanism)")
    }
    guard let expected = expectedServerSignature, let text = attributes["v"],
      let signature = Data(base64Encoded: text), Array(signature) == expected
    else {
      throw KafkaClientError(
        .authenticationFailed,
        "SCRAM: the broker's signature is wrong — it does not know the password (possible impersonation)")
    }
  }

  // MARK: - Pieces

  static func hmac(_ hash: Hash, key: [UInt8], _ message: [UInt8]) -> [UInt8] {
    let key = SymmetricKey(data: key)
    switch hash {
    case .sha256: return Array(HMAC<SHA256>.authenticationCode(for: message, using: key))
    case .sha512: return Array(HMAC<SHA512>.authenticationCode(for: message, using: key))
    }
  }

  static func digest(_ hash: Hash, _ bytes: [UInt8]) -> [UInt8] {
    switch hash {
    case .sha256: return Array(SHA256.hash(data: bytes))
    case .sha512: return Array(SHA512.hash(data: bytes))
    }
  }

  /// `=` → `=3D`, `,` → `=2C` (RFC 5802 §5.1 saslname).
  static func escape(_ name: String) -> String {
    name.replacingOccurrences(of: "=", with: "=3D").replacingOccurrences(of: ",", with: "=2C")
  }

  static func attributes(_ message: String) -> [String: String] {
    var result: [String: String] = [:]
    for part in message.split(separator: ",") {
      guard let eq = part.firstIndex(of: "="), part.distance(from: part.startIndex, to: eq) == 1 else {
        continue
      }
      result[String(part[..<eq])] = String(part[part.index(after: eq)...])
    }
    return result
  }

  static func randomNonce() -> String {
    var generator = SystemRandomNumberGenerator()
    let bytes = (0..<24).map { _ in UInt8.random(in: 0...255, using: &generator) }
    return Data(bytes).base64EncodedString()
  }
}
