import SluiceCore

#if canImport(Glibc)
  import Glibc
#endif

/// Output helpers: results to stdout, diagnostics to stderr.
enum Terminal {
  /// Writes straight to fd 1 so lines appear at once even when stdout is a pipe.
  static func out(_ line: String, terminator: String = "\n") {
    var text = line + terminator
    text.withUTF8 { buffer in
      var offset = 0
      while offset < buffer.count {
        let n = Glibc.write(1, buffer.baseAddress! + offset, buffer.count - offset)
        if n <= 0 { return }
        offset += n
      }
    }
  }

  static func err(_ line: String) {
    FileHandleStderr.write(line + "\n")
  }

  static func json(_ value: JSONValue, pretty: Bool = false) {
    out(pretty ? value.pretty : value.compact)
  }

  /// `1234567` → `1,234,567`.
  static func grouped(_ value: Int64) -> String {
    let digits = String(value.magnitude)
    var out = ""
    for (i, c) in digits.enumerated() {
      if i > 0 && (digits.count - i) % 3 == 0 { out += "," }
      out.append(c)
    }
    return value < 0 ? "-" + out : out
  }

  static func grouped(_ value: Int) -> String { grouped(Int64(value)) }

  static func fixed(_ value: Double, _ decimals: Int = 1) -> String {
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    let rounded = (value * scale).rounded() / scale
    var text = String(rounded)
    if let dot = text.firstIndex(of: ".") {
      let fraction = text[text.index(after: dot)...]
      if fraction.count < decimals { text += String(repeating: "0", count: decimals - fraction.count) }
    }
    return text
  }
}

enum FileHandleStderr {
  static func write(_ text: String) {
    var text = text
    text.withUTF8 { buffer in
      _ = Glibc.write(2, buffer.baseAddress, buffer.count)
    }
  }
}
