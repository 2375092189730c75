/// The three record kinds of the Pinterest pipeline (spec §0): a post, where/when it was
/// posted, and who posted it.
public enum EventKind: String, CaseIterable, Sendable, Hashable {
  case pin
  case geo
  case user

  /// `pinterest.pin`, `pinterest.geo`, `pinterest.user`.
  public var defaultTopic: String {
    switch self {
    case .pin: PinterestEmulator.pinTopic
    case .geo: PinterestEmulator.geoTopic
    case .user: PinterestEmulator.userTopic
    }
  }

  /// The name of the join key in this kind's records: `index` for pin, `ind` otherwise.
  public var keyField: String { self == .pin ? "index" : "ind" }

  /// Field names in database column order (spec §1.1), which is the order on the wire.
  public var fieldNames: [String] {
    switch self {
    case .pin:
      [
        "index", "unique_id", "title", "description", "poster_name", "follower_count", "tag_list",
        "is_image_or_video", "image_src", "downloaded", "save_location", "category",
      ]
    case .geo: ["ind", "timestamp", "latitude", "longitude", "country"]
    case .user: ["ind", "first_name", "last_name", "age", "date_joined"]
    }
  }
}
