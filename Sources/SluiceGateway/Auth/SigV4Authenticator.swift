import SluiceAWS
import Yams

/// Requires AWS Signature Version 4 on every API request (`sluice serve --auth keys.yaml`), as
/// AWS checks Kinesis calls: the signature is recomputed with ``SigV4Verifier`` from the secret
/// of the request's access key, over the headers the client signed and the body; the request
/// time must be within 15 minutes of the server's clock. Any service and region in the
/// credential scope are accepted (boto3 signs as `kinesis`, an API-Gateway client as
/// `execute-api`).
public struct SigV4Authenticator: RequestAuthenticator {
  /// Access key id → secret access key.
  public let secrets: [String: String]
  let clock: @Sendable () -> Int64

  public init(
    secrets: [String: String],
    clock: @escaping @Sendable () -> Int64 = { GatewayServer.nowMilliseconds() / 1000 }
  ) {
    self.secrets = secrets
    self.clock = clock
  }

  /// Reads a keys file: a YAML map of access key id → secret, optionally under `keys:`.
  ///
  /// ```yaml
  /// AKIDEXAMPLE: wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY
  /// ```
  public static func load(keysFile path: String, text: String) throws(GatewayError) -> SigV4Authenticator {
    let document: Any?
    do {
      document = try Yams.load(yaml: text)
    } catch {
      throw GatewayError(.invalidArgument, "\(path) is not valid YAML: \(error)")
    }
    var map = document as? [String: Any]
    if let nested = map?["keys"] as? [String: Any] { map = nested }
    guard let map, !map.isEmpty else {
      throw GatewayError(
        .invalidArgument,
        "\(path) must map access key ids to secrets, e.g. `AKIDEXAMPLE: <secret>` (one per line)")
    }
    var secrets: [String: String] = [:]
    for (key, value) in map {
      guard let secret = value as? String, !secret.isEmpty else {
        throw GatewayError(
          .invalidArgument, "\(path): the secret of access key \(key) must be a non-empty string")
      }
      secrets[key] = secret
    }
    return SigV4Authenticator(secrets: secrets)
  }

  public func authenticate(_ request: IncomingRequest) throws(GatewayError) {
    let signed = SigV4Request(
      method: request.method, path: request.path, query: request.query,
      headers: request.headers.map { HTTPHeaderField($0.name, $0.value) }, body: request.body)
    do {
      _ = try SigV4Verifier.verify(signed, now: clock()) { secrets[$0] }
    } catch {
      switch error.code {
      case .malformedAuthorization, .unknownAccessKey:
        throw GatewayError(.unauthenticated, error.message)
      default:
        throw GatewayError(.signatureMismatch, error.message)
      }
    }
  }
}
