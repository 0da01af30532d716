extension YAMLNode {
    /// A mapping (`key: value` lines, or `{ key: value }` in flow style).
    ///
    /// Invariant: keys are scalars, and no two entries have the same ``Scalar/value`` as key.
    public struct Mapping: Sendable, Hashable {
        /// One `key: value` pair.
        public struct Entry: Sendable, Hashable {
            /// The key; always a scalar (complex keys are rejected while parsing).
            public var key: Scalar
            /// The value; an empty value (`key:`) is a plain scalar with value `""`.
            public var value: YAMLNode

            public init(key: Scalar, value: YAMLNode) {
                self.key = key
                self.value = value
            }
        }

        /// The entries in the order written.
        public var entries: [Entry]
        /// Where the mapping starts (its first key, or the `{`, or a tag or anchor before it).
        public var mark: YAMLMark
        /// Where the mapping ends.
        public var endMark: YAMLMark
        /// Whether the mapping is written in flow style, `{ a: 1, b: 2 }`.
        public var isFlow: Bool

        public init(entries: [Entry], mark: YAMLMark, endMark: YAMLMark, isFlow: Bool) {
            self.entries = entries
            self.mark = mark
            self.endMark = endMark
            self.isFlow = isFlow
        }

        /// The value for the key whose text is `key`, or `nil` if there is none.
        ///
        /// - Complexity: O(*n*) in the number of entries; rule-file mappings are small.
        public subscript(key: String) -> YAMLNode? {
            entries.first { $0.key.value == key }?.value
        }
    }

    /// A sequence (`- item` lines, or `[a, b]` in flow style).
    public struct Sequence: Sendable, Hashable {
        /// The items in the order written.
        public var items: [YAMLNode]
        /// Where the sequence starts (its first `-`, or the `[`, or a tag or anchor before it).
        public var mark: YAMLMark
        /// Where the sequence ends.
        public var endMark: YAMLMark
        /// Whether the sequence is written in flow style, `[a, b]`.
        public var isFlow: Bool

        public init(items: [YAMLNode], mark: YAMLMark, endMark: YAMLMark, isFlow: Bool) {
            self.items = items
            self.mark = mark
            self.endMark = endMark
            self.isFlow = isFlow
        }
    }
}
