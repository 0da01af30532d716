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
        var lineStarts: [YAMLMark] {
            switch starts {
            case .none: []
            case .atStart: [firstLineStart]
            case .listed(let marks): marks
            }
        }

        /// How ``lineStarts`` is stored: a scalar on one line, where the value starts where the scalar does (one
        /// column after the quote when quoted), needs no array of its own (most scalars: no allocation).
        var starts: LineStarts

        enum LineStarts: Sendable, Hashable {
            case none
            /// One line, starting at ``firstLineStart``.
            case atStart
            /// Any other list (never empty, never the one ``atStart`` stands for: one form per list).
            case listed([YAMLMark])
        }

        /// Where the value's text starts when it starts on the scalar's first line: the mark itself, or one
        /// column and byte later for quoted styles.
        private var firstLineStart: YAMLMark {
            switch style {
            case .singleQuoted, .doubleQuoted:
                YAMLMark(line: mark.line, column: mark.column + 1, offset: mark.offset + 1)
            case .plain, .literal, .folded: mark
            }
        }

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
            self.starts = .none
            guard mark.line == endMark.line, !value.contains("\n") else { return }
            switch style {
            case .plain, .singleQuoted, .doubleQuoted: starts = .atStart
            case .literal, .folded: break
            }
        }

        /// Creates a scalar whose line starts the parser has checked against the source text.
        init(value: String, style: Style, mark: YAMLMark, endMark: YAMLMark, tag: String?, lineStarts: [YAMLMark]) {
            self.value = value
            self.style = style
            self.mark = mark
            self.endMark = endMark
            self.tag = tag
            self.starts = .none
            if lineStarts.count == 1, lineStarts[0] == firstLineStart {
                starts = .atStart
            } else if !lineStarts.isEmpty {
                starts = .listed(lineStarts)
            }
        }

        /// Creates a scalar on one line whose value starts where ``lineStarts`` says for `exact`, or has no exact
        /// offsets (the JSON parser, which knows this without building a list).
        init(value: String, style: Style, mark: YAMLMark, endMark: YAMLMark, exactOffsets exact: Bool) {
            self.value = value
            self.style = style
            self.mark = mark
            self.endMark = endMark
            self.tag = nil
            self.starts = exact ? .atStart : .none
        }
    }
}
