public import SluiceCore

/// The schemas of the Pinterest pipeline (spec §1.1 and §2).
///
/// The `raw*` schemas are what the JSON decoder should produce from the events: the database
/// column names and order with the native types (`follower_count` stays a string because it
/// carries `"5k"`/`"6M"`/`User Info Error`). The `clean*` schemas are exactly what the cleaners
/// output. Every field is nullable: producers may omit fields and casts of bad data yield null.
public enum PinterestSchemas {
  /// `pinterest_data`, 12 fields in DB order.
  public static let rawPin = Schema([
    Field("index", .int64),
    Field("unique_id", .string),
    Field("title", .string),
    Field("description", .string),
    Field("poster_name", .string),
    Field("follower_count", .string),
    Field("tag_list", .string),
    Field("is_image_or_video", .string),
    Field("image_src", .string),
    Field("downloaded", .int64),
    Field("save_location", .string),
    Field("category", .string),
  ])

  /// `geolocation_data`, 5 fields in DB order.
  public static let rawGeo = Schema([
    Field("ind", .int64),
    Field("timestamp", .timestamp),
    Field("latitude", .double),
    Field("longitude", .double),
    Field("country", .string),
  ])

  /// `user_data`, 5 fields in DB order.
  public static let rawUser = Schema([
    Field("ind", .int64),
    Field("first_name", .string),
    Field("last_name", .string),
    Field("age", .int64),
    Field("date_joined", .timestamp),
  ])

  /// Output of ``PinCleaner`` (spec §2.1 step 6; `downloaded` is gone).
  public static let cleanPin = Schema([
    Field("ind", .int64),
    Field("unique_id", .string),
    Field("title", .string),
    Field("description", .string),
    Field("follower_count", .int32),
    Field("poster_name", .string),
    Field("tag_list", .string),
    Field("is_image_or_video", .string),
    Field("image_src", .string),
    Field("save_location", .string),
    Field("category", .string),
  ])

  /// Output of ``GeoCleaner`` (spec §2.2): `coordinates` = `[latitude, longitude]`.
  public static let cleanGeo = Schema([
    Field("ind", .int64),
    Field("country", .string),
    Field("coordinates", .list(.double)),
    Field("timestamp", .timestamp),
  ])

  /// Output of ``UserCleaner`` (spec §2.3): `user_name` = `first_name last_name`.
  public static let cleanUser = Schema([
    Field("ind", .int64),
    Field("user_name", .string),
    Field("age", .int64),
    Field("date_joined", .timestamp),
  ])
}
