import ArgumentParser
import Foundation
import Wenping

extension WenpingCommand {
    /// `wenping manual`: the man page (roff, section 1), written from the command tree's own help texts.
    ///
    /// The argument parser's `generate-manual` (1.8.2) drops every non-ASCII character, which would leave a
    /// Chinese manual empty; this writes the same help `--help` shows, in Chinese, one section per subcommand.
    struct Manual: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "输出 man 手册页（roff 格式），make install 用它生成 wenping.1", shouldDisplay: false)

        @Option(help: ArgumentHelp("手册页上的日期（年-月-日）", valueName: "日期"))
        var date = "2026-01-01"

        func run() throws {
            try Console.output(ManualPage.render(date: date))
        }
    }
}

/// The man page text: a `.TH` header, the name, then each command's help as preformatted text.
enum ManualPage {
    /// The page's width in columns (a terminal of 80, less the man page's indentation).
    static let width = 72

    static func render(date: String) -> String {
        let commands = WenpingCommand.configuration.subcommands.filter { $0.configuration.shouldDisplay }
        var out = ".\\\" wenping manual, written by `wenping manual` from the command tree\n"
        out += ".TH WENPING 1 \"\(date)\" \"wenping \(WenpingVersion.current)\" \"wenping\"\n"
        out += ".SH NAME\nwenping \\- \(escape(WenpingCommand.configuration.abstract))\n"
        out += section("DESCRIPTION", help(WenpingCommand.self))
        for command in commands {
            out += section("wenping \(command._commandName)".uppercased(), help(command))
        }
        return out
    }

    /// A command's help as `--help` shows it (Chinese, wrapped to ``width``).
    static func help(_ command: any ParsableCommand.Type) -> String {
        let text =
            command == WenpingCommand.self
            ? WenpingCommand.helpMessage(columns: 10_000)
            : WenpingCommand.helpMessage(for: command, columns: 10_000)
        return ParserText.translate(text, width: width)
    }

    static func section(_ title: String, _ body: String) -> String {
        let lines = body.split(separator: "\n", omittingEmptySubsequences: false).map { escape(String($0)) }
        return ".SH \(title)\n.nf\n" + lines.joined(separator: "\n") + "\n.fi\n"
    }

    /// A line of text as roff reads it literally: backslashes escaped, a leading `.` or `'` made plain.
    static func escape(_ line: String) -> String {
        let escaped = line.replacingOccurrences(of: "\\", with: "\\e")
        return escaped.hasPrefix(".") || escaped.hasPrefix("'") ? "\\&" + escaped : escaped
    }
}
