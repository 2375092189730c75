import Crypto

/// Every intermediate value of one signature, so tests and servers can show where two sides differ.
public struct SigV4Signature: Sendable, Hashable {
  public var canonicalRequest: String
  public var stringToSign: String
  /// Lower-case hex HMAC-SHA256 of ``stringToSign`` with the derived signing key.
  public var signature: String
  /// `<date>/<region>/<service>/aws4_request`.
  public var credentialScope: String
  /// `host;x-amz-date;…`.
  public var signedHeaders: String
  /// The full `Authorization` header value.
  public var authorization: String
}

/// Signs requests with AWS Signature Version 4 (`AWS4-HMAC-SHA256`).
///
/// Contract: ``sign(_:credentials:date:)`` adds `X-Amz-Date` (unless the request has one),
/// `X-Amz-Security-Token` (for session credentials, unless present), `X-Amz-Content-SHA256`
/// (when ``includesPayloadHashHeader``) and `Authorization`; it signs every header of the request
/// except ``CanonicalRequest/unsignableHeaders``, so the caller must put `Host` (and anything else
/// it sends) into the request before signing and send those headers unchanged.
public struct SigV4Signer: Sendable, Hashable {
  public var region: String
  /// The signing name of the service, e.g. `kinesis`.
  public var service: String
  /// Remove `.`/`..` and repeated slashes from the path (every service but S3).
  public var normalizesPath: Bool
  /// Send the payload hash as `X-Amz-Content-SHA256` (S3 requires it).
  public var includesPayloadHashHeader: Bool

  public init(
    region: String, service: String, normalizesPath: Bool = true, includesPayloadHashHeader: Bool = false
  ) {
    self.region = region
    self.service = service
    self.normalizesPath = normalizesPath
    self.includesPayloadHashHeader = includesPayloadHashHeader
  }

  /// `request` with the SigV4 headers added.
  public func sign(_ request: SigV4Request, credentials: AWSCredentials, date: AMZDate) -> SigV4Request {
    var signed = request
    if signed.value(of: "x-amz-date") == nil {
      signed.headers.append(HTTPHeaderField("X-Amz-Date", date.text))
    }
    if let token = credentials.sessionToken, signed.value(of: "x-amz-security-token") == nil {
      signed.headers.append(HTTPHeaderField("X-Amz-Security-Token", token))
    }
    if includesPayloadHashHeader, signed.value(of: "x-amz-content-sha256") == nil {
      signed.headers.append(HTTPHeaderField("X-Amz-Content-SHA256", Hex.sha256(signed.body)))
    }
    let result = signature(
      for: signed, accessKeyID: credentials.accessKeyID, secretAccessKey: credentials.secretAccessKey,
      date: date)
    signed.setHeader("Authorization", result.authorization)
    return signed
  }

  /// The signature of `request` as it stands (no header is added), signing
  /// `signedHeaders` (default: every signable header present).
  public func signature(
    for request: SigV4Request, accessKeyID: String, secretAccessKey: String, date: AMZDate,
    signedHeaders: [String]? = nil
  ) -> SigV4Signature {
    let names = signedHeaders ?? CanonicalRequest.signableHeaderNames(request)
    let canonical = CanonicalRequest.text(
      request, signedHeaders: names, payloadHash: Self.payloadHash(request), normalizePath: normalizesPath)
    let scope = "\(date.dateStamp)/\(region)/\(service)/aws4_request"
    let stringToSign = Self.stringToSign(canonicalRequest: canonical, date: date, scope: scope)
    let key = Self.signingKey(
      secretAccessKey: secretAccessKey, dateStamp: date.dateStamp, region: region, service: service)
    let signature = Hex.encode(HMAC<SHA256>.authenticationCode(for: Array(stringToSign.utf8), using: key))
    let signedList = names.joined(separator: ";")
    return SigV4Signature(
      canonicalRequest: canonical, stringToSign: stringToSign, signature: signature, credentialScope: scope,
      signedHeaders: signedList,
      authorization:
        "AWS4-HMAC-SHA256 Credential=\(accessKeyID)/\(scope), SignedHeaders=\(signedList), Signature=\(signature)"
    )
  }

  /// `AWS4-HMAC-SHA256\n<amzDate>\n<scope>\n<hex(SHA256(canonicalRequest))>`.
  public static func stringToSign(canonicalRequest: String, date: AMZDate, scope: String) -> String {
    "AWS4-HMAC-SHA256\n\(date.text)\n\(scope)\n\(Hex.sha256(canonicalRequest.utf8))"
  }

  /// `kSigning = HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region), service), "aws4_request")`.
  static func signingKey(secretAccessKey: String, dateStamp: String, region: String, service: String)
    -> SymmetricKey
  {
    var key = SymmetricKey(data: Array(("AWS4" + secretAccessKey).utf8))
    for part in [dateStamp, region, service, "aws4_request"] {
      key = SymmetricKey(data: HMAC<SHA256>.authenticationCode(for: Array(part.utf8), using: key))
    }
    return key
  }

  /// The hex signing key (for tests against published values).
  public static func signingKeyHex(
    secretAccessKey: String, dateStamp: String, region: String, service: String
  )
    -> String
  {
    signingKey(secretAccessKey: secretAccessKey, dateStamp: dateStamp, region: region, service: service)
      .withUnsafeBytes { Hex.encode($0) }
  }

  /// The payload hash: `X-Amz-Content-SHA256` when the request carries `UNSIGNED-PAYLOAD` there,
  /// else `hex(SHA256(body))`.
  static func payloadHash(_ request: SigV4Request) -> String {
    if request.value(of: "x-amz-content-sha256") == "UNSIGNED-PAYLOAD" { return "UNSIGNED-PAYLOAD" }
    return Hex.sha256(request.body)
  }
}
