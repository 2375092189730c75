public import SluiceCore
public import SluiceTransforms

extension CleanerKind {
  /// The schema raw events of this kind are decoded into when a job starts with `clean: <kind>`.
  public var rawSchema: Schema {
    switch self {
    case .pin: PinterestSchemas.rawPin
    case .geo: PinterestSchemas.rawGeo
    case .user: PinterestSchemas.rawUser
    }
  }
}
