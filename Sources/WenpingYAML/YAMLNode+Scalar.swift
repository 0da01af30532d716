extension YAMLNode {
    /// A single value as written: its text, how it was quoted and where it is.
    ///
    /// The text is not typed while parsing. A caller asks for the type its field expects (``int``, ``double``,
    /// ``bool``, ``isNull``), following the YAML 1.2 core schema, so `no` stays the text “no”.
    public struct Scalar: Sendable, Hashable {
        /// How a scalar was written.
        public enum Style: Sendable, Hashable {
            /// Unquoted: `level: 3`.
            case plain
            /// In single quotes: `'a'`.
            case singleQuoted
            /// In double quotes, with backslash escapes: `"a\n"`.
            case doubleQuoted
            /// A literal block, `|`, keeping line breaks.
            case literal
            /// A folded block, `>`, joining lines with spaces.
            case folded
        }

        /// The text after quotes, escapes and block indentation have been processed.
        public var value: String
        /// How the scalar was written.
        public var style: Style
        /// Where the scalar starts, including any anchor or tag written before it (for quoted scalars, the quote).
        public var mark: YAMLMark
        /// Just past the scalar's last character (for quoted scalars, past the closing quote).
        public var endMark: YAMLMark
        /// The explicit tag, in full form (`tag:yaml.org,2002:str` for `!!str`), or `nil` when none was written.
        ///
        /// Only the core tags `!!str`, `!!int`, `!!float`, `!!bool` and `!!null` can appear here; the parser
        /// rejects every other tag, and rejects a core tag whose value does not fit it (`!!int abc`).
        public var tag: String?

        /// For each line of ``value`` (split at `"\n"`), the mark of its first character in the text.
        ///
        /// Empty when positions inside the value cannot be computed exactly. See ``mark(atOffset:)``.
        var lineStarts: [YAMLMark]

        /// Creates a scalar by hand, for example in tests.
        ///
        /// Offsets are taken as exact (see ``mark(atOffset:)``) when the scalar is plain or quoted and `mark`
        /// and `endMark` are on the same line: the value is assumed to start at `mark` (one column later for
        /// quoted styles) and to contain no escapes.
        public init(value: String, style: Style, mark: YAMLMark, endMark: YAMLMark, tag: String? = nil) {
            self.value = value
            self.style = style
            self.mark = mark
            self.endMark = endMark
            self.tag = tag
            self.lineStarts = []
            guard mark.line == endMark.line, !value.contains("\n") else { return }
            switch style {
            case .plain:
                lineStarts = [mark]
            case .singleQuoted, .doubleQuoted:
                lineStarts = [YAMLMark(line: mark.line, column: mark.column + 1, offset: mark.offset + 1)]
            case .literal, .folded:
                break
            }
        }

        /// Creates a scalar whose line starts the parser has checked against the source text.
        init(value: String, style: Style, mark: YAMLMark, endMark: YAMLMark, tag: String?, lineStarts: [YAMLMark]) {
            self.value = value
            self.style = style
            self.mark = mark
            self.endMark = endMark
            self.tag = tag
            self.lineStarts = lineStarts
        }
    }
}
