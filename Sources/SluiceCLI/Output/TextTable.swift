import Foundation
import SluiceCore

/// A plain aligned text table for terminals; long cells are cut with `…`.
enum TextTable {
  static let maxCellWidth = 48

  static func print(header: [String], rows: [[String]]) {
    let cells = ([header] + rows).map { $0.map(clip) }
    var widths = header.map { _ in 0 }
    for row in cells {
      for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], cell.count) }
    }
    for (n, row) in cells.enumerated() {
      let line = row.enumerated().map { i, cell in
        cell + String(repeating: " ", count: widths[i] - cell.count)
      }.joined(separator: "  ")
      Terminal.out(line.trimmingTrailingSpaces())
      if n == 0 { Terminal.out(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")) }
    }
  }

  static func clip(_ text: String) -> String {
    let flat = text.replacingOccurrences(of: "\n", with: "⏎")
    return flat.count > maxCellWidth ? String(flat.prefix(maxCellWidth - 1)) + "…" : flat
  }

  /// A cell's text: strings bare, null as `null`, others as their JSON-ish form.
  static func text(_ value: Value) -> String {
    switch value {
    case .string(let s): s
    case .null: "null"
    default: value.description
    }
  }
}

extension String {
  func trimmingTrailingSpaces() -> String {
    var s = Substring(self)
    while s.last == " " { s.removeLast() }
    return String(s)
  }
}
