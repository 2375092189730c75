/// Checks SigV4 signatures of incoming requests (the server side of ``SigV4Signer``).
///
/// Contract: the caller passes the request exactly as received (path and query as on the request
/// line, every header, the raw body); the verifier recomputes the signature over the headers the
/// client listed in `SignedHeaders` with the secret for the client's access key, and accepts only
/// an exact match whose `X-Amz-Date` is within `maxClockSkewSeconds` of `now` and whose scope
/// date is that timestamp's date.
public enum SigV4Verifier {
  /// The recomputed signature of `request` for `authorization` and `secretAccessKey`
  /// (no checks beyond that; ``verify(_:now:maxClockSkewSeconds:secretForAccessKey:)`` decides).
  public static func recompute(
    _ request: SigV4Request, authorization: SigV4Authorization, secretAccessKey: String, date: AMZDate,
    normalizesPath: Bool = true
  ) -> SigV4Signature {
    let signer = SigV4Signer(
      region: authorization.region, service: authorization.service, normalizesPath: normalizesPath)
    return signer.signature(
      for: request, accessKeyID: authorization.accessKeyID, secretAccessKey: secretAccessKey, date: date,
      signedHeaders: authorization.signedHeaders)
  }

  /// Verifies `request`; returns its parsed authorization when the signature is valid.
  ///
  /// - Parameters:
  ///   - now: the verifier's clock, seconds since the epoch.
  ///   - secretForAccessKey: the secret of a known access key id, `nil` for an unknown one.
  public static func verify(
    _ request: SigV4Request, now: Int64, maxClockSkewSeconds: Int64 = 900,
    normalizesPath: Bool = true, secretForAccessKey: (String) -> String?
  ) throws(AWSError) -> SigV4Authorization {
    guard let header = request.value(of: "authorization") else {
      throw AWSError(
        .malformedAuthorization,
        "the request has no Authorization header; sign it with AWS Signature Version 4")
    }
    let authorization = try SigV4Authorization(parsing: header)
    guard authorization.signedHeaders.contains("host") else {
      throw AWSError(.malformedAuthorization, "SignedHeaders must include host")
    }
    for name in authorization.signedHeaders where request.value(of: name) == nil {
      throw AWSError(
        .malformedAuthorization, "SignedHeaders lists '\(name)' but the request has no such header")
    }
    guard let dateText = request.value(of: "x-amz-date"), let date = AMZDate(parsing: dateText) else {
      throw AWSError(
        .requestTimeInvalid, "the request has no valid X-Amz-Date header (expected YYYYMMDDTHHMMSSZ)")
    }
    guard date.dateStamp == authorization.dateStamp else {
      throw AWSError(
        .requestTimeInvalid,
        "the credential scope date \(authorization.dateStamp) does not match X-Amz-Date \(date.text)")
    }
    guard abs(date.epochSeconds - now) <= maxClockSkewSeconds else {
      throw AWSError(
        .requestTimeInvalid,
        "X-Amz-Date \(date.text) is more than \(maxClockSkewSeconds) s from the server's time "
          + "\(AMZDate(epochSeconds: now).text); check the client's clock")
    }
    guard let secret = secretForAccessKey(authorization.accessKeyID) else {
      throw AWSError(
        .unknownAccessKey, "the access key id \(authorization.accessKeyID) is not known to this server")
    }
    let expected = recompute(
      request, authorization: authorization, secretAccessKey: secret, date: date,
      normalizesPath: normalizesPath)
    guard constantTimeEqual(expected.signature, authorization.signature) else {
      throw AWSError(
        .signatureMismatch,
        "the request signature does not match the signature computed for access key "
          + "\(authorization.accessKeyID); check the secret access key and that the request was not "
          + "changed after signing. The canonical request was:\n\(expected.canonicalRequest)")
    }
    return authorization
  }

  /// Compares two strings in time independent of where they differ.
  static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
    let x = Array(a.utf8)
    let y = Array(b.utf8)
    guard x.count == y.count else { return false }
    var difference: UInt8 = 0
    for i in 0..<x.count { difference |= x[i] ^ y[i] }
    return difference == 0
  }
}
