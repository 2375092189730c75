public import SluiceCore

/// The three Pinterest event kinds that have a cleaner; the raw value is the job-file spelling
/// (`clean: pin`).
public enum CleanerKind: String, CaseIterable, Sendable, Hashable, Codable {
  case pin
  case geo
  case user

  /// A new cleaner for this kind (``PinCleaner``, ``GeoCleaner`` or ``UserCleaner``).
  public func makeCleaner() -> any Transform {
    switch self {
    case .pin: PinCleaner()
    case .geo: GeoCleaner()
    case .user: UserCleaner()
    }
  }

  /// The decoder schema to use for this kind's raw events.
  public var rawSchema: Schema {
    switch self {
    case .pin: PinterestSchemas.rawPin
    case .geo: PinterestSchemas.rawGeo
    case .user: PinterestSchemas.rawUser
    }
  }

  /// The schema the cleaner outputs.
  public var cleanSchema: Schema {
    switch self {
    case .pin: PinterestSchemas.cleanPin
    case .geo: PinterestSchemas.cleanGeo
    case .user: PinterestSchemas.cleanUser
    }
  }
}
