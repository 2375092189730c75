import Foundation
import SluiceGateway

/// Builds the `--auth` authenticator from a keys file.
enum ServeAuthentication {
  static func authenticator(keysFile: String) throws -> any RequestAuthenticator {
    guard let data = FileManager.default.contents(atPath: keysFile) else {
      throw CLIFailure(message: "cannot read the --auth keys file \(keysFile): no such file or not readable")
    }
    return try SigV4Authenticator.load(keysFile: keysFile, text: String(decoding: data, as: UTF8.self))
  }
}
