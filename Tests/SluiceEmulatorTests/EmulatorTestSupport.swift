import SluiceCore
import XCTest

@testable import SluiceEmulator

/// One emitted event parsed with the core's reference JSON parser.
struct ParsedEvent {
  var index: Int
  var pin: JSONValue
  var geo: JSONValue
  var user: JSONValue
  var raw: PinterestEvent

  init(_ event: PinterestEvent) throws {
    index = event.index
    raw = event
    pin = try event.pin.withUnsafeBytes { try JSONValue.parse($0) }
    geo = try event.geo.withUnsafeBytes { try JSONValue.parse($0) }
    user = try event.user.withUnsafeBytes { try JSONValue.parse($0) }
  }

  func record(_ kind: EventKind) -> JSONValue {
    switch kind {
    case .pin: pin
    case .geo: geo
    case .user: user
    }
  }
}

func parsedEvents(seed: UInt64, count: Int, variant: ProducerVariant = .mixed, rowCount: Int = 11_000) throws
  -> [ParsedEvent]
{
  var emulator = PinterestEmulator(seed: seed, rowCount: rowCount, variant: variant)
  return try (0..<count).map { _ in try ParsedEvent(emulator.nextEvent()) }
}

extension JSONValue {
  /// The string of a string value, or the text of a number/string for numeric fields.
  var text: String? {
    switch self {
    case .string(let s): s
    case .int(let i): String(i)
    default: nil
    }
  }

  /// An integer sent either as a number or as a numeric string.
  var looseInt: Int64? { intValue ?? stringValue.flatMap { Int64($0) } }

  /// A double sent either as a number or as a numeric string.
  var looseDouble: Double? { doubleValue ?? stringValue.flatMap { Double($0) } }
}
