import SluiceCore
import XCTest

@testable import SluiceEmulator

/// Over 20,000 events the data shows every quirk of spec §1.3–§1.4 and §5 at plausible rates
/// and stays within the documented value ranges.
final class EmulatorQuirkTests: XCTestCase {
  nonisolated(unsafe) static var cache: [ParsedEvent]?

  func events() throws -> [ParsedEvent] {
    if let cached = Self.cache { return cached }
    let parsed = try parsedEvents(seed: 2024, count: 20_000, variant: .mixed)
    Self.cache = parsed
    return parsed
  }

  func values(_ kind: EventKind, _ field: String) throws -> [String] {
    try events().map { try XCTUnwrap($0.record(kind)[field]?.text, "\(kind).\(field)") }
  }

  func testPlaceholdersOccur() throws {
    let titles = try values(.pin, "title")
    let descriptions = try values(.pin, "description")
    let posters = try values(.pin, "poster_name")
    let followers = try values(.pin, "follower_count")
    let tags = try values(.pin, "tag_list")
    let images = try values(.pin, "image_src")
    XCTAssertTrue(titles.contains("No Title Data Available"))
    XCTAssertTrue(titles.contains(""))
    XCTAssertTrue(descriptions.contains("No description available Story format"))
    XCTAssertTrue(descriptions.contains("No description available"))
    XCTAssertTrue(descriptions.contains("Untitled"))
    XCTAssertTrue(descriptions.contains(""))
    XCTAssertTrue(posters.contains("User Info Error"))
    XCTAssertTrue(followers.contains("User Info Error"))
    XCTAssertTrue(tags.contains("N,o, ,T,a,g,s, ,A,v,a,i,l,a,b,l,e"))
    XCTAssertTrue(images.contains("Image src error."))
    let errorRate = Double(followers.filter { $0 == "User Info Error" }.count) / Double(followers.count)
    XCTAssertTrue((0.01...0.06).contains(errorRate), "follower placeholder rate \(errorRate)")
  }

  /// Spec §1.3 last paragraph: all descriptive fields placeholders, downloaded 0, story format,
  /// while category, unique_id and save_location stay valid; downloaded 0 only there.
  func testAllPlaceholderRows() throws {
    var allPlaceholder = 0
    for event in try events() {
      let pin = event.pin
      let downloaded = try XCTUnwrap(pin["downloaded"]?.looseInt)
      let isPattern =
        pin["title"]?.text == "No Title Data Available" && pin["poster_name"]?.text == "User Info Error"
        && pin["image_src"]?.text == "Image src error." && downloaded == 0
      if downloaded == 0 {
        XCTAssertTrue(isPattern, pin.compact)
        XCTAssertEqual(pin["description"]?.text, "No description available Story format")
        XCTAssertEqual(pin["follower_count"]?.text, "User Info Error")
        XCTAssertEqual(pin["tag_list"]?.text, "N,o, ,T,a,g,s, ,A,v,a,i,l,a,b,l,e")
        XCTAssertEqual(pin["is_image_or_video"]?.text, "multi-video(story page format)")
        XCTAssertEqual(pin["save_location"]?.text, "Local save in /data/" + (pin["category"]?.text ?? "?"))
        allPlaceholder += 1
      } else {
        XCTAssertEqual(downloaded, 1)
      }
    }
    XCTAssertGreaterThan(allPlaceholder, 100)
    XCTAssertLessThan(allPlaceholder, 1000)
  }

  func testFollowerCountShapes() throws {
    var shapes: [String: Int] = [:]
    for value in try values(.pin, "follower_count") {
      if value == "User Info Error" { continue }
      let digits = value.prefix { $0.isASCII && $0.isNumber }
      XCTAssertFalse(digits.isEmpty, value)
      XCTAssertFalse(digits.count > 1 && digits.first == "0", value)
      let suffix = String(value.dropFirst(digits.count))
      XCTAssertTrue(["", "k", "M"].contains(suffix), value)
      shapes[value == "0" ? "zero" : suffix.isEmpty ? "plain" : suffix, default: 0] += 1
      if suffix == "M" { XCTAssertLessThanOrEqual(Int(digits)!, 15) }
    }
    XCTAssertEqual(Set(shapes.keys), ["zero", "plain", "k", "M"])
    XCTAssertGreaterThan(shapes["k", default: 0], shapes["plain", default: 0])
  }

