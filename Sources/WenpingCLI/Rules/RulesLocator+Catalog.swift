import ArgumentParser
import Foundation
import Wenping

extension RulesLocator {
    /// The `--rules` help shared by every command that grades projects.
    static let optionHelp = ArgumentHelp(
        "规则目录或文件；不给时依次找环境变量 WENPING_RULES、./Rules、安装的规则", valueName: "路径")

    /// Finds and compiles the rules for a command that grades projects.
    ///
    /// When no rules are found, or they have errors, prints why (and, for errors, the diagnostics and the
    /// `wenping check` command that shows them all) and throws exit status 2: nothing can be graded.
    /// - Parameter option: the `--rules` values (empty when not given).
    static func catalog(_ option: [String]) throws -> RuleSetCatalog {
        let paths = try located(option)
        let catalog = RuleSetCatalog(paths: paths)
        if catalog.hasErrors {
            let errors = catalog.diagnostics.filter { $0.severity == .error }
            Console.error(DiagnosticFormatter(sources: catalog.sources).format(errors))
            let shown = paths.map(shellQuoted).joined(separator: " ")
            Console.error("规则文件有 \(errors.count) 个错误，未评估任何项目；改正后可用 wenping check \(shown) 复查\n")
            throw ExitCode.rulesInvalid
        }
        if !catalog.ruleSets.contains(where: { !$0.isBase }) {
            let shown = paths.map { "“\($0)”" }.joined(separator: "、")
            Console.error(
                "wenping: error[\(DiagnosticCode.rulesNotFound)]: \(shown)中没有可以评估项目的规则（.yaml/.yml 文件，"
                    + "带 applies_to）；请用 --rules 指定规则目录\n")
            throw ExitCode.rulesInvalid
        }
        return catalog
    }

    /// The rule paths for commands that take them as arguments (`check`, `test`): the arguments when given,
    /// else the located rules.
    static func paths(_ arguments: [String]) throws -> [String] {
        arguments.isEmpty ? try located([]) : arguments
    }

    /// The located rule paths for the `--rules` values; when none are found, prints where it looked and throws
    /// exit status 2.
    static func located(_ option: [String]) throws -> [String] {
        do {
            return try RulesLocator().locate(option).paths
        } catch {
            Console.error("wenping: error[\(DiagnosticCode.rulesNotFound)]: \(error.description)\n")
            throw ExitCode.rulesInvalid
        }
    }

    /// A path as a shell would need it typed (single-quoted when it holds anything but safe characters).
    static func shellQuoted(_ path: String) -> String {
        let safe = path.unicodeScalars.allSatisfy {
            $0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_./+,@%".unicodeScalars.contains($0)
        }
        return safe ? path : "'" + path.replacingOccurrences(of: "'", with: #"'\''"#) + "'"
    }
}
