import WenpingYAML

/// Reads YAML nodes of one file into typed values, reporting every problem with its file position.
///
/// Scalars are typed against what the field expects (YAML 1.2 core schema): a plain `no` is a string, never
/// `false`, and `"0.9"` in quotes is text, not a number. Every read method returns `nil` after reporting a
/// diagnostic, so callers simply skip what could not be read and carry on, collecting all problems in one pass.
struct NodeReader {
    let file: String
    var diagnostics = DiagnosticBag()

    init(file: String) {
        self.file = file
    }

    func location(_ mark: YAMLMark) -> SourceLocation {
        SourceLocation(file: file, line: mark.line, column: mark.column)
    }

    func location(of node: YAMLNode) -> SourceLocation { location(node.mark) }

    /// Columns a scalar occupies on its first line, for the caret underline.
    static func width(of scalar: YAMLNode.Scalar) -> Int {
        if scalar.mark.line == scalar.endMark.line { return max(1, scalar.endMark.column - scalar.mark.column) }
        return 1
    }

    // MARK: - Shapes

    /// The node as a mapping, or `nil` after reporting E201.
    mutating func mapping(_ node: YAMLNode, _ what: String) -> YAMLNode.Mapping? {
        if case .mapping(let mapping) = node { return mapping }
        diagnostics.error(.wrongNodeKind, "\(Self.spaced(what))应是映射（键: 值），这里是\(node.kindName)", at: location(of: node))
        return nil
    }

    /// The node as a list, or `nil` after reporting E201.
    mutating func sequence(_ node: YAMLNode, _ what: String) -> [YAMLNode]? {
        if case .sequence(let sequence) = node { return sequence.items }
        diagnostics.error(
            .wrongNodeKind, "\(Self.spaced(what))应是列表（每项以“- ”开头，或写成 [a, b]），这里是\(node.kindName)",
            at: location(of: node))
        return nil
    }

    /// The node as a scalar, or `nil` after reporting E201.
    mutating func scalar(_ node: YAMLNode, _ what: String) -> YAMLNode.Scalar? {
        if case .scalar(let scalar) = node { return scalar }
        diagnostics.error(.wrongNodeKind, "\(Self.spaced(what))应是单个值，这里是\(node.kindName)", at: location(of: node))
        return nil
    }

    /// Reports E202 for every key of `mapping` not in `allowed`, suggesting the closest allowed key, and E203
    /// for every key of `required` that is missing.
    mutating func checkKeys(
        _ mapping: YAMLNode.Mapping, allowed: [String], required: [String] = [], _ what: String
    ) {
        for entry in mapping.entries where !allowed.contains(entry.key.value) {
            var message = "\(Self.spaced(what))中没有“\(entry.key.value)”这个字段"
            if diagnostics.isFull(file) {
                // Only counted from here on: skip the hint.
            } else if mapping.isFlow, entry.key.value.contains(where: { "()<>=!+*/\"".contains($0) }) {
                message += "。这多半是表达式中的逗号把它截断了：在 { } 里，含逗号的表达式要整个加引号，"
                message += "如 when: \"max(a, b) > 1\""
            } else if mapping.isFlow, case .scalar(let value) = entry.value, value.style == .plain, value.isNull,
                !entry.key.value.contains(where: { $0 == ":" })
            {
                message += "。在 { } 里，半角逗号“,”会把内容分开：文字中的逗号请用全角“，”，或给整段文字加引号"
            } else if let guess = suggestion(for: entry.key.value, among: allowed) {
                message += "。是否想写“\(guess)”？"
            } else {
                message += "。可用的字段：\(allowed.joined(separator: "、"))"
            }
            diagnostics.error(
                .unknownField, message, at: location(entry.key.mark), length: Self.width(of: entry.key))
        }
        // A missing required key that an unknown key misspells was just reported (E202 with "did you mean").
        let misspelt = Set(
            mapping.entries.lazy.filter { !allowed.contains($0.key.value) }.compactMap {
                suggestion(for: $0.key.value, among: allowed)
            })
        for key in required where mapping[key] == nil && !misspelt.contains(key) {
            diagnostics.error(.missingField, "\(what)缺少必填字段“\(key)”", at: location(mapping.mark))
        }
    }

