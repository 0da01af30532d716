/// Builds the node tree from libyaml's events, enforcing the limits as the events arrive.
///
/// Open collections live on an explicit stack, never on the call stack, and the depth limit is checked when a
/// collection starts, so a 10,000-deep `[[[[…` fails after 65 events without recursion. Aliases are resolved
/// to copies of the anchored node; every anchor remembers how many nodes it holds and how deep it is, so an
/// alias is counted against the limits before it is copied.
struct DocumentBuilder {
    /// A collection whose end event has not arrived yet.
    private struct Frame {
        var isMapping: Bool
        var isFlow: Bool
        var mark: YAMLMark
        var anchor: String?
        var items: [YAMLNode] = []
        var entries: [YAMLNode.Mapping.Entry] = []
        /// The key read for the entry whose value comes next.
        var pendingKey: YAMLNode.Scalar?
        /// Where each key of this mapping was first written, to report duplicates.
        var keyMarks: [String: YAMLMark] = [:]
        /// Nodes in this collection so far, itself included.
        var nodeCount = 1
        /// Collection nesting levels in this collection so far, itself included.
        var height = 1
    }

    /// An anchored node and what copying it costs.
    private struct Anchored {
        var node: YAMLNode
        var nodeCount: Int
        var height: Int
    }

    private let text: InputText
    private let limits: YAMLLimits
    private var cursor = InputText.Cursor()
    private var stack: [Frame] = []
    private var anchors: [String: Anchored] = [:]
    private var aliasCount = 0
    private var expandedNodeCount = 0
    private var documentCount = 0
    private var root: YAMLNode?

    init(text: InputText, limits: YAMLLimits) {
        self.text = text
        self.limits = limits
    }

    /// Reads every event of `parser` and returns the document's root, or `nil` for an empty document.
    mutating func build(from parser: LibYAMLParser) throws(YAMLError) -> YAMLNode? {
        while true {
            let event: LibYAMLEvent
            do {
                event = try parser.next()
            } catch {
                throw YAMLError(libYAML: error, text: text, cursor: &cursor)
            }
            let mark = cursor.mark(atCharacterIndex: event.start, in: text)
            switch event.kind {
            case .streamStart, .documentEnd:
                break
            case .streamEnd:
                return root
            case .documentStart:
                documentCount += 1
                if documentCount > 1 { throw .documentCount(at: mark) }
            case .alias(let name):
                try addAlias(name, at: mark)
            case .scalar(let value, let style, let anchor, let tag):
                let endMark = cursor.mark(atCharacterIndex: event.end, in: text)
                try addScalar(value, style: style, anchor: anchor, tag: tag, mark: mark, endMark: endMark)
            case .sequenceStart(let anchor, let tag, let isFlow):
                try open(isMapping: false, anchor: anchor, tag: tag, isFlow: isFlow, at: mark)
            case .mappingStart(let anchor, let tag, let isFlow):
                try open(isMapping: true, anchor: anchor, tag: tag, isFlow: isFlow, at: mark)
            case .sequenceEnd, .mappingEnd:
                try close(endMark: cursor.mark(atCharacterIndex: event.end, in: text))
            }
        }
    }

    // MARK: - Events

    private mutating func addScalar(
        _ value: String, style: YAMLNode.Scalar.Style, anchor: String?, tag: String?, mark: YAMLMark,
        endMark: YAMLMark
    ) throws(YAMLError) {
        if let tag {
            if !CoreTag.scalarTags.contains(tag) {
                if tag == CoreTag.map || tag == CoreTag.seq { throw .misplacedTag(tag, kindName: "单值", at: mark) }
                throw .rejectedTag(tag, at: mark)
            }
            if !Self.value(value, fits: tag) { throw .mismatchedTag(tag, value: value, at: mark) }
        }
        let lineStarts = ScalarLineStarts.compute(
            value: value, style: style, mark: mark, endMark: endMark, in: text)
        let scalar = YAMLNode.Scalar(
            value: value, style: style, mark: mark, endMark: endMark, tag: tag, lineStarts: lineStarts)
        if stack.isEmpty && anchor == nil && tag == nil && style == .plain && value.isEmpty {
            return  // `---` with nothing after it: an empty document.
        }
        try add(.scalar(scalar), nodeCount: 1, height: 0, anchor: anchor)
    }

