import SluiceCore

/// The newline-delimited JSON form of one commit (`NNNNNNNNNNNNNNNNNNNN.json`).
public enum CommitFile {
  /// One compact JSON line per action, each ending in `\n`.
  public static func encode(_ actions: [DeltaAction]) -> [UInt8] {
    var text = ""
    for action in actions {
      text += action.jsonLine
      text += "\n"
    }
    return Array(text.utf8)
  }

  /// Parses a commit. Blank lines are skipped; anything else that is not a valid action is a
  /// ``DeltaError/Code/corruptCommit`` naming `fileName` and the 1-based line number.
  public static func decode(_ bytes: [UInt8], fileName: String) throws(DeltaError) -> [DeltaAction] {
    var actions: [DeltaAction] = []
    var failure: DeltaError?
    bytes.withUnsafeBytes { buffer in
      var lineStart = 0
      var lineNumber = 0
      while lineStart < buffer.count, failure == nil {
        var lineEnd = lineStart
        while lineEnd < buffer.count, buffer[lineEnd] != 0x0A { lineEnd += 1 }
        lineNumber += 1
        var contentEnd = lineEnd
        if contentEnd > lineStart, buffer[contentEnd - 1] == 0x0D { contentEnd -= 1 }
        let line = UnsafeRawBufferPointer(rebasing: buffer[lineStart..<contentEnd])
        if !line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
          do {
            let value = try JSONValue.parse(line)
            actions.append(try DeltaAction.decode(value))
          } catch let error as CoreError {
            let truncated = lineEnd == buffer.count ? " (the file ends inside this line: truncated?)" : ""
            failure = .corruptCommit(fileName, line: lineNumber, error.message + truncated)
          } catch let error as ActionDecodingError {
            failure = .corruptCommit(fileName, line: lineNumber, error.what)
          } catch {
            failure = .corruptCommit(fileName, line: lineNumber, "\(error)")
          }
        }
        lineStart = lineEnd + 1
      }
    }
    if let failure { throw failure }
    guard !actions.isEmpty else {
      throw DeltaError(
        .corruptCommit,
        "commit \(fileName) is empty (an interrupted write?); restore it from a backup or read an earlier version"
      )
    }
    return actions
  }
}

extension CommitFile {
  /// The commit's `commitInfo`, parsing only the line that holds it (for history of large
  /// commits); `nil` when there is none.
  public static func commitInfo(in bytes: [UInt8], fileName: String) throws(DeltaError) -> CommitInfo? {
    let marker = Array("{\"commitInfo\"".utf8)
    var result: Result<CommitInfo?, DeltaError> = .success(nil)
    bytes.withUnsafeBytes { buffer in
      var lineStart = 0
      var lineNumber = 0
      while lineStart < buffer.count {
        var lineEnd = lineStart
        while lineEnd < buffer.count, buffer[lineEnd] != 0x0A { lineEnd += 1 }
        lineNumber += 1
        let line = UnsafeRawBufferPointer(rebasing: buffer[lineStart..<lineEnd])
        if line.count >= marker.count, line.prefix(marker.count).elementsEqual(marker) {
          do {
            let value = try JSONValue.parse(line)
            if case .commitInfo(let info) = try DeltaAction.decode(value) { result = .success(info) }
          } catch let error as CoreError {
            result = .failure(.corruptCommit(fileName, line: lineNumber, error.message))
          } catch let error as ActionDecodingError {
            result = .failure(.corruptCommit(fileName, line: lineNumber, error.what))
          } catch {
            result = .failure(.corruptCommit(fileName, line: lineNumber, "\(error)"))
          }
          return
        }
        lineStart = lineEnd + 1
      }
    }
    return try result.get()
  }
}