    // MARK: - Scalars

    mutating func string(_ node: YAMLNode?, _ what: String) -> Located<String>? {
        guard let node, let scalar = scalar(node, what) else { return nil }
        if scalar.style == .plain && scalar.isNull {
            diagnostics.error(.wrongScalarType, "\(Self.spaced(what))不能为空", at: location(scalar.mark))
            return nil
        }
        return Located(value: scalar.value, location: location(scalar.mark), length: Self.width(of: scalar))
    }

    /// Plain text that may be left out; multi-line text is kept as written.
    mutating func text(_ node: YAMLNode?, _ what: String) -> String? {
        string(node, what)?.value
    }

    mutating func number(_ node: YAMLNode?, _ what: String) -> Located<Double>? {
        guard let node, let scalar = scalar(node, what) else { return nil }
        if scalar.style == .plain {
            if let value = scalar.double, value.isFinite {
                return Located(value: value, location: location(scalar.mark), length: Self.width(of: scalar))
            }
            if let value = Self.percent(scalar.value) {
                return Located(value: value, location: location(scalar.mark), length: Self.width(of: scalar))
            }
        }
        var message = "\(Self.spaced(what))应是数字，这里是“\(scalar.value)”"
        if scalar.style != .plain { message += "（加了引号就成了文字，请去掉引号）" }
        diagnostics.error(.wrongScalarType, message, at: location(scalar.mark), length: Self.width(of: scalar))
        return nil
    }

    mutating func integer(_ node: YAMLNode?, _ what: String) -> Located<Int>? {
        guard let node, let scalar = scalar(node, what) else { return nil }
        if scalar.style == .plain, let value = scalar.int {
            return Located(value: value, location: location(scalar.mark), length: Self.width(of: scalar))
        }
        var message = "\(Self.spaced(what))应是整数，这里是“\(scalar.value)”"
        if scalar.style != .plain { message += "（加了引号就成了文字，请去掉引号）" }
        diagnostics.error(.wrongScalarType, message, at: location(scalar.mark), length: Self.width(of: scalar))
        return nil
    }

    mutating func boolean(_ node: YAMLNode?, _ what: String) -> Located<Bool>? {
        guard let node, let scalar = scalar(node, what) else { return nil }
        if scalar.style == .plain, let value = scalar.bool {
            return Located(value: value, location: location(scalar.mark), length: Self.width(of: scalar))
        }
        diagnostics.error(
            .wrongScalarType, "\(Self.spaced(what))应是 true 或 false，这里是“\(scalar.value)”", at: location(scalar.mark),
            length: Self.width(of: scalar))
        return nil
    }

    /// A calendar date written `YYYY-MM-DD`.
    mutating func date(_ node: YAMLNode?, _ what: String) -> Located<String>? {
        guard let text = string(node, what) else { return nil }
        if CalendarDate(text.value) == nil {
            diagnostics.error(
                .invalidDate, "\(Self.spaced(what))应是“年-月-日”格式的有效日期（如 2025-01-01），这里是“\(text.value)”",
                at: text.location, length: text.length)
            return nil
        }
        return text
    }

    /// A level by number (`4`) or label (`较高`).
    mutating func level(_ node: YAMLNode?, _ what: String) -> Located<LevelReference>? {
        guard let node, let scalar = scalar(node, what) else { return nil }
        let location = location(scalar.mark)
        if scalar.style == .plain, let number = scalar.int {
            return Located(value: .number(number), location: location, length: Self.width(of: scalar))
        }
        if scalar.value.isEmpty {
            diagnostics.error(.wrongScalarType, "\(Self.spaced(what))不能为空", at: location)
            return nil
        }
        return Located(value: .label(scalar.value), location: location, length: Self.width(of: scalar))
    }

