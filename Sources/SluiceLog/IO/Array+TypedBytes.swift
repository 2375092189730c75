/// `withUnsafeBytes` for bodies that throw ``LogError`` (the standard library's version is
/// `rethrows`, which erases the error type).
extension Array where Element == UInt8 {
  func withLogBytes<R>(_ body: (UnsafeRawBufferPointer) throws(LogError) -> R) throws(LogError) -> R {
    let result: Result<R, LogError> = withUnsafeBytes { raw in
      Result { () throws(LogError) -> R in try body(raw) }
    }
    return try result.get()
  }

  mutating func withLogMutableBytes<R>(
    _ body: (UnsafeMutableRawBufferPointer) throws(LogError) -> R
  ) throws(LogError) -> R {
    let result: Result<R, LogError> = withUnsafeMutableBytes { raw in
      Result { () throws(LogError) -> R in try body(raw) }
    }
    return try result.get()
  }
}
