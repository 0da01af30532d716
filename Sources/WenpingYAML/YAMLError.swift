/// Why a YAML file could not be read or parsed, with where and what to do about it.
///
/// Parsing stops at the first problem, so there is exactly one error per failed parse. ``message`` is plain
/// Chinese for the rule author: it says what is wrong and how to fix it. Tests and tools match on ``kind``.
public struct YAMLError: Error, Sendable, Hashable {
    /// What kind of problem stopped parsing.
    public enum Kind: String, Sendable, Hashable {
        /// The file could not be opened or read (missing, a folder, no permission).
        case unreadable
        /// libyaml rejected the text, or an alias names no anchor.
        case syntax
        /// The bytes are not valid UTF-8.
        case invalidUTF8
        /// A tab character is used for indentation.
        case tab
        /// The same key appears twice in one mapping.
        case duplicateKey
        /// A tag other than the core `!!str`, `!!int`, `!!float`, `!!bool`, `!!null`, `!!map`, `!!seq`, or a
        /// core tag that does not fit its node.
        case tag
        /// Too many aliases, or aliases that expand to too many nodes.
        case aliasLimit
        /// Mappings and sequences nested deeper than the limit.
        case depth
        /// The input is larger than the limit.
        case tooLarge
        /// More than one document in the input.
        case documentCount
        /// A mapping key that is a mapping or a sequence.
        case complexKey
        /// A mapping key longer than the limit.
        case keyTooLong
    }

    /// What kind of problem stopped parsing.
    public var kind: Kind
    /// Plain Chinese: what is wrong and how to fix it.
    public var message: String
    /// Where the problem is (line 1, column 1 for problems with the whole file).
    public var mark: YAMLMark
    /// A second place that helps explain the problem, such as the first occurrence of a duplicated key.
    public var related: YAMLMark?
    /// What ``related`` points at, in plain Chinese, such as “第一次出现在这里”.
    public var relatedMessage: String?

    public init(
        kind: Kind, message: String, mark: YAMLMark, related: YAMLMark? = nil, relatedMessage: String? = nil
    ) {
        self.kind = kind
        self.message = message
        self.mark = mark
        self.related = related
        self.relatedMessage = relatedMessage
    }
}

// MARK: - CustomStringConvertible

extension YAMLError: CustomStringConvertible {
    /// `line:column: message`.
    public var description: String { "\(mark): \(message)" }
}
