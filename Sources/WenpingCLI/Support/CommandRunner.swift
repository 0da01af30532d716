import ArgumentParser
import Foundation
import Wenping

/// Runs the command tree the way `ParsableCommand.main()` does, with three differences users see: the parser's
/// own text is in Chinese and wrapped by display width (``ParserText``); an error thrown while a subcommand runs
/// prints that subcommand's usage (not the root's); and a mistyped subcommand name gets the nearest one suggested.
enum CommandRunner {
    /// Parses `arguments` (without the program name), runs the command and returns the exit status.
    static func run(_ arguments: [String]) -> Int32 {
        var command: any ParsableCommand
        do {
            command = try WenpingCommand.parseAsRoot(arguments)
        } catch {
            return report(error, arguments: arguments)
        }
        do {
            try command.run()
            return ExitStatus.success.rawValue
        } catch let error as ValidationError {
            let type = Swift.type(of: command)
            Console.error("错误：\(error.message)\n" + usage(for: type) + "\n")
            return ExitStatus.usage.rawValue
        } catch {
            return report(error, arguments: arguments)
        }
    }

    /// The usage lines of a subcommand and where to read more, in Chinese.
    static func usage(for type: any ParsableCommand.Type) -> String {
        let usage = WenpingCommand.usageString(for: type)
        let path = ([WenpingCommand.self] + commandPath(to: type)).map { $0._commandName }.joined(separator: " ")
        return ParserText.translate("用法：" + usage, width: terminalWidth) + "\n  用 \(path) --help 查看详细帮助。"
    }

    static func commandPath(to type: any ParsableCommand.Type) -> [any ParsableCommand.Type] {
        WenpingCommand.configuration.subcommands.contains { $0 == type } ? [type] : []
    }

    static func report(_ error: any Error, arguments: [String]) -> Int32 {
        if let exit = error as? ExitCode { return exit.rawValue }
        if let unknown = unknownSubcommand(arguments) {
            Console.error(unknown + "\n")
            return ExitStatus.usage.rawValue
        }
        let code = WenpingCommand.exitCode(for: error).rawValue
        let text = WenpingCommand.fullMessage(for: error, columns: 10_000)
        let isHelp = text.hasPrefix("OVERVIEW:") || text.hasPrefix("USAGE:")
        let shown = code == 0 && !isHelp ? text : ParserText.translate(text, width: terminalWidth)
        if code == 0 {
            if !shown.isEmpty { print(shown) }
        } else if !shown.isEmpty {
            Console.error(shown.hasSuffix("\n") ? shown : shown + "\n")
        }
        return code
    }

    /// The message for a first argument that is neither an option nor a subcommand, with the nearest name.
    static func unknownSubcommand(_ arguments: [String]) -> String? {
        guard let first = arguments.first, !first.hasPrefix("-") else { return nil }
        let all = WenpingCommand.configuration.subcommands
        guard !all.contains(where: { $0._commandName == first }) else { return nil }
        let names = all.filter { $0.configuration.shouldDisplay }.map { $0._commandName } + ["help"]
        guard !names.contains(first) else { return nil }
        var message = "错误：没有子命令“\(first)”"
        if let guess = Spelling.nearest(to: first, among: names) { message += "。是否想写“\(guess)”？" }
        message += "\n子命令：\(names.dropLast().joined(separator: "、"))\n  用 wenping --help 查看详细帮助。"
        return message
    }

    /// Columns of the terminal on standard output (`COLUMNS`, then the terminal itself), 80 when unknown.
    static var terminalWidth: Int {
        if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), columns > 20 {
            return columns
        }
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 20 { return Int(size.ws_col) }
        return 80
    }
}
