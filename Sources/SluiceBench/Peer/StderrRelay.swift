import Foundation
import Synchronization

/// Copies a child's stderr to ours line by line as it arrives (on a background thread) and
/// keeps the text, so a failure can quote the child's last message.
final class StderrRelay: Sendable {
  private let collected = Mutex<[UInt8]>([])
  private let done = DispatchSemaphore(value: 0)

  init(_ handle: FileHandle) {
    let thread = Thread { [self] in
      while true {
        let data = handle.availableData
        if data.isEmpty { break }
        FileHandle.standardError.write(data)
        collected.withLock { $0.append(contentsOf: data) }
      }
      done.signal()
    }
    thread.name = "peer-stderr"
    thread.start()
  }

  /// Waits for the end of the stream and returns everything it carried.
  func finish() -> String {
    done.wait()
    return collected.withLock { String(decoding: $0, as: UTF8.self) }
  }
}