  func testCategoriesMediaAndURLs() throws {
    let categories = [
      "art", "beauty", "christmas", "diy-and-crafts", "education", "event-planning", "finance", "home-decor",
      "mens-fashion", "quotes", "tattoos", "travel", "vehicles",
    ]
    var seenCategories: Set<String> = []
    var media: [String: Int] = [:]
    var uuidByIndex: [Int: String] = [:]
    for event in try events() {
      let pin = event.pin
      let category = try XCTUnwrap(pin["category"]?.text)
      seenCategories.insert(category)
      XCTAssertEqual(pin["save_location"]?.text, "Local save in /data/\(category)")
      let kind = try XCTUnwrap(pin["is_image_or_video"]?.text)
      media[kind, default: 0] += 1
      if kind == "multi-video(story page format)" {
        XCTAssertEqual(pin["description"]?.text, "No description available Story format")
      }
      let uuid = try XCTUnwrap(pin["unique_id"]?.text)
      XCTAssertTrue(Self.isUUIDv4(uuid), uuid)
      if let earlier = uuidByIndex[event.index] { XCTAssertEqual(earlier, uuid) }
      uuidByIndex[event.index] = uuid
      let image = try XCTUnwrap(pin["image_src"]?.text)
      if image != "Image src error." {
        if kind == "image" {
          XCTAssertTrue(image.hasPrefix("https://i.pinimg.com/originals/"), image)
          XCTAssertTrue(image.hasSuffix(".jpg") || image.hasSuffix(".png"), image)
        } else {
          XCTAssertTrue(image.hasPrefix("https://i.pinimg.com/videos/thumbnails/originals/"), image)
          XCTAssertTrue(image.hasSuffix(".0000001.jpg"), image)
        }
      }
    }
    XCTAssertEqual(seenCategories, Set(categories))
    XCTAssertEqual(Set(media.keys), ["image", "video", "multi-video(story page format)"])
    let imageShare = Double(media["image"]!) / 20_000
    XCTAssertTrue((0.85...0.91).contains(imageShare), "image share \(imageShare)")
  }

  func testTagListsAndTextQuirks() throws {
    var nineTags = 0
    var lists = 0
    for tags in try values(.pin, "tag_list") where tags != "N,o, ,T,a,g,s, ,A,v,a,i,l,a,b,l,e" {
      let parts = tags.split(separator: ",", omittingEmptySubsequences: false)
      XCTAssertFalse(tags.contains(", "), tags)
      XCTAssertEqual(Set(parts).count, parts.count, tags)
      nineTags += parts.count == 9 ? 1 : 0
      lists += 1
    }
    XCTAssertGreaterThan(Double(nineTags) / Double(lists), 0.7)

    let text = try values(.pin, "title") + values(.pin, "description") + values(.pin, "poster_name")
    func any(_ predicate: (String) -> Bool) -> Bool { text.contains(where: predicate) }
    XCTAssertTrue(any { $0.unicodeScalars.contains { (0x370...0x3FF).contains($0.value) } }, "Greek")
    XCTAssertTrue(any { $0.unicodeScalars.contains { (0x400...0x4FF).contains($0.value) } }, "Cyrillic")
    XCTAssertTrue(any { $0.unicodeScalars.contains { $0.value >= 0x1F300 } }, "emoji")
    XCTAssertTrue(any { $0.contains("’") || $0.contains("“") }, "curly quotes")
    XCTAssertTrue(any { $0.contains("&amp;") }, "HTML entity")
    XCTAssertTrue(any { $0.contains("ｘ") }, "full-width")
    XCTAssertTrue(any { $0.contains("é") || $0.contains("ö") }, "accents")
    XCTAssertTrue(any { $0.contains("\"") }, "double quote")
    XCTAssertTrue(any { $0.contains("\n") }, "newline")
    XCTAssertTrue(any { $0.contains("\\") }, "backslash")
    XCTAssertTrue(any { $0.hasPrefix("#") }, "hashtags")

    let descriptions = try values(.pin, "description")
    let cut = descriptions.filter { $0.hasSuffix("…") || $0.hasSuffix("…\u{00A0}") }
    XCTAssertGreaterThan(cut.count, 500)
    XCTAssertTrue(cut.contains { $0.hasSuffix("…\u{00A0}") })
    XCTAssertTrue(cut.contains { $0.hasSuffix("…") })
    XCTAssertLessThanOrEqual(descriptions.map { $0.utf8.count }.max()!, 179 + 5)
  }

