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
    ///
    /// A file's "还有 N 个问题未显示" (E114, see ``DiagnosticBag``) comes after that file's other diagnostics.
    public func format(_ diagnostics: [Diagnostic]) -> String {
        var out = ""
        var pending = ""
        var file: String?
        for diagnostic in diagnostics.sorted() {
            if diagnostic.location.file != file {
                out += pending
                pending = ""
                file = diagnostic.location.file
            }
            if diagnostic.code == .diagnosticsOmitted && diagnostic.message.hasPrefix("这个文件") {
                pending += format(diagnostic, excerpt: false)
            } else {
                out += format(diagnostic)
            }
        }
        return out + pending
    }

    /// Renders one diagnostic and its notes, ending with a newline; control characters in the message are shown
    /// as symbols (``VisibleText``).
    public func format(_ diagnostic: Diagnostic) -> String { format(diagnostic, excerpt: true) }

    private func format(_ diagnostic: Diagnostic, excerpt showsExcerpt: Bool) -> String {
        let message = VisibleText.visible(diagnostic.message)
        var out = "\(diagnostic.location): \(diagnostic.severity.rawValue)[\(diagnostic.code)]: \(message)\n"
        if showsExcerpt { out += excerpt(at: diagnostic.location, length: diagnostic.length) }
        for note in diagnostic.notes {
            if let location = note.location {
                out += "\(location): note: \(VisibleText.visible(note.message))\n"
                out += excerpt(at: location, length: 1)
            } else {
                out += "note: \(VisibleText.visible(note.message))\n"
            }
        }
        return out
    }

    /// The longest source line an excerpt quotes whole, in Unicode scalars; a longer line is cut to
    /// ``excerptWidth`` scalars around the column, with `…`.
    public static let longestQuotedLine = 200
    /// The part of a long line an excerpt quotes, in Unicode scalars.
    public static let excerptWidth = 120

    /// The part of `line` an excerpt shows: the whole line up to ``longestQuotedLine`` scalars, else `width`
    /// scalars around the 1-based `column` (a third of the width before it), with `…` where it was cut; and the
    /// column within the part shown.
    static func window(_ line: Substring, column: Int, width: Int = excerptWidth) -> (text: String, column: Int) {
        let scalars = line.unicodeScalars
        // Count lazily: a multi-megabyte line is only walked as far as needed.
        guard scalars.dropFirst(max(width, longestQuotedLine)).first != nil else { return (String(line), column) }
        let count = scalars.count
        let start = max(0, min(column - 1 - width / 3, count - width))
        let end = min(count, start + width)
        let from = scalars.index(scalars.startIndex, offsetBy: start)
        let to = scalars.index(from, offsetBy: end - start)
        var shown = String(String.UnicodeScalarView(scalars[from..<to]))
        var shownColumn = column - start
        if start > 0 {
            shown = "…" + shown
            shownColumn += 1
        }
        if end < count { shown += "…" }
        return (shown, shownColumn)
    }

    /// The quoted source line and the caret line, or nothing when the line is not available.
    ///
    /// A long line is cut to ``excerptWidth`` around the column (``window(_:column:width:)``), so a diagnostic
    /// in a one-line 100 KB JSON project prints one short line, not the whole project.
    func excerpt(at location: SourceLocation, length: Int) -> String {
        guard let text = sources[location.file], let fullLine = text.line(location.line) else { return "" }
        let (shown, shownColumn) = Self.window(fullLine, column: location.column)
        let line = VisibleText.visible(shown)
        var location = location
        location.column = shownColumn
        let length = min(length, Self.excerptWidth)
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