    private mutating func addAlias(_ name: String, at mark: YAMLMark) throws(YAMLError) {
        guard let anchored = anchors[name] else { throw .unknownAlias(name, at: mark) }
        if let parent = stack.last, parent.isMapping, parent.pendingKey == nil, anchored.height > 0 {
            throw .complexKey(kindName: anchored.node.kindName, at: mark)
        }
        aliasCount += 1
        if aliasCount > limits.maxAliases { throw .tooManyAliases(limit: limits.maxAliases, at: mark) }
        expandedNodeCount += anchored.nodeCount
        if expandedNodeCount > limits.maxAliasExpansion {
            throw .aliasExpansion(limit: limits.maxAliasExpansion, at: mark)
        }
        if stack.count + anchored.height > limits.maxDepth { throw .depth(limit: limits.maxDepth, at: mark) }
        try add(anchored.node, nodeCount: anchored.nodeCount, height: anchored.height, anchor: nil)
    }

    private mutating func open(
        isMapping: Bool, anchor: String?, tag: String?, isFlow: Bool, at mark: YAMLMark
    ) throws(YAMLError) {
        let kindName = isMapping ? "映射" : "列表"
        if let parent = stack.last, parent.isMapping, parent.pendingKey == nil {
            throw .complexKey(kindName: kindName, at: mark)
        }
        if stack.count >= limits.maxDepth { throw .depth(limit: limits.maxDepth, at: mark) }
        if let tag, tag != (isMapping ? CoreTag.map : CoreTag.seq) {
            if CoreTag.scalarTags.contains(tag) || tag == CoreTag.map || tag == CoreTag.seq {
                throw .misplacedTag(tag, kindName: kindName, at: mark)
            }
            throw .rejectedTag(tag, at: mark)
        }
        stack.append(Frame(isMapping: isMapping, isFlow: isFlow, mark: mark, anchor: anchor))
    }

    private mutating func close(endMark: YAMLMark) throws(YAMLError) {
        let frame = stack.removeLast()
        let node: YAMLNode =
            if frame.isMapping {
                .mapping(.init(entries: frame.entries, mark: frame.mark, endMark: endMark, isFlow: frame.isFlow))
            } else {
                .sequence(.init(items: frame.items, mark: frame.mark, endMark: endMark, isFlow: frame.isFlow))
            }
        try add(node, nodeCount: frame.nodeCount, height: frame.height, anchor: frame.anchor)
    }

    // MARK: - Tree

    /// Puts a finished node into the open collection (or makes it the root) and records its anchor.
    private mutating func add(_ node: YAMLNode, nodeCount: Int, height: Int, anchor: String?) throws(YAMLError) {
        if let anchor { anchors[anchor] = Anchored(node: node, nodeCount: nodeCount, height: height) }
        guard var frame = stack.popLast() else {
            root = node
            return
        }
        frame.nodeCount += nodeCount
        frame.height = max(frame.height, height + 1)
        if !frame.isMapping {
            frame.items.append(node)
        } else if let key = frame.pendingKey {
            frame.entries.append(.init(key: key, value: node))
            frame.pendingKey = nil
        } else {
            guard case .scalar(let key) = node else { throw .complexKey(kindName: node.kindName, at: node.mark) }
            let length = key.value.unicodeScalars.count
            if length > limits.maxKeyLength {
                throw .keyTooLong(length: length, limit: limits.maxKeyLength, at: key.mark)
            }
            if let first = frame.keyMarks[key.value] { throw .duplicateKey(key.value, at: key.mark, first: first) }
            frame.keyMarks[key.value] = key.mark
            frame.pendingKey = key
        }
        stack.append(frame)
    }

    /// Whether a scalar's text fits the core tag written on it (`!!int 12` does, `!!int abc` does not).
    private static func value(_ value: String, fits tag: String) -> Bool {
        switch tag {
        case CoreTag.int: YAMLNode.Scalar.parseInt(value) != nil
        case CoreTag.float: YAMLNode.Scalar.parseDouble(value) != nil
        case CoreTag.bool: YAMLNode.Scalar.parseBool(value) != nil
        case CoreTag.null: YAMLNode.Scalar.isNullText(value)
        default: true
        }
    }
}
