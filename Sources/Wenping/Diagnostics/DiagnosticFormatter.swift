/// Renders diagnostics as text for a terminal or a log: the location, severity, code and message, then the
/// offending source line with a caret under the column.
///
/// ```
/// Rules/x.yaml:12:5: error[E202]: 未知字段“wieght”。是否想写“weight”?
///    12 |     wieght: 0.2
///       |     ^~~~~~
/// ```
///
/// The caret accounts for East Asian wide characters (two terminal cells each) so it lines up under Chinese text.
public struct DiagnosticFormatter: Sendable {
    /// The texts of the files the diagnostics point into, by file name as it appears in ``SourceLocation/file``.
    public var sources: [String: SourceText]

    public init(sources: [String: SourceText] = [:]) {
        self.sources = sources
    }

    /// Renders every diagnostic, sorted by location, each followed by a newline.
    public func format(_ diagnostics: [Diagnostic]) -> String {
        var out = ""
        for diagnostic in diagnostics.sorted() {
            out += format(diagnostic)
        }
        return out
    }

    /// Renders one diagnostic and its notes, ending with a newline.
    public func format(_ diagnostic: Diagnostic) -> String {
        var out = "\(diagnostic.location): \(diagnostic.severity.rawValue)[\(diagnostic.code)]: \(diagnostic.message)\n"
        out += excerpt(at: diagnostic.location, length: diagnostic.length)
        for note in diagnostic.notes {
            if let location = note.location {
                out += "\(location): note: \(note.message)\n"
                out += excerpt(at: location, length: 1)
            } else {
                out += "note: \(note.message)\n"
            }
        }
        return out
    }

    /// The quoted source line and the caret line, or nothing when the line is not available.
    func excerpt(at location: SourceLocation, length: Int) -> String {
        guard let text = sources[location.file], let line = text.line(location.line) else { return "" }
        let number = String(location.line)
        let gutter = String(repeating: " ", count: max(4, number.count + 1))
        let numbered = String(repeating: " ", count: gutter.count - number.count) + number
        var caret = ""
        var column = 1
        var underlined = 0
        for scalar in line.unicodeScalars {
            if column >= location.column {
                if underlined >= length { break }
                caret += String(repeating: underlined == 0 ? "^" : "~", count: 1)
                caret += String(repeating: "~", count: Self.cellWidth(of: scalar) - 1)
                underlined += 1
            } else if scalar == "\t" {
                caret += "\t"
            } else {
                caret += String(repeating: " ", count: Self.cellWidth(of: scalar))
            }
            column += 1
        }
        if underlined == 0 {
            // The location is at or past the end of the line (for example a missing value): point just after it.
            caret += String(repeating: " ", count: max(0, location.column - column)) + "^"
        }
        return "\(numbered) | \(line)\n\(gutter) | \(caret)\n"
    }

    /// Terminal cells a scalar occupies: 2 for East Asian wide and full-width characters, 1 otherwise.
    public static func cellWidth(of scalar: Unicode.Scalar) -> Int {
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
            0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            return 2
        default:
            return 1
        }
    }
}
