import Foundation
import XCTest

@testable import SluiceLog

final class TopicDeletionTests: XCTestCase {
  func testDeleteRemovesTheTopicAndItsFilesAndAllowsRecreation() throws {
    let log = TemporaryLog(for: self)
    let store = try log.store(.init(fsync: .always))
    try store.createTopic("gone", partitions: 2)
    try store.createTopic("kept", partitions: 1)
    let writer = try store.openWriter(topic: "gone")
    for i in 0..<10 { try writer.append(value: testValue(i), timestampMs: 1) }
    try writer.close()

    try store.deleteTopic("gone")
    XCTAssertEqual(try store.topicNames(), ["kept"])
    XCTAssertFalse(FileManager.default.fileExists(atPath: log.root + "/gone"))
    assertLogError(.topicNotFound, ["gone"]) { try store.describe(topic: "gone") }
    assertLogError(.topicNotFound, ["gone"]) { try store.deleteTopic("gone") }

    let recreated = try store.createTopic("gone", partitions: 1)
    XCTAssertEqual(recreated.partitions.map(\.latestOffset), [0], "a re-created topic starts empty")
  }

  func testDeleteIsRefusedWhileAWriterIsOpen() throws {
    let log = TemporaryLog(for: self)
    let store = try log.store()
    try store.createTopic("busy", partitions: 1)
    let writer = try store.openWriter(topic: "busy")
    assertLogError(.writerLocked, ["busy"]) { try store.deleteTopic("busy") }
    XCTAssertEqual(try store.topicNames(), ["busy"])
    try writer.close()
    try store.deleteTopic("busy")
    XCTAssertEqual(try store.topicNames(), [])
  }
}
