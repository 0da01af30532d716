// The errors this package raises itself, each with its wording in one place. libyaml's own problems are
// translated in LibYAMLMessages.swift.

extension YAMLError {
    static func unreadable(path: String, reason: String) -> YAMLError {
        YAMLError(kind: .unreadable, message: "无法读取文件“\(path)”：\(reason)", mark: .start)
    }

    static func tooLarge(byteCount: Int?, limit: Int) -> YAMLError {
        let size = byteCount.map { "（\($0) 字节）" } ?? ""
        return YAMLError(
            kind: .tooLarge,
            message: "文件太大\(size)，超过了上限 \(describeSize(limit))；请把内容拆成几个较小的文件",
            mark: .start)
    }

    static func invalidUTF8(bytes: [UInt8], at mark: YAMLMark) -> YAMLError {
        let hex = bytes.map { byte in
            let digits = String(byte, radix: 16, uppercase: true)
            return (digits.count == 1 ? "0x0" : "0x") + digits
        }
        .joined(separator: " ")
        return YAMLError(
            kind: .invalidUTF8,
            message: "这里的字节 \(hex) 不是有效的 UTF-8 编码；请用 UTF-8 编码保存文件（在编辑器里选择“UTF-8”另存）",
            mark: mark)
    }

    static func tab(at mark: YAMLMark) -> YAMLError {
        YAMLError(kind: .tab, message: "用了制表符（Tab）缩进；YAML 只能用空格缩进，请把 Tab 换成空格", mark: mark)
    }

    static func duplicateKey(_ key: String, at mark: YAMLMark, first: YAMLMark) -> YAMLError {
        YAMLError(
            kind: .duplicateKey,
            message: "键“\(key)”在同一个映射里出现了两次；请删除其中一个，或把两处内容合并",
            mark: mark, related: first, relatedMessage: "第一次出现在这里")
    }

    static func complexKey(kindName: String, at mark: YAMLMark) -> YAMLError {
        YAMLError(
            kind: .complexKey,
            message: "映射的键必须是单个值（文字或数字），这里却是\(kindName)；请把键改成一个普通的名字",
            mark: mark)
    }

    static func keyTooLong(length: Int, limit: Int, at mark: YAMLMark) -> YAMLError {
        YAMLError(
            kind: .keyTooLong,
            message: "映射的键太长（\(length) 个字符，上限 \(limit) 个）；键应是字段名或简短的名称，长文字请写在值里",
            mark: mark)
    }

    static func rejectedTag(_ tag: String, at mark: YAMLMark) -> YAMLError {
        YAMLError(
            kind: .tag,
            message: "不支持标签“\(CoreTag.shortForm(tag))”：规则文件只接受普通数据（文字、数字、列表、映射）；请删除这个标签",
            mark: mark)
    }

    static func misplacedTag(_ tag: String, kindName: String, at mark: YAMLMark) -> YAMLError {
        YAMLError(
            kind: .tag,
            message: "标签“\(CoreTag.shortForm(tag))”不能用在\(kindName)上；请删除这个标签",
            mark: mark)
    }

    static func mismatchedTag(_ tag: String, value: String, at mark: YAMLMark) -> YAMLError {
        let expected =
            switch tag {
            case CoreTag.int: "整数"
            case CoreTag.float: "数字"
            case CoreTag.bool: "布尔值（true 或 false）"
            default: "空值（null）"
            }
        return YAMLError(
            kind: .tag,
            message: "标签“\(CoreTag.shortForm(tag))”要求值是\(expected)，但这里是“\(value)”；请改正这个值，或删除标签",
            mark: mark)
    }

    static func unknownAlias(_ name: String, at mark: YAMLMark) -> YAMLError {
        YAMLError(
            kind: .syntax,
            message: "别名“*\(name)”找不到对应的锚点“&\(name)”；请先在前面用“&\(name)”定义锚点，或直接写出内容",
            mark: mark)
    }

    static func tooManyAliases(limit: Int, at mark: YAMLMark) -> YAMLError {
        YAMLError(
            kind: .aliasLimit,
            message: "别名（*名字）用得太多，超过了 \(limit) 个；请直接写出内容，少用锚点和别名",
            mark: mark)
    }

    static func aliasExpansion(limit: Int, at mark: YAMLMark) -> YAMLError {
        YAMLError(
            kind: .aliasLimit,
            message: "别名展开后的内容太多，超过了 \(limit) 个节点（层层引用别名会让内容成倍增长）；请直接写出内容，不要嵌套引用别名",
            mark: mark)
    }

    static func depth(limit: Int, at mark: YAMLMark) -> YAMLError {
        YAMLError(
            kind: .depth,
            message: "嵌套太深，超过了 \(limit) 层；请减少列表和映射的嵌套层数",
            mark: mark)
    }

    static func documentCount(at mark: YAMLMark) -> YAMLError {
        YAMLError(
            kind: .documentCount,
            message: "文件里有不止一个 YAML 文档（用“---”分隔）；一个文件只能写一个文档，请删除多余的“---”，或把内容拆到不同文件",
            mark: mark)
    }

    /// `8 MiB` for whole mebibytes, otherwise the number of bytes.
    private static func describeSize(_ bytes: Int) -> String {
        let mebibyte = 1024 * 1024
        if bytes >= mebibyte && bytes % mebibyte == 0 { return "\(bytes / mebibyte) MiB" }
        return "\(bytes) 字节"
    }
}
