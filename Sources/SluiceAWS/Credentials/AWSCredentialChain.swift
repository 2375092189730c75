import Foundation

/// Finds credentials and the region the way the AWS CLI and SDKs do, from an environment and the
/// shared files.
///
/// Credentials, first match wins:
/// 1. `AWS_ACCESS_KEY_ID` + `AWS_SECRET_ACCESS_KEY` (+ `AWS_SESSION_TOKEN`) — skipped when a
///    profile is named explicitly (as `aws --profile` does);
/// 2. the shared credentials file (`AWS_SHARED_CREDENTIALS_FILE`, default `~/.aws/credentials`),
///    section `[<profile>]`;
/// 3. the config file (`AWS_CONFIG_FILE`, default `~/.aws/config`), section `[profile <profile>]`
///    (`[default]` for the default profile).
///
/// The profile is the explicit one, else `AWS_PROFILE`, else `default`.
/// Region: explicit, `AWS_REGION`, `AWS_DEFAULT_REGION`, then `region` of the profile in the
/// config file.
public struct AWSCredentialChain: Sendable {
  public let environment: [String: String]
  public let explicitProfile: String?
  public let homeDirectory: String

  /// - Parameters:
  ///   - environment: the variables to read (default: the process environment).
  ///   - profile: an explicit profile name (like `--profile`).
  ///   - homeDirectory: where `~` points (default: `HOME`).
  public init(
    environment: [String: String]? = nil, profile: String? = nil, homeDirectory: String? = nil
  ) {
    let environment = environment ?? ProcessInfo.processInfo.environment
    self.environment = environment
    self.explicitProfile = profile
    self.homeDirectory = homeDirectory ?? environment["HOME"] ?? NSHomeDirectory()
  }

  /// The profile in use.
  public var profile: String { explicitProfile ?? nonEmpty("AWS_PROFILE") ?? "default" }

  public var credentialsFilePath: String {
    expand(nonEmpty("AWS_SHARED_CREDENTIALS_FILE") ?? "~/.aws/credentials")
  }

  public var configFilePath: String { expand(nonEmpty("AWS_CONFIG_FILE") ?? "~/.aws/config") }

  /// The credentials, or an error listing every place looked at.
  public func credentials() throws(AWSError) -> AWSCredentials {
    if explicitProfile == nil, let key = nonEmpty("AWS_ACCESS_KEY_ID") {
      guard let secret = nonEmpty("AWS_SECRET_ACCESS_KEY") else {
        throw AWSError(
          .credentialsNotFound,
          "AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not; set both (or neither)")
      }
      return AWSCredentials(
        accessKeyID: key, secretAccessKey: secret, sessionToken: nonEmpty("AWS_SESSION_TOKEN"),
        source: "environment variables")
    }
    var sawProfile = false
    for (path, kind) in [(credentialsFilePath, AWSProfileFile.Kind.credentials), (configFilePath, .config)] {
      guard let file = try load(path, kind: kind), let settings = file.settings(profile) else { continue }
      sawProfile = true
      guard let key = settings["aws_access_key_id"], !key.isEmpty else { continue }
      guard let secret = settings["aws_secret_access_key"], !secret.isEmpty else {
        throw AWSError(
          .invalidProfileFile,
          "\(path) profile [\(profile)] has aws_access_key_id but no aws_secret_access_key; add it")
      }
      return AWSCredentials(
        accessKeyID: key, secretAccessKey: secret, sessionToken: settings["aws_session_token"],
        source: "\(path) [\(profile)]")
    }
    if explicitProfile != nil || nonEmpty("AWS_PROFILE") != nil, !sawProfile {
      throw AWSError(
        .profileNotFound,
        "AWS profile '\(profile)' is in neither \(credentialsFilePath) nor \(configFilePath); "
          + "create it (aws configure --profile \(profile)) or name another profile")
    }
    throw AWSError(
      .credentialsNotFound,
      "no AWS credentials found: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or add "
        + "aws_access_key_id/aws_secret_access_key for profile [\(profile)] to \(credentialsFilePath)")
  }

  /// The region: `explicit`, `AWS_REGION`, `AWS_DEFAULT_REGION`, then the profile's `region`
  /// in the config file; `nil` when none is set.
  public func region(explicit: String? = nil) throws(AWSError) -> String? {
    if let explicit, !explicit.isEmpty { return explicit }
    if let region = nonEmpty("AWS_REGION") ?? nonEmpty("AWS_DEFAULT_REGION") { return region }
    if let file = try load(configFilePath, kind: .config), let region = file.settings(profile)?["region"],
      !region.isEmpty
    {
      return region
    }
    return nil
  }

  /// Like ``region(explicit:)`` but an error when no region is configured.
  public func requireRegion(explicit: String? = nil) throws(AWSError) -> String {
    guard let region = try region(explicit: explicit) else {
      throw AWSError(
        .regionNotFound,
        "no AWS region configured: set `region:` in the job, AWS_REGION, or `region = …` for profile "
          + "[\(profile)] in \(configFilePath)")
    }
    return region
  }

  private func load(_ path: String, kind: AWSProfileFile.Kind) throws(AWSError) -> AWSProfileFile? {
    guard let data = FileManager.default.contents(atPath: path) else { return nil }
    return try AWSProfileFile(text: String(decoding: data, as: UTF8.self), kind: kind, path: path)
  }

  private func nonEmpty(_ name: String) -> String? {
    guard let value = environment[name], !value.isEmpty else { return nil }
    return value
  }

  private func expand(_ path: String) -> String {
    if path == "~" { return homeDirectory }
    if path.hasPrefix("~/") { return homeDirectory + String(path.dropFirst()) }
    return path
  }
}
