/// One emulated post as the AiCore emulator sends it: the pin, geo and user rows of the same
/// database offset, each serialised as one JSON object (UTF-8, no trailing newline).
public struct PinterestEvent: Sendable, Hashable {
  /// The row offset, equal to `index` in the pin record and `ind` in geo and user.
  public var index: Int
  public var pin: [UInt8]
  public var geo: [UInt8]
  public var user: [UInt8]

  public init(index: Int, pin: [UInt8], geo: [UInt8], user: [UInt8]) {
    self.index = index
    self.pin = pin
    self.geo = geo
    self.user = user
  }

  /// The payload of `kind`.
  public func payload(_ kind: EventKind) -> [UInt8] {
    switch kind {
    case .pin: pin
    case .geo: geo
    case .user: user
    }
  }
}
