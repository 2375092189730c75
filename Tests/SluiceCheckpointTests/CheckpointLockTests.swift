import Foundation
import XCTest

@testable import SluiceCheckpoint

final class CheckpointLockTests: XCTestCase {
  var folder: TemporaryFolder!

  override func setUp() { folder = TemporaryFolder() }
  override func tearDown() { folder.remove() }

  func testSecondLockFailsWithTheHoldersDetails() throws {
    let first = try CheckpointLock.acquire(directory: folder.path)
    XCTAssertTrue(first.isHeld)
    XCTAssertThrowsError(try CheckpointLock.acquire(directory: folder.path)) { error in
      let error = error as! CheckpointError
      XCTAssertEqual(error.code, .checkpointInUse)
      XCTAssertTrue(
        error.message.hasPrefix(
          "checkpoint \(folder.path) is in use by another run (pid \(getpid()) on host "),
        error.message)
      XCTAssertTrue(error.message.contains(", started 20"), error.message)
      XCTAssertTrue(
        error.message.hasSuffix("; stop it first or use another checkpoint folder"), error.message)
    }
    first.release()
    XCTAssertFalse(first.isHeld)
    let second = try LocalCheckpointStore(root: folder.path).acquireLock()
    XCTAssertTrue(second.isHeld)
  }

  func testLockIsReleasedWhenDeallocated() throws {
    do {
      _ = try CheckpointLock.acquire(directory: folder.path)
    }
    XCTAssertNoThrow(try CheckpointLock.acquire(directory: folder.path))
  }

  func testLockFileIsHiddenFromTheStore() throws {
    let lock = try CheckpointLock.acquire(directory: folder.path + "/new/folder")
    XCTAssertTrue(folder.exists("new/folder/.lock"))
    XCTAssertEqual(try LocalCheckpointStore(root: folder.path + "/new/folder").list(directory: ""), [])
    lock.release()
  }
}
