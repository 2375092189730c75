import KafkaProtocol

/// Runs the SASL exchange on a fresh connection: SaslHandshake (v1) naming the mechanism, then
/// SaslAuthenticate steps — one for PLAIN, two for SCRAM (whose server signature is verified).
struct SASLAuthenticator {
  let connection: KafkaConnection
  let sasl: KafkaSecurity.SASL

  func authenticate() async throws {
    let broker = connection.address
    let handshake = try await connection.send(
      SaslHandshakeRequest(mechanism: sasl.mechanism.rawValue), version: 1)
    guard handshake.errorCode == .none else {
      throw KafkaClientError(
        .authenticationFailed,
        "Kafka broker \(broker) does not enable SASL mechanism \(sasl.mechanism.rawValue) (it offers "
          + "\(handshake.mechanisms.isEmpty ? "none" : handshake.mechanisms.joined(separator: ", "))); set "
          + "security.mechanism to one of those", kafkaErrorCode: handshake.errorCode)
    }
    switch sasl.mechanism {
    case .plain:
      let message = [0] + Array(sasl.username.utf8) + [0] + Array(sasl.password.utf8)
      _ = try await step(message)
    case .scramSHA256, .scramSHA512:
      var scram = SCRAMClient(
        hash: sasl.mechanism == .scramSHA256 ? .sha256 : .sha512, username: sasl.username,
        password: sasl.password)
      let serverFirst = try await step(Array(scram.clientFirstMessage().utf8))
      let final = try scram.clientFinalMessage(serverFirst: String(decoding: serverFirst, as: UTF8.self))
      let serverFinal = try await step(Array(final.utf8))
      try scram.verify(serverFinal: String(decoding: serverFinal, as: UTF8.self))
    }
  }

  private func step(_ bytes: [UInt8]) async throws -> [UInt8] {
    let response = try await connection.send(SaslAuthenticateRequest(authBytes: bytes))
    guard response.errorCode == .none else {
      throw KafkaClientError(
        .authenticationFailed,
        "SASL \(sasl.mechanism.rawValue) authentication of user '\(sasl.username)' at Kafka broker "
          + "\(connection.address) failed: \(response.errorMessage ?? response.errorCode.description) — check "
          + "username, password and mechanism", kafkaErrorCode: response.errorCode)
    }
    return response.authBytes
  }
}
