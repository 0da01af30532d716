extension YAMLNode.Scalar {
    /// Whether ``mark(atOffset:)`` gives exact positions for this scalar.
    ///
    /// True for single-line plain scalars, single-line single- or double-quoted scalars whose source has no
    /// escapes or doubled quotes, and literal block scalars (`|`) whose lines could be matched to the source.
    /// False for folded (`>`) and multi-line flow scalars, and for quoted scalars with escapes.
    public var hasExactOffsets: Bool { starts != .none }

    /// The mark of the Unicode scalar at `offset` in ``value``.
    ///
    /// Used to point inside an expression written in a scalar: for `when: a < 0.9`, offset 4 is the mark of `0`.
    /// When ``hasExactOffsets`` is false, returns ``mark`` (the scalar's start) for every offset.
    ///
    /// - Parameter offset: 0-based, counted in Unicode scalars of ``value``. Negative offsets count as 0;
    ///   offsets past the end clamp to the end of the value (just past its last character on its last line).
    /// - Returns: The line, column and byte offset of that character in the text.
    public func mark(atOffset offset: Int) -> YAMLMark {
        let lineStarts = lineStarts
        guard !lineStarts.isEmpty else { return mark }
        let scalars = value.unicodeScalars
        let target = min(max(offset, 0), scalars.count)
        var line = 0
        var column = 0
        var bytes = 0
        var position = 0
        for scalar in scalars {
            if position == target { break }
            position += 1
            if scalar == "\n" {
                // A final line break has no line start of its own: stay just past the last line's text.
                guard line + 1 < lineStarts.count else { break }
                line += 1
                column = 0
                bytes = 0
            } else {
                column += 1
                bytes += UTF8.width(scalar)
            }
        }
        let start = lineStarts[line]
        return YAMLMark(line: start.line, column: start.column + column, offset: start.offset + bytes)
    }
}
