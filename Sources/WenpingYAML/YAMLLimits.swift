/// Safety limits that keep a hostile or broken file from exhausting memory, stack or time.
///
/// Each limit, when exceeded, stops parsing with one ``YAMLError``. The defaults are far above what any real rule
/// file needs.
public struct YAMLLimits: Sendable, Hashable {
    /// The largest input accepted, in bytes (default 8 MiB).
    ///
    /// Files are measured before they are read.
    public var maxBytes: Int = 8 * 1024 * 1024
    /// The deepest nesting of mappings and sequences accepted (default 64).
    ///
    /// A top-level mapping is depth 1; aliases count with the depth of the node they copy.
    public var maxDepth: Int = 64
    /// The most aliases (`*name`) accepted in one document (default 100).
    public var maxAliases: Int = 100
    /// The most nodes that expanding aliases may add in one document, counting every node of every copy
    /// (default 10,000).
    public var maxAliasExpansion: Int = 10_000
    /// The longest mapping key accepted, in Unicode scalars (default 200): keys are field names, fact names and
    /// ids, and none is anywhere near this long.
    public var maxKeyLength: Int = 200

    public init() {}

    /// The default limits.
    public static let `default` = YAMLLimits()
}
