/// One node of a parsed YAML document: a scalar, a mapping or a sequence.
///
/// Every node carries the marks where it starts and ends in the text, so later phases can point at the exact
/// place a rule author has to fix. Aliases (`*name`) are already resolved: they appear as copies of the anchored
/// node, with the anchored node's marks. Tags other than the YAML core ones are rejected while parsing, so a tree
/// only ever holds plain data.
public enum YAMLNode: Sendable, Hashable {
    /// A single value: text, number, boolean or null, untyped until a caller asks (see ``Scalar/int``).
    case scalar(Scalar)
    /// Key–value pairs in the order written; keys are scalars and unique within one mapping.
    case mapping(Mapping)
    /// Items in the order written.
    case sequence(Sequence)

    /// Where the node starts, including any anchor or tag written before it.
    public var mark: YAMLMark {
        switch self {
        case .scalar(let scalar): scalar.mark
        case .mapping(let mapping): mapping.mark
        case .sequence(let sequence): sequence.mark
        }
    }

    /// Where the node ends (just past its last character; for block collections, where the next token starts).
    public var endMark: YAMLMark {
        switch self {
        case .scalar(let scalar): scalar.endMark
        case .mapping(let mapping): mapping.endMark
        case .sequence(let sequence): sequence.endMark
        }
    }

    /// The kind of node in plain Chinese, for error messages: “映射”, “列表” or “单值”.
    public var kindName: String {
        switch self {
        case .scalar: "单值"
        case .mapping: "映射"
        case .sequence: "列表"
        }
    }
}
