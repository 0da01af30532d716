import Foundation
import Wenping

/// Puts the argument parser's own English (headings, `(default: …)`, parse errors) into Chinese, and wraps help
/// text by display width (a Chinese character takes two columns) without ever breaking an example command.
///
/// The parser renders help with a very wide column limit, so that nothing is wrapped before translation; this
/// type then translates and wraps once. Text it does not recognise passes through unchanged.
enum ParserText {
    /// Exact fragments of the parser's English and their Chinese.
    static let phrases: [(String, String)] = [
        ("OVERVIEW: ", "概述："),
        ("USAGE: ", "用法："),
        ("ARGUMENTS:", "参数："),
        ("OPTIONS:", "选项："),
        ("SUBCOMMANDS:", "子命令："),
        ("Show help information.", "显示帮助信息。"),
        ("Show the version.", "显示版本号。"),
        ("Error: ", "错误："),
        ("Help:  ", "说明："),
        ("Usage: ", "用法："),
        ("Missing required subcommand.", "缺少子命令。"),
        (" (default)", "（默认）"), ("(default)", "（默认）"),
    ]

    /// Patterns for the parser's sentences with values in them, and their Chinese (templates use `$1`, `$2`).
    static let patterns: [(NSRegularExpression, String)] = [
        (#" ?\(values: ([^;)]*); default: ([^)]*)\)"#, "（可选：$1；默认：$2）"),
        (#" ?\(values: ([^)]*)\)"#, "（可选：$1）"),
        (#" ?\(default: ([^)]*)\)"#, "（默认：$1）"),
        (#"See '([^']*) help ([^'<]*)<subcommand>' for detailed help\."#, "用 $1 help $2<子命令> 查看子命令的详细帮助。"),
        (#"See '([^']*)' for more information\."#, "用 $1 查看详细帮助。"),
        (#"Missing expected argument '([^']*)'"#, "缺少参数 $1"),
        (#"Missing one of: (.*)"#, "缺少以下之一：$1"),
        (#"Missing value for '([^']*)'"#, "选项 $1 缺少值"),
        (#"Unknown option '([^']*)'\. Did you mean '([^']*)'\?"#, "不认识的选项 $1。是否想写 $2?"),
        (#"Unknown option '([^']*)'"#, "不认识的选项 $1"),
        (#"Invalid option: (.*)"#, "无效的选项 $1"),
        (#"Unexpected argument '([^']*)'"#, "多余的参数“$1”"),
        (#"(\d+) unexpected arguments: (.*)"#, "$1 个多余的参数：$2"),
        (#"The option '([^']*)' does not take any value, but '([^']*)' was specified\."#, "选项 $1 不带值，却给了“$2”。"),
        (#"Value to be set with (.*) had already been set with (.*)"#, "$1 与前面的 $2 重复"),
        (#"The value '([^']*)' is invalid for '([^']*)'"#, "“$1”不是 $2 的有效值"),
        (#"\. Please provide one of the following:"#, "。可选："),
        (#"\. Please provide one of (.*)\."#, "。可选：$1。"),
        (#"' (and|or) '"#, "'、'"),
    ].map { (try! NSRegularExpression(pattern: $0.0), $0.1) }

    /// The parser's text in Chinese, wrapped to `width` display columns.
    static func translate(_ text: String, width: Int) -> String {
        var out = text
        for (english, chinese) in phrases {
            out = out.replacingOccurrences(of: english, with: chinese)
        }
        for (pattern, template) in patterns {
            let range = NSRange(out.startIndex..., in: out)
            out = pattern.stringByReplacingMatches(in: out, range: range, withTemplate: template)
        }
        return wrap(aligned(out), width: width)
    }

    /// The column where the parser starts an argument's or option's help (two spaces, then 24 for the name).
    static let helpColumn = 26

    /// Option and argument rows re-padded by display width, so help stays in one column when a name or value
    /// name is in Chinese (the parser pads by character count).
    static func aligned(_ text: String) -> String {
        var inSection = false
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            let line = String(line)
            if ["参数：", "选项：", "子命令："].contains(line) {
                inSection = true
                return line
            }
            if line.isEmpty { inSection = false }
            guard inSection, let gap = line.range(of: #"^  \S.*?\S(?=  +\S)"#, options: .regularExpression) else {
                return line
            }
            let label = String(line[gap])
            let rest = line[gap.upperBound...].drop { $0 == " " }
            let labelWidth = displayWidth(label)
            guard labelWidth + 2 <= helpColumn else { return line }
            return label + String(repeating: " ", count: helpColumn - labelWidth) + rest
        }.joined(separator: "\n")
    }

    /// Wraps every line longer than `width` display columns.
    ///
    /// A continuation goes under the text it belongs to: an option's help under the help column, other lines
    /// under their own indentation. Lines that show a command
    /// (indented, starting with `wenping`, `swift`, `make`, `scripts/` or `$`) are never broken.
    static func wrap(_ text: String, width: Int) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            let line = String(line)
            guard displayWidth(line) > width, !isCommand(line) else { return line }
            return wrapLine(line, width: width)
        }.joined(separator: "\n")
    }

    static func isCommand(_ line: String) -> Bool {
        let trimmed = line.drop { $0 == " " }
        guard trimmed.count < line.count else { return false }
        return ["wenping ", "swift ", "make ", "scripts/", "$ ", "cat ", "curl "].contains { trimmed.hasPrefix($0) }
    }

    static func wrapLine(_ line: String, width: Int) -> String {
        let indent = hangingIndent(line)
        guard indent < width / 2 else { return line }
        var lines: [String] = []
        var current = ""
        var currentWidth = 0
        var lastBreak: String.Index?
        var previous: Character = " "
        for character in line {
            let isWide = displayWidth(character) == 2
            // A line may break before a wide character or after a space or a wide one, never before closing
            // punctuation and never after opening punctuation.
            if (isWide || previous == " " || displayWidth(previous) == 2) && !closing.contains(character)
                && !opening.contains(previous) && currentWidth > indent
            {
                lastBreak = current.endIndex
            }
            current.append(character)
            currentWidth += displayWidth(character)
            previous = character
            if currentWidth > width, let cut = lastBreak {
                lines.append(String(current[..<cut]).trimmingTrailingSpaces())
                current = String(repeating: " ", count: indent) + current[cut...].drop { $0 == " " }
                currentWidth = displayWidth(current)
                lastBreak = nil
            }
        }
        if current.contains(where: { $0 != " " }) { lines.append(current) }
        return lines.joined(separator: "\n")
    }

    /// Characters a line never starts with.
    static let closing: Set<Character> = [
        ",", "。", ";", ":", "、", ")", "」", "”", "?", "!", "，", "；", "：", "）", "？", "！", "》",
    ]

    /// Characters a line never ends with.
    static let opening: Set<Character> = ["（", "“", "「", "《"]

    /// Where continuation lines start: under an option's help text (after the name and two or more spaces), under
    /// `用法：`'s value, or under the line's own indentation.
    static func hangingIndent(_ line: String) -> Int {
        let leading = line.prefix { $0 == " " }.count
        for prefix in ["用法：", "概述：", "错误："] where line.hasPrefix(prefix) {
            return displayWidth(prefix)
        }
        if leading > 0, let gap = line.range(of: #"^ +\S.*?  +"#, options: .regularExpression) {
            return displayWidth(String(line[gap]))
        }
        return leading
    }

    /// Display columns of a line: two for wide (CJK, full-width) characters, one for the rest.
    static func displayWidth(_ text: String) -> Int { text.reduce(0) { $0 + displayWidth($1) } }

    static func displayWidth(_ character: Character) -> Int {
        character.unicodeScalars.first.map(DiagnosticFormatter.cellWidth(of:)) ?? 0
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var out = self
        while out.last == " " { out.removeLast() }
        return out
    }
}
