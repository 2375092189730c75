import Foundation
import XCTest

@testable import SluiceLog

final class WriterLockTests: XCTestCase {
  func testSecondWriterGetsAClearErrorNamingThePid() throws {
    let log = TemporaryLog(for: self)
    let store = try log.store()
    try store.createTopic("t", partitions: 1)
    let first = try store.openWriter(topic: "t")
    let lockFile = log.root + "/t/.writer.lock"
    let content = try String(contentsOfFile: lockFile, encoding: .utf8)
    XCTAssertEqual(content, "\(getpid())\n")
    assertLogError(.writerLocked, ["topic t is being written by another process (pid \(getpid()))"]) {
      try store.openWriter(topic: "t")
    }
    // Another store on the same root (as another process would have) is refused too.
    assertLogError(.writerLocked, ["topic t is being written"]) { try log.store().openWriter(topic: "t") }
    try first.append(value: [1], timestampMs: 0)
    try first.close()
    let second = try store.openWriter(topic: "t")
    XCTAssertEqual(try second.append(value: [2], timestampMs: 0).offset, 1)
    try second.close()
  }

  func testLockHeldByAnotherProcessIsRespected() throws {
    let flock = "/usr/bin/flock"
    try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: flock), "needs util-linux flock")
    let log = TemporaryLog(for: self)
    let store = try log.store()
    try store.createTopic("t", partitions: 1)
    let lockFile = log.root + "/t/.writer.lock"
    let ready = log.root + "/ready"
    let holder = Process()
    holder.executableURL = URL(fileURLWithPath: flock)
    let stop = log.root + "/stop"
    holder.arguments = [
      lockFile, "sh", "-c",
      "echo 4242 > \(lockFile); touch \(ready); i=0; while [ ! -e \(stop) ] && [ $i -lt 600 ]; do sleep 0.05; i=$((i+1)); done",
    ]
    try holder.run()
    defer {
      _ = FileManager.default.createFile(atPath: stop, contents: nil)
      holder.waitUntilExit()
    }
    let deadline = Date().addingTimeInterval(10)
    while !FileManager.default.fileExists(atPath: ready) && Date() < deadline { usleep(10_000) }
    assertLogError(.writerLocked, ["topic t is being written by another process (pid 4242)"]) {
      try store.openWriter(topic: "t")
    }
  }

  func testDroppingAWriterReleasesTheLock() throws {
    let store = try TemporaryLog(for: self).store()
    try store.createTopic("t", partitions: 1)
    do {
      let writer = try store.openWriter(topic: "t")
      try writer.append(value: [1], timestampMs: 0)
    }
    let writer = try store.openWriter(topic: "t")
    XCTAssertEqual(try writer.nextOffset(partition: 0), 1, "deinit flushed and released")
    try writer.close()
  }
}
