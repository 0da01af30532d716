/// A parsed YAML file: its root node and its text.
public struct YAMLDocument: Sendable {
    /// The root node, or `nil` when the document is empty (no content, only comments, or only `---`).
    public var root: YAMLNode?
    /// The input as text, without a leading byte order mark.
    ///
    /// Marks' byte offsets index its UTF-8 view. Kept so diagnostics can quote the offending line.
    public var text: String {
        get { storedText ?? String(decoding: utf8, as: UTF8.self) }
        set {
            storedText = newValue
            utf8 = []
        }
    }

    /// The text as given, or `nil` when it is kept as ``utf8`` and only decoded if asked for (the JSON parser's
    /// documents: most are graded without ever quoting a line).
    private var storedText: String?
    private var utf8: [UInt8]

    public init(root: YAMLNode?, text: String) {
        self.root = root
        self.storedText = text
        self.utf8 = []
    }

    /// A document whose text is `utf8` (valid UTF-8, no byte order mark), decoded when first asked for.
    init(root: YAMLNode?, utf8: [UInt8]) {
        self.root = root
        self.storedText = nil
        self.utf8 = utf8
    }
}
