internal import CYAML

/// One libyaml event, copied into Swift values.
///
/// Positions are libyaml character indexes (see ``LibYAMLParser``).
struct LibYAMLEvent {
    enum Kind {
        case streamStart
        case streamEnd
        case documentStart
        case documentEnd
        case alias(anchor: String)
        case scalar(value: String, style: YAMLNode.Scalar.Style, anchor: String?, tag: String?)
        case sequenceStart(anchor: String?, tag: String?, isFlow: Bool)
        case sequenceEnd
        case mappingStart(anchor: String?, tag: String?, isFlow: Bool)
        case mappingEnd
    }

    var kind: Kind
    /// Character index where the event starts.
    var start: Int
    /// Character index just past the event.
    var end: Int
}

/// libyaml's description of why it stopped, copied out of `yaml_parser_t`.
struct LibYAMLFailure: Error {
    enum Stage {
        /// Decoding the input (`problemByteOffset` is set, `problemIndex` is not meaningful).
        case reader
        /// Scanning tokens or parsing events (`problemIndex` is set).
        case syntax
        /// libyaml ran out of memory or failed in some other way.
        case other
    }

    var stage: Stage
    /// libyaml's English problem text, such as `found character that cannot start any token`.
    var problem: String
    /// Character index of the problem (scanner and parser errors).
    var problemIndex: Int
    /// Byte offset of the problem in the input given to libyaml (reader errors).
    var problemByteOffset: Int
    /// libyaml's English context text, such as `while scanning a quoted scalar`.
    var context: String?
    /// Character index of the context, where the construct being read started.
    var contextIndex: Int?
}

/// Owns a libyaml parser over a private copy of the input and hands out its events one at a time.
///
/// libyaml 0.2.5 counts `mark.index` and `mark.column` in characters (Unicode scalars, with `"\r\n"` as two), not
/// bytes, and starts counting after a byte order mark; ``InputText/Cursor`` turns those indexes into marks. The
/// parser and the input buffer are freed in `deinit`; each `yaml_event_t` is deleted as soon as it is copied.
final class LibYAMLParser {
    private let parser: UnsafeMutablePointer<yaml_parser_t>
    private let input: UnsafeMutableBufferPointer<UInt8>
    private let isInitialized: Bool

    /// Creates a parser over `bytes`, which must be UTF-8 without a byte order mark.
    init(bytes: [UInt8]) {
        parser = .allocate(capacity: 1)
        input = .allocate(capacity: max(bytes.count, 1))
        _ = input.initialize(from: bytes)
        isInitialized = yaml_parser_initialize(parser) != 0
        if isInitialized {
            yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(parser, input.baseAddress, bytes.count)
        }
    }

    deinit {
        if isInitialized { yaml_parser_delete(parser) }
        parser.deallocate()
        input.deallocate()
    }

    /// The next event of the stream; after `.streamEnd` or a failure, libyaml returns no further events.
    func next() throws(LibYAMLFailure) -> LibYAMLEvent {
        guard isInitialized else {
            throw LibYAMLFailure(
                stage: .other, problem: "cannot initialize parser", problemIndex: 0, problemByteOffset: 0)
        }
        var event = yaml_event_t()
        guard yaml_parser_parse(parser, &event) != 0 else { throw failure() }
        defer { yaml_event_delete(&event) }
        return LibYAMLEvent(
            kind: Self.kind(of: &event), start: Int(event.start_mark.index), end: Int(event.end_mark.index))
    }

    private static func kind(of event: inout yaml_event_t) -> LibYAMLEvent.Kind {
        switch event.type {
        case YAML_STREAM_START_EVENT:
            return .streamStart
        case YAML_DOCUMENT_START_EVENT:
            return .documentStart
        case YAML_DOCUMENT_END_EVENT:
            return .documentEnd
        case YAML_ALIAS_EVENT:
            return .alias(anchor: string(event.data.alias.anchor) ?? "")
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            let value = String(
                decoding: UnsafeBufferPointer(start: scalar.value, count: Int(scalar.length)), as: UTF8.self)
            return .scalar(
                value: value, style: style(scalar.style), anchor: string(scalar.anchor), tag: string(scalar.tag))
        case YAML_SEQUENCE_START_EVENT:
            let start = event.data.sequence_start
            return .sequenceStart(
                anchor: string(start.anchor), tag: string(start.tag), isFlow: start.style == YAML_FLOW_SEQUENCE_STYLE)
        case YAML_SEQUENCE_END_EVENT:
            return .sequenceEnd
        case YAML_MAPPING_START_EVENT:
            let start = event.data.mapping_start
            return .mappingStart(
                anchor: string(start.anchor), tag: string(start.tag), isFlow: start.style == YAML_FLOW_MAPPING_STYLE)
        case YAML_MAPPING_END_EVENT:
            return .mappingEnd
        default:
            return .streamEnd
        }
    }

    private static func style(_ style: yaml_scalar_style_t) -> YAMLNode.Scalar.Style {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: .literal
        case YAML_FOLDED_SCALAR_STYLE: .folded
        default: .plain
        }
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: pointer)
    }

    private func failure() -> LibYAMLFailure {
        let state = parser.pointee
        let stage: LibYAMLFailure.Stage =
            switch state.error {
            case YAML_READER_ERROR: .reader
            case YAML_SCANNER_ERROR, YAML_PARSER_ERROR: .syntax
            default: .other
            }
        return LibYAMLFailure(
            stage: stage,
            problem: state.problem.map { String(cString: $0) } ?? "unknown error",
            problemIndex: Int(state.problem_mark.index),
            problemByteOffset: Int(state.problem_offset),
            context: state.context.map { String(cString: $0) },
            contextIndex: state.context == nil ? nil : Int(state.context_mark.index))
    }
}
