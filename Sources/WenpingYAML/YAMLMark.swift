/// A position in the YAML text.
///
/// `line` and `column` are 1-based. Columns count Unicode scalars, so a Chinese character is one column, as
/// editors show it. Lines end at `"\n"` only (a `"\r"` before it belongs to the line), the same split that
/// `String.split(separator: "\n")` makes. `offset` is the 0-based UTF-8 byte offset into ``YAMLDocument/text``,
/// which is the input without a leading byte order mark.
public struct YAMLMark: Sendable, Hashable {
    /// 1-based line number.
    public var line: Int
    /// 1-based column, in Unicode scalars.
    public var column: Int
    /// 0-based UTF-8 byte offset into the text.
    public var offset: Int

    public init(line: Int, column: Int, offset: Int) {
        self.line = line
        self.column = column
        self.offset = offset
    }

    /// The start of the text: line 1, column 1, offset 0.
    static let start = YAMLMark(line: 1, column: 1, offset: 0)
}

// MARK: - Comparable

extension YAMLMark: Comparable {
    /// Marks order by line, then column, then byte offset, so sorted marks read top to bottom.
    public static func < (lhs: YAMLMark, rhs: YAMLMark) -> Bool {
        (lhs.line, lhs.column, lhs.offset) < (rhs.line, rhs.column, rhs.offset)
    }
}

// MARK: - CustomStringConvertible

extension YAMLMark: CustomStringConvertible {
    /// `line:column`.
    public var description: String { "\(line):\(column)" }
}
