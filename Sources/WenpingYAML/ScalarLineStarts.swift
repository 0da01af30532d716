/// Works out where each line of a scalar's value starts in the text, for ``YAMLNode/Scalar/mark(atOffset:)``.
///
/// Each case checks the value against the source bytes, so a position is only ever claimed exact when the
/// source really holds the value's characters at that place:
/// - single-line plain scalars: the value is the text just before the end mark;
/// - single-line quoted scalars: the value is the text between the quotes, with no backslash (double) or
///   inner quote (single) anywhere in the source, so there are no escapes;
/// - literal block scalars: line *k* of the value is source line *header + 1 + k* after its indentation.
///
/// Everything else (folded and multi-line flow scalars, escapes) gets no line starts.
enum ScalarLineStarts {
    static func compute(
        value: String, style: YAMLNode.Scalar.Style, mark: YAMLMark, endMark: YAMLMark, in text: InputText
    ) -> [YAMLMark] {
        switch style {
        case .plain:
            guard mark.line == endMark.line else { return [] }
            return singleLine(value, endingAt: endMark.offset, columnEnd: endMark.column, after: mark, in: text)
                .map { [$0] } ?? []
        case .singleQuoted, .doubleQuoted:
            guard mark.line == endMark.line, endMark.offset > mark.offset else { return [] }
            let quote = UInt8(ascii: style == .singleQuoted ? "'" : "\"")
            let forbidden = style == .singleQuoted ? quote : UInt8(ascii: "\\")
            let close = endMark.offset - 1
            guard text.bytes[close] == quote else { return [] }
            guard let start = singleLine(value, endingAt: close, columnEnd: endMark.column - 1, after: mark, in: text),
                start.offset > mark.offset, text.bytes[start.offset - 1] == quote
            else { return [] }
            if style == .doubleQuoted, text.bytes[mark.offset..<close].contains(forbidden) { return [] }
            if style == .singleQuoted, text.bytes[start.offset..<close].contains(forbidden) { return [] }
            return [start]
        case .literal:
            return literal(value, mark: mark, in: text)
        case .folded:
            return []
        }
    }

    /// The mark where `value` starts if the bytes just before `end` are exactly `value` and start at or after
    /// `lowerBound`.
    private static func singleLine(
        _ value: String, endingAt end: Int, columnEnd: Int, after lowerBound: YAMLMark, in text: InputText
    ) -> YAMLMark? {
        let utf8 = value.utf8
        let start = end - utf8.count
        guard start >= lowerBound.offset, text.bytes[start..<end].elementsEqual(utf8) else { return nil }
        return YAMLMark(line: lowerBound.line, column: columnEnd - value.unicodeScalars.count, offset: start)
    }

    /// Line starts of a literal block scalar whose `|` header is on the line of `mark` (after any anchor or tag).
    private static func literal(_ value: String, mark: YAMLMark, in text: InputText) -> [YAMLMark] {
        guard let headerLine = literalHeaderLine(from: mark, in: text) else { return [] }
        var pieces = value.split(separator: "\n", omittingEmptySubsequences: false)
        if value.hasSuffix("\n") { pieces.removeLast() }
        var indent: Int?
        var starts: [YAMLMark] = []
        for (index, piece) in pieces.enumerated() {
            let line = headerLine + 1 + index
            guard line < text.lineStarts.count else { return [] }
            let lineStart = text.lineStarts[line]
            let content = text.bytes[lineStart..<text.lineContentEnd(line)]
            let spaces = content.prefix { $0 == UInt8(ascii: " ") }.count
            if piece.isEmpty {
                guard spaces == content.count else { return [] }
                starts.append(YAMLMark(line: line + 1, column: 0, offset: lineStart))
                continue
            }
            let lineIndent = content.count - piece.utf8.count
            guard lineIndent >= 0, lineIndent <= spaces, indent == nil || indent == lineIndent,
                content.suffix(piece.utf8.count).elementsEqual(piece.utf8)
            else { return [] }
            indent = lineIndent
            starts.append(YAMLMark(line: line + 1, column: lineIndent + 1, offset: lineStart + lineIndent))
        }
        guard let indent else { return [] }
        // Empty lines point at the block's indentation, or at the end of a shorter blank line.
        return starts.map { start in
            guard start.column == 0 else { return start }
            let line = start.line - 1
            let width = min(indent, text.lineContentEnd(line) - text.lineStarts[line])
            return YAMLMark(line: start.line, column: indent + 1, offset: start.offset + width)
        }
    }

    /// The 0-based line of the `|` that starts a literal block scalar at `mark`, skipping an anchor or tag.
    private static func literalHeaderLine(from mark: YAMLMark, in text: InputText) -> Int? {
        let bytes = text.bytes
        var offset = mark.offset
        while offset < bytes.count {
            switch bytes[offset] {
            case UInt8(ascii: "|"):
                return text.lineIndex(containing: offset)
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"), UInt8(ascii: "\n"):
                offset += 1
            case UInt8(ascii: "&"), UInt8(ascii: "!"):
                let separators: [UInt8] = [UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n")]
                while offset < bytes.count, !separators.contains(bytes[offset]) { offset += 1 }
            default:
                return nil
            }
        }
        return nil
    }
}