  func testGeoAndUserRanges() throws {
    let postStart = Timestamp.parseMicros("2017-10-01 00:00:00")!
    let postEnd = Timestamp.parseMicros("2022-10-31 23:59:59")!
    let joinStart = Timestamp.parseMicros("2015-10-01 00:00:00")!
    let joinEnd = Timestamp.parseMicros("2017-10-31 23:59:59")!
    var countries: Set<String> = []
    var ages: Set<Int64> = []
    var nearSouthPole = 0
    for event in try events() {
      let posted = try XCTUnwrap(event.geo["timestamp"]?.text.flatMap { Timestamp.parseMicros($0) })
      XCTAssertTrue((postStart...postEnd).contains(posted))
      let latitude = try XCTUnwrap(event.geo["latitude"]?.looseDouble)
      let longitude = try XCTUnwrap(event.geo["longitude"]?.looseDouble)
      XCTAssertTrue((-90...90).contains(latitude))
      XCTAssertTrue((-180...180).contains(longitude))
      nearSouthPole += latitude < -80 ? 1 : 0
      countries.insert(try XCTUnwrap(event.geo["country"]?.text))
      let joined = try XCTUnwrap(event.user["date_joined"]?.text.flatMap { Timestamp.parseMicros($0) })
      XCTAssertTrue((joinStart...joinEnd).contains(joined))
      let age = try XCTUnwrap(event.user["age"]?.looseInt)
      XCTAssertTrue((20...59).contains(age))
      ages.insert(age)
      XCTAssertFalse(try XCTUnwrap(event.user["first_name"]?.text).isEmpty)
    }
    XCTAssertGreaterThan(countries.count, 60)
    for odd in ["Antarctica (the territory South of 60 deg S)", "Cote d'Ivoire", "Cocos (Keeling) Islands"] {
      XCTAssertTrue(countries.contains(odd), odd)
    }
    XCTAssertEqual(ages.min(), 20)
    XCTAssertEqual(ages.max(), 59)
    XCTAssertGreaterThan(nearSouthPole, 20_000 / 5)
  }

  /// Spec §1.4: the same person (user row, coordinates, country) appears under different `ind`.
  func testUsersRepeatUnderDifferentIndices() throws {
    var indicesByPerson: [String: Set<Int>] = [:]
    for event in try events() {
      let user = event.user
      let geo = event.geo
      let person = [
        user["first_name"]?.text, user["last_name"]?.text, user["age"]?.text, user["date_joined"]?.text,
        geo["latitude"]?.looseDouble.map { String($0) }, geo["country"]?.text,
      ].map { $0 ?? "?" }.joined(separator: "|")
      indicesByPerson[person, default: []].insert(event.index)
    }
    let distinctIndices = Set(try events().map(\.index)).count
    XCTAssertLessThan(Double(indicesByPerson.count), Double(distinctIndices) * 0.9)
    XCTAssertTrue(indicesByPerson.values.contains { $0.count >= 2 })
  }

  static func isUUIDv4(_ text: String) -> Bool {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.map(\.count) == [8, 4, 4, 4, 12] else { return false }
    guard text.allSatisfy({ $0 == "-" || $0.isHexDigit && !$0.isUppercase }) else { return false }
    return parts[2].first == "4" && "89ab".contains(parts[3].first!)
  }
}
