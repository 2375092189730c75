/// Encodes one raw LZ4 block greedily (4-byte hash matches, 64 KB window). Follows the block
/// rules: the last 5 bytes are literals and no match starts within the last 12 bytes.
enum LZ4BlockEncoder {
  static func encode(_ input: UnsafeRawBufferPointer, into output: inout [UInt8]) {
    let n = input.count
    var table = [Int](repeating: -1, count: 1 << 13)
    var literalStart = 0
    var i = 0
    let matchLimit = n - 12
    while i < matchLimit {
      let word = input.loadUnaligned(fromByteOffset: i, as: UInt32.self)
      let slot = Int((word &* 2_654_435_761) >> 19)
      let candidate = table[slot]
      table[slot] = i
      guard candidate >= 0, i - candidate <= 0xFFFF,
        input.loadUnaligned(fromByteOffset: candidate, as: UInt32.self) == word
      else {
        i += 1
        continue
      }
      var matched = 4
      while i + matched < n - 5 && input[candidate + matched] == input[i + matched] { matched += 1 }
      emitSequence(
        input, literals: literalStart..<i, offset: i - candidate, matchLength: matched, into: &output)
      i += matched
      literalStart = i
    }
    emitSequence(input, literals: literalStart..<n, offset: 0, matchLength: 0, into: &output)
  }

  private static func emitSequence(
    _ input: UnsafeRawBufferPointer, literals: Range<Int>, offset: Int, matchLength: Int,
    into output: inout [UInt8]
  ) {
    let literalCount = literals.count
    let matchCode = matchLength == 0 ? 0 : matchLength - 4
    output.append(UInt8(min(literalCount, 15)) << 4 | UInt8(min(matchCode, 15)))
    appendLength(literalCount, into: &output)
    output.append(contentsOf: UnsafeRawBufferPointer(rebasing: input[literals]))
    guard matchLength > 0 else { return }
    output.append(UInt8(offset & 0xFF))
    output.append(UInt8(offset >> 8))
    appendLength(matchCode, into: &output)
  }

  private static func appendLength(_ length: Int, into output: inout [UInt8]) {
    guard length >= 15 else { return }
    var rest = length - 15
    while rest >= 255 {
      output.append(255)
      rest -= 255
    }
    output.append(UInt8(rest))
  }
}
