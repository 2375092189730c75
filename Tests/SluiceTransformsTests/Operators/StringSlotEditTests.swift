import SluiceCore
import XCTest

@testable import SluiceTransforms

/// ``Column/rewritingStrings(_:)`` against a slot-by-slot model: keeps, nulls and slices in
/// every order, null and empty input slots, and a column that does not change at all.
final class StringSlotEditTests: XCTestCase {
  func column(_ values: [String?]) -> Column {
    var column = Column(type: .string)
    for value in values {
      if let value { column.append(string: value) } else { column.appendNull() }
    }
    return column
  }

  func values(_ column: Column) -> [String?] {
    (0..<column.count).map { column.string(at: $0) }
  }

  func testMixedEditsMatchTheModel() {
    var generator = SplitMix(seed: 42)
    for round in 0..<200 {
      let input: [String?] = (0..<(round % 37)).map { _ in
        switch generator.next() % 6 {
        case 0: nil
        case 1: ""
        case 2: "drop"
        case 3: "cut:" + String(repeating: "é", count: Int(generator.next() % 4))
        default: "keep-" + String(generator.next() % 1000)
        }
      }
      let result = column(input).rewritingStrings { slot in
        let text = String(decoding: slot, as: UTF8.self)
        if text == "drop" { return .null }
        if text.hasPrefix("cut:") { return .slice(start: 4, end: slot.count) }
        return .keep
      }
      let expected: [String?] = input.map { value in
        guard let value, value != "drop" else { return nil }
        return value.hasPrefix("cut:") ? String(value.dropFirst(4)) : value
      }
      XCTAssertEqual(values(result), expected, "round \(round)")
      XCTAssertEqual(result.offsets.count, input.count + 1)
      XCTAssertEqual(Int(result.offsets.last ?? 0), result.bytes.count, "round \(round)")
      for i in 0..<result.count where !result.validity[i] {
        XCTAssertEqual(result.offsets[i], result.offsets[i + 1], "null slot \(i) keeps no bytes")
      }
    }
  }

  func testUnchangedColumnSharesItsBuffers() {
    let input = column(["a", nil, "b"])
    let result = input.rewritingStrings { _ in .keep }
    XCTAssertEqual(values(result), ["a", nil, "b"])
    input.bytes.withUnsafeBufferPointer { original in
      result.bytes.withUnsafeBufferPointer { XCTAssertEqual($0.baseAddress, original.baseAddress) }
    }
  }
}

/// A tiny deterministic generator for test inputs.
private struct SplitMix {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
