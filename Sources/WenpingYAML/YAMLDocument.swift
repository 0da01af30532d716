/// A parsed YAML file: its root node and its text.
public struct YAMLDocument: Sendable {
    /// The root node, or `nil` when the document is empty (no content, only comments, or only `---`).
    public var root: YAMLNode?
    /// The input as text, without a leading byte order mark.
    ///
    /// Marks' byte offsets index its UTF-8 view. Kept so diagnostics can quote the offending line.
    public var text: String

    public init(root: YAMLNode?, text: String) {
        self.root = root
        self.text = text
    }
}