    /// An expression written in a scalar (quoted or not).
    mutating func expression(_ node: YAMLNode?, _ what: String) -> ExpressionText? {
        guard let node, let scalar = scalar(node, what) else { return nil }
        if scalar.value.allSatisfy(\.isWhitespace) {
            diagnostics.error(.expressionSyntax, "\(Self.spaced(what))不能为空", at: location(scalar.mark))
            return nil
        }
        if scalar.style == .plain, let value = scalar.bool {
            // `when: true` is a valid condition; keep its text.
            return ExpressionText(text: value ? "true" : "false", scalar: scalar, file: file)
        }
        return ExpressionText(text: scalar.value, scalar: scalar, file: file)
    }

    /// An identifier for an item (factor, measure, floor, rule, grade): letters (any script), digits, `_`, `-`, `.`.
    mutating func identifier(_ node: YAMLNode?, _ what: String) -> Located<String>? {
        guard let id = string(node, what) else { return nil }
        guard checkLength(id, what) else { return nil }
        if !Self.isItemIdentifier(id.value) {
            diagnostics.error(
                .invalidIdentifier, "\(what)“\(id.value)”不合规：只能用字母、汉字、数字、“_”“-”“.”，且不能以符号开头",
                at: id.location, length: id.length)
            return nil
        }
        return id
    }

    /// The most Unicode scalars an id or a name may have (E226): ids appear in reports, file names and
    /// expressions, and the longest real one is a few dozen characters.
    static let maximumIdentifierLength = 64

    /// True when `id` is short enough; otherwise reports E226 and returns false.
    mutating func checkLength(_ id: Located<String>, _ what: String) -> Bool {
        let count = id.value.unicodeScalars.count
        guard count > Self.maximumIdentifierLength else { return true }
        diagnostics.error(
            .identifierTooLong,
            "\(Self.spaced(what))太长（\(count) 个字符，上限 \(Self.maximumIdentifierLength) 个）；请改用简短的 id，详细说明写在 label 或 description 中",
            at: id.location, length: min(id.length, Self.maximumIdentifierLength))
        return false
    }

    /// A list of strings, or a single string treated as a one-item list.
    mutating func stringList(_ node: YAMLNode?, _ what: String) -> [Located<String>]? {
        guard let node else { return nil }
        if case .scalar = node { return string(node, what).map { [$0] } }
        guard let items = sequence(node, what) else { return nil }
        return items.compactMap { string($0, what) }
    }

    /// `basis: reg590 第十九条` or a list of such references.
    mutating func basisReferences(_ node: YAMLNode?, _ what: String) -> [BasisReference] {
        guard let list = stringList(node, what) else { return [] }
        return list.map { item in
            let text = item.value.trimmingWhitespace
            let key = text.prefix { !$0.isWhitespace }
            let detail = text.dropFirst(key.count).trimmingWhitespace
            return BasisReference(
                key: Located(value: String(key), location: item.location, length: max(1, key.count)),
                detail: detail)
        }
    }

    /// `what` followed by a space when it ends in a Latin letter or digit, so `factors 应是列表` reads well.
    static func spaced(_ what: String) -> String {
        guard let last = what.unicodeScalars.last, last.isASCII,
            last.properties.isAlphabetic || ("0"..."9").contains(last)
        else { return what }
        return what + " "
    }

    static func isItemIdentifier(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first.properties.isAlphabetic || ("0"..."9").contains(first)
        else { return false }
        return text.unicodeScalars.allSatisfy {
            $0.properties.isAlphabetic || ("0"..."9").contains($0) || "_-.".unicodeScalars.contains($0)
        }
    }

    /// A name usable inside expressions: a letter or `_` first, then letters, digits and `_`.
    static func isExpressionName(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first.properties.isAlphabetic || first == "_" else { return false }
        return text.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" }
    }

    /// `85%` → 0.85.
    static func percent(_ text: String) -> Double? {
        guard text.hasSuffix("%"), let number = Double(text.dropLast().trimmingWhitespace), number.isFinite else {
            return nil
        }
        return number / 100
    }
}

extension StringProtocol {
    /// The text without leading and trailing white space (including full-width spaces).
    var trimmingWhitespace: String {
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let end = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(String.UnicodeScalarView(scalars[start...end]))
    }
}
