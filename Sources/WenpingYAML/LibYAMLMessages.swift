/// Chinese explanations of libyaml's English problem and context texts.
enum LibYAMLMessages {
    /// What libyaml's problem means and how to fix it, keyed by libyaml's exact problem text.
    static let problems: [String: String] = [
        "found character that cannot start any token":
            "找到了不能开始任何记号的字符；如果它是文字的一部分（如 @、`、%、|、>），请给整个值加引号",
        "mapping values are not allowed in this context":
            "映射值在此处不允许（可能是冒号后缺少空格或缩进不对）；如果值里本来就有“: ”，请给整个值加引号",
        "could not find expected ':'":
            "找不到这个键后面应有的“:”；请检查是否漏写了冒号，或者多行文字是否缺少引号",
        "did not find expected key":
            "这里应是映射的下一个键，却是别的内容；通常是缩进不对，请让同一层的键左侧对齐",
        "did not find expected '-' indicator":
            "这里应是列表的下一项（以“- ”开头），却是别的内容；通常是缩进不对，请让同一列表的“- ”左侧对齐",
        "did not find expected node content":
            "这里应有一个值，却没有找到；请检查是否漏写了值，或多写了逗号、括号",
        "did not find expected ',' or ']'":
            "方括号列表里这里应是逗号“,”或“]”；请检查是否漏写了逗号或右方括号",
        "did not find expected ',' or '}'":
            "花括号映射里这里应是逗号“,”或“}”；请检查是否漏写了逗号或右花括号",
        "found unexpected end of stream":
            "文件在这里意外结束；请检查引号是否成对",
        "found unknown escape character":
            "双引号里有不认识的转义符“\\”；要写反斜杠本身请写成“\\\\”，或改用单引号",
        "found unexpected document indicator":
            "引号里的文字中出现了文档分隔符（--- 或 ...）；请检查引号是否成对",
        "did not find expected comment or line break":
            "这里应是注释或换行，却还有别的内容；请检查值后面是否多写了内容（注释要以“ #”开头）",
        "block sequence entries are not allowed in this context":
            "这里不能开始列表项“- ”；请检查缩进，或上一行冒号后面是否已经写了值",
        "mapping keys are not allowed in this context":
            "这里不能写映射键“? ”；请检查缩进",
        "found undefined tag handle":
            "用了没有定义的标签前缀；规则文件不需要标签，请删除它",
        "did not find expected alphabetic or numeric character":
            "锚点（&）或别名（*）后面应是由字母或数字组成的名字；如果“&”或“*”是文字的一部分，请给整个值加引号",
        "did not find expected whitespace or line break":
            "这里应是空格或换行；请检查块文字标记（| 或 >）后面是否多写了内容",
        "found an indentation indicator equal to 0":
            "块文字的缩进数字不能是 0；请写 1 到 9，或者去掉它",
        "did not find expected <document start>":
            "文档结束后还有多余的内容；请检查缩进，或删除多余的内容",
        "found unexpected ':'":
            "这里出现了意外的冒号“:”；请在冒号后加空格，或给值加引号",
        "control characters are not allowed":
            "文件里有不允许的控制字符（不可见字符）；请删除它",
        "found invalid Unicode character escape code":
            "转义符（\\x、\\u 或 \\U）写出的字符无效；请检查转义的十六进制数字",
        "did not find expected hexdecimal number":
            "转义符 \\x、\\u 或 \\U 后面应是十六进制数字；请检查转义的写法",
        "found incompatible YAML document":
            "不支持这个 YAML 版本；请删除开头的 %YAML 指令",
        "found duplicate %YAML directive":
            "%YAML 指令重复了；请删除多余的一行",
        "found duplicate %TAG directive":
            "%TAG 指令重复了；请删除多余的一行",
        "found unknown directive name":
            "不认识以“%”开头的指令；如果这是文字，请给它加引号",
        "did not find expected directive name":
            "“%”后面应是指令名；如果这是文字，请给它加引号",
    ]

    /// What the construct at libyaml's context mark is, keyed by libyaml's exact context text.
    static let contexts: [String: String] = [
        "while scanning a simple key": "这个键从这里开始",
        "while scanning a quoted scalar": "这段带引号的文字从这里开始",
        "while parsing a quoted scalar": "这段带引号的文字从这里开始",
        "while scanning a plain scalar": "这个值从这里开始",
        "while scanning a block scalar": "这段块文字从这里开始",
        "while parsing a block mapping": "这个映射从这里开始",
        "while parsing a block collection": "这个列表从这里开始",
        "while parsing a flow sequence": "这个方括号列表从这里开始",
        "while parsing a flow mapping": "这个花括号映射从这里开始",
        "while parsing a flow node": "这个值从这里开始",
        "while parsing a block node": "这个值从这里开始",
        "while parsing a node": "这个值从这里开始",
        "while scanning an anchor": "这个锚点从这里开始",
        "while scanning an alias": "这个别名从这里开始",
        "while scanning a tag": "这个标签从这里开始",
        "while parsing a tag": "这个标签从这里开始",
    ]

    /// The message for a libyaml problem: the Chinese explanation, then libyaml's own text in parentheses.
    static func message(forProblem problem: String) -> String {
        let explanation = problems[problem] ?? "YAML 格式有误；请检查这里的写法"
        return "\(explanation)(libyaml:\(problem))"
    }
}

extension YAMLError {
    /// The error for a libyaml failure, at libyaml's problem mark.
    ///
    /// A problem caused by a tab used for indentation (at the problem mark, or in the leading whitespace of its
    /// line) becomes ``Kind/tab`` at the tab. libyaml's context mark, when it points elsewhere, becomes
    /// ``related``.
    init(libYAML failure: LibYAMLFailure, text: InputText, cursor: inout InputText.Cursor) {
        let mark: YAMLMark
        switch failure.stage {
        case .reader: mark = text.mark(atByteOffset: failure.problemByteOffset)
        case .syntax: mark = cursor.mark(atCharacterIndex: failure.problemIndex, in: text)
        case .other: mark = .start
        }
        if failure.stage == .syntax, let tab = Self.indentationTab(near: mark, in: text) {
            self = .tab(at: tab)
            return
        }
        var related: YAMLMark?
        var relatedMessage: String?
        if let contextIndex = failure.contextIndex, let context = failure.context {
            let contextMark = cursor.mark(atCharacterIndex: contextIndex, in: text)
            if contextMark != mark, let description = LibYAMLMessages.contexts[context] {
                related = contextMark
                relatedMessage = description
            }
        }
        self.init(
            kind: .syntax, message: LibYAMLMessages.message(forProblem: failure.problem), mark: mark,
            related: related, relatedMessage: relatedMessage)
    }

    /// The tab that most likely caused a syntax error at `mark`: the character at `mark` itself, or the first
    /// tab in the leading whitespace of its line.
    private static func indentationTab(near mark: YAMLMark, in text: InputText) -> YAMLMark? {
        let tab = UInt8(ascii: "\t")
        if mark.offset < text.bytes.count, text.bytes[mark.offset] == tab { return mark }
        let line = mark.line - 1
        guard line < text.lineStarts.count else { return nil }
        var offset = text.lineStarts[line]
        while offset < text.bytes.count {
            switch text.bytes[offset] {
            case tab: return text.mark(atByteOffset: offset)
            case UInt8(ascii: " "): offset += 1
            default: return nil
            }
        }
        return nil
    }
}
