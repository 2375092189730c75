import Foundation
import SluiceAWS
import XCTest

final class CredentialChainTests: XCTestCase {
  var home: URL!

  override func setUpWithError() throws {
    home = FileManager.default.temporaryDirectory.appendingPathComponent("aws-home-\(UUID().uuidString)")
    try FileManager.default.createDirectory(
      at: home.appendingPathComponent(".aws"), withIntermediateDirectories: true)
  }

  override func tearDownWithError() throws {
    try? FileManager.default.removeItem(at: home)
  }

  private func write(_ name: String, _ text: String) throws {
    try text.write(to: home.appendingPathComponent(".aws/\(name)"), atomically: true, encoding: .utf8)
  }

  private func chain(_ environment: [String: String] = [:], profile: String? = nil) -> AWSCredentialChain {
    AWSCredentialChain(environment: environment, profile: profile, homeDirectory: home.path)
  }

  func testEnvironmentVariablesComeFirst() throws {
    try write("credentials", "[default]\naws_access_key_id = FILE\naws_secret_access_key = filesecret\n")
    let credentials = try chain([
      "AWS_ACCESS_KEY_ID": "ENV", "AWS_SECRET_ACCESS_KEY": "envsecret", "AWS_SESSION_TOKEN": "tok",
    ]).credentials()
    XCTAssertEqual(credentials.accessKeyID, "ENV")
    XCTAssertEqual(credentials.secretAccessKey, "envsecret")
    XCTAssertEqual(credentials.sessionToken, "tok")
    XCTAssertFalse(credentials.description.contains("envsecret"))
  }

  func testAKeyWithoutSecretIsAnError() {
    XCTAssertThrowsError(try chain(["AWS_ACCESS_KEY_ID": "ENV"]).credentials()) { error in
      XCTAssertEqual((error as? AWSError)?.code, .credentialsNotFound)
      XCTAssertTrue("\(error)".contains("AWS_SECRET_ACCESS_KEY"))
    }
  }

  func testSharedCredentialsFileWithProfilesCommentsAndSubsections() throws {
    try write(
      "credentials",
      """
      # comment
      [default]
      aws_access_key_id=DEFAULTKEY
      aws_secret_access_key = default/secret+x ; inline comment

      [dev]
      aws_access_key_id = DEVKEY
      aws_secret_access_key = devsecret
      aws_session_token = devtoken
      s3 =
        max_concurrent_requests = 10
      """)
    let defaults = try chain().credentials()
    XCTAssertEqual(defaults.accessKeyID, "DEFAULTKEY")
    XCTAssertEqual(defaults.secretAccessKey, "default/secret+x")
    let dev = try chain(["AWS_PROFILE": "dev"]).credentials()
    XCTAssertEqual(dev.accessKeyID, "DEVKEY")
    XCTAssertEqual(dev.sessionToken, "devtoken")
    XCTAssertTrue(dev.source.contains("[dev]"))
    // An explicit profile wins over AWS_PROFILE and skips environment keys.
    let explicit = try chain(
      ["AWS_PROFILE": "nope", "AWS_ACCESS_KEY_ID": "ENV", "AWS_SECRET_ACCESS_KEY": "x"], profile: "dev"
    ).credentials()
    XCTAssertEqual(explicit.accessKeyID, "DEVKEY")
  }

  func testConfigFileProfilesAndRegion() throws {
    try write(
      "config",
      """
      [default]
      region = us-west-2

      [profile ci]
      region=eu-central-1
      aws_access_key_id = CIKEY
      aws_secret_access_key = cisecret

      [sso-session corp]
      sso_region = us-east-1
      """)
    XCTAssertEqual(try chain().region(), "us-west-2")
    XCTAssertEqual(try chain(profile: "ci").region(), "eu-central-1")
    XCTAssertEqual(try chain(profile: "ci").credentials().accessKeyID, "CIKEY")
    XCTAssertEqual(try chain(["AWS_DEFAULT_REGION": "ap-south-1"]).region(), "ap-south-1")
    XCTAssertEqual(
      try chain(["AWS_REGION": "sa-east-1", "AWS_DEFAULT_REGION": "ap-south-1"]).region(), "sa-east-1")
    XCTAssertEqual(try chain(["AWS_REGION": "sa-east-1"]).region(explicit: "us-east-2"), "us-east-2")
  }

  func testFileLocationsFromEnvironment() throws {
    let other = home.appendingPathComponent("creds.ini")
    try "[x]\naws_access_key_id = K\naws_secret_access_key = S\n".write(
      to: other, atomically: true, encoding: .utf8)
    let credentials = try chain(["AWS_SHARED_CREDENTIALS_FILE": other.path, "AWS_PROFILE": "x"]).credentials()
    XCTAssertEqual(credentials.accessKeyID, "K")
  }

  func testMissingThingsAreActionableErrors() throws {
    XCTAssertThrowsError(try chain().credentials()) { error in
      XCTAssertEqual((error as? AWSError)?.code, .credentialsNotFound)
      XCTAssertTrue("\(error)".contains("AWS_ACCESS_KEY_ID"))
    }
    XCTAssertThrowsError(try chain(profile: "ghost").credentials()) { error in
      XCTAssertEqual((error as? AWSError)?.code, .profileNotFound)
      XCTAssertTrue("\(error)".contains("ghost"))
    }
    XCTAssertThrowsError(try chain().requireRegion()) { error in
      XCTAssertEqual((error as? AWSError)?.code, .regionNotFound)
    }
    try write("credentials", "[default]\naws_access_key_id = K\n")
    XCTAssertThrowsError(try chain().credentials()) { error in
      XCTAssertEqual((error as? AWSError)?.code, .invalidProfileFile)
    }
    try write("credentials", "aws_access_key_id = K\n")
    XCTAssertThrowsError(try chain().credentials()) { error in
      XCTAssertEqual((error as? AWSError)?.code, .invalidProfileFile)
      XCTAssertTrue("\(error)".contains("line 1"), "\(error)")
    }
  }
}
