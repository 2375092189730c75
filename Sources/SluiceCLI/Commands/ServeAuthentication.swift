import SluiceGateway

/// Builds the `--auth` authenticator from a keys file.
enum ServeAuthentication {
  static func authenticator(keysFile: String) throws -> any RequestAuthenticator {
    throw CLIFailure(message: "--auth is not available yet in this build")
  }
}
