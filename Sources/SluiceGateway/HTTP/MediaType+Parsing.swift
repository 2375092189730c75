import Hummingbird

extension Request {
  /// The `Content-Type` without parameters, lower-cased (`application/json; charset=utf-8` →
  /// `application/json`); `nil` when absent.
  var bareContentType: String? {
    guard let value = headers[.contentType] else { return nil }
    let bare = value.split(separator: ";", maxSplits: 1).first.map(String.init) ?? value
    return bare.trimmingSpaces.lowercased()
  }
}

extension String {
  var trimmingSpaces: String {
    var text = Substring(self)
    while text.first == " " || text.first == "\t" { text.removeFirst() }
    while text.last == " " || text.last == "\t" { text.removeLast() }
    return String(text)
  }
}
