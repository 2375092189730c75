import XCTest

@testable import SluiceCheckpoint

/// The same contract checks run against both stores.
final class CheckpointStoreContractTests: XCTestCase {
  var folder: TemporaryFolder!

  override func setUp() { folder = TemporaryFolder() }
  override func tearDown() { folder.remove() }

  var stores: [any CheckpointStore] { [LocalCheckpointStore(root: folder.path), InMemoryCheckpointStore()] }

  func testCreateIfAbsentNeverOverwrites() throws {
    for store in stores {
      XCTAssertTrue(try store.createIfAbsent("offsets/0", contents: Array("first".utf8)))
      XCTAssertFalse(try store.createIfAbsent("offsets/0", contents: Array("second".utf8)))
      XCTAssertEqual(try store.read("offsets/0"), Array("first".utf8), "\(store)")
    }
  }

  func testReadMissingIsNilAndDeleteMissingSucceeds() throws {
    for store in stores {
      XCTAssertNil(try store.read("commits/9"))
      XCTAssertNoThrow(try store.delete("commits/9"))
    }
  }

  func testOverwriteReplaces() throws {
    for store in stores {
      try store.overwrite("progress/1.json", contents: [1])
      try store.overwrite("progress/1.json", contents: [2, 3])
      XCTAssertEqual(try store.read("progress/1.json"), [2, 3])
    }
  }

  func testListShowsChildrenSorted() throws {
    for store in stores {
      for path in ["offsets/1", "offsets/0", "sources/0/0", "metadata"] {
        XCTAssertTrue(try store.createIfAbsent(path, contents: [0]))
      }
      XCTAssertEqual(try store.list(directory: ""), ["metadata", "offsets", "sources"])
      XCTAssertEqual(try store.list(directory: "offsets"), ["0", "1"])
      XCTAssertEqual(try store.list(directory: "missing"), [])
      try store.delete("offsets/0")
      XCTAssertEqual(try store.list(directory: "offsets"), ["1"])
    }
  }

  func testRejectsUnsafePaths() {
    for store in stores {
      for path in ["", "/etc/passwd", "../x", "offsets/../x", "offsets//1", ".lock", "offsets/.1.tmp"] {
        XCTAssertThrowsError(try store.createIfAbsent(path, contents: []), path) { error in
          XCTAssertEqual((error as? CheckpointError)?.code, .invalidPath)
        }
      }
    }
  }
}

final class LocalCheckpointStoreTests: XCTestCase {
  var folder: TemporaryFolder!

  override func setUp() { folder = TemporaryFolder() }
  override func tearDown() { folder.remove() }

  func testWritesLeaveNoTemporaryFiles() throws {
    let store = LocalCheckpointStore(root: folder.path + "/nested/cp/")
    XCTAssertEqual(store.root, folder.path + "/nested/cp")
    XCTAssertTrue(try store.createIfAbsent("offsets/0", contents: Array("x".utf8)))
    XCTAssertFalse(try store.createIfAbsent("offsets/0", contents: Array("y".utf8)))
    try store.overwrite("progress/0.json", contents: [1])
    XCTAssertEqual(folder.names("nested/cp/offsets"), ["0"])
    XCTAssertEqual(folder.names("nested/cp/progress"), ["0.json"])
  }

  func testListingIgnoresTemporaryAndHiddenFiles() throws {
    let store = LocalCheckpointStore(root: folder.path)
    try folder.write("offsets/0", Array("x".utf8))
    try folder.write("offsets/.1.3f2c.tmp", Array("partial".utf8))
    try folder.write("offsets/.0.crc", [1])
    try folder.write(".lock", [])
    XCTAssertEqual(try store.list(directory: "offsets"), ["0"])
    XCTAssertEqual(try store.list(directory: ""), ["offsets"])
  }

  func testAFileInPlaceOfAFolderIsAClearError() throws {
    try folder.write("offsets", Array("not a folder".utf8))
    let store = LocalCheckpointStore(root: folder.path)
    XCTAssertThrowsError(try store.createIfAbsent("offsets/0", contents: [1])) { error in
      let error = error as! CheckpointError
      XCTAssertTrue([.invalidPath, .ioFailure].contains(error.code), "\(error.code)")
      XCTAssertTrue(error.message.contains(folder.path + "/offsets/0"), error.message)
    }
  }

  func testPosixMappingMessages() {
    let full = CheckpointError.posix(ENOSPC, .writing, path: "/c/offsets/3")
    XCTAssertEqual(full.code, .diskFull)
    XCTAssertEqual(
      full.message,
      "disk full while writing /c/offsets/3; free space and restart: no data was lost, the batch will be re-run"
    )
    XCTAssertEqual(CheckpointError.posix(EACCES, .reading, path: "p").code, .permissionDenied)
    XCTAssertEqual(CheckpointError.posix(EROFS, .writing, path: "p").code, .readOnlyFileSystem)
    XCTAssertEqual(CheckpointError.posix(EIO, .writing, path: "p").code, .ioFailure)
    XCTAssertEqual(CheckpointError.posix(EIO, .writing, path: "p").errno, EIO)
  }
}

final class InMemoryCheckpointStoreTests: XCTestCase {
  func testFailNextWriteFailsOnceAndWritesNothing() throws {
    let store = InMemoryCheckpointStore()
    store.failNextWrite(to: "commits/")
    XCTAssertThrowsError(try store.createIfAbsent("commits/0", contents: [1])) { error in
      XCTAssertEqual((error as? CheckpointError)?.code, .diskFull)
    }
    XCTAssertNil(try store.read("commits/0"))
    XCTAssertTrue(try store.createIfAbsent("commits/0", contents: [1]))
    XCTAssertTrue(try store.createIfAbsent("offsets/0", contents: [1]))
    XCTAssertEqual(store.writtenPaths, ["commits/0", "offsets/0"])
  }
}
