/// An immutable list of UTF-8 strings stored back to back in one byte buffer, so picking and
/// appending a word is one slice copy (no `String` on the hot path).
struct WordPool: Sendable {
  private(set) var bytes: [UInt8] = []
  private(set) var starts: [Int] = [0]

  init(_ words: [String]) {
    precondition(!words.isEmpty, "a word pool needs at least one word")
    for word in words {
      bytes.append(contentsOf: word.utf8)
      starts.append(bytes.count)
    }
  }

  var count: Int { starts.count - 1 }

  /// The UTF-8 bytes of word `index`.
  func word(_ index: Int) -> ArraySlice<UInt8> { bytes[starts[index]..<starts[index + 1]] }

  func append(_ index: Int, to out: inout [UInt8]) {
    out.append(contentsOf: bytes[starts[index]..<starts[index + 1]])
  }

  /// Appends a uniformly chosen word; returns its index.
  @discardableResult
  func appendRandom(_ rng: inout SplitMix64, to out: inout [UInt8]) -> Int {
    let index = rng.below(count)
    append(index, to: &out)
    return index
  }
}
