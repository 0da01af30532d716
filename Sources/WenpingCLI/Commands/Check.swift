import ArgumentParser
import Foundation
import Wenping

extension WenpingCommand {
    /// `wenping check [PATH...]`: compile rule files and report every problem.
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "检查规则文件，列出所有错误和警告",
            discussion: """
                编译每个规则文件（目录中递归查找 .yaml/.yml），按文件和位置排序输出诊断：
                  文件:行:列: error[代码]: 说明
                并附上出错的那一行和指向出错位置的 ^ 符号。错误代码稳定不变，见 docs/diagnostics.md。

                退出码：含义见 wenping --help（所有子命令通用）。
                """
        )

        enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
            case text, json
        }

        @Argument(help: "要检查的规则文件或目录；不给时按规则的查找顺序（见 wenping --help）找")
        var paths: [String] = []

        @Option(help: "输出格式：text 给人看，json 给工具用")
        var format: OutputFormat = .text

        @Flag(help: "把警告也当作错误（退出码 2）")
        var strict = false

        @Flag(name: .shortAndLong, help: "同时列出每个规则编译后的内容（输入项、风险程度表、因素的分档和权重）")
        var verbose = false

        func run() throws {
            var check = RuleCheck.run(paths: try RulesLocator.paths(paths))
            check.diagnostics = Self.misplacedFilesSaidOnce(check)
            switch format {
            case .text:
                let formatter = DiagnosticFormatter(sources: check.sources)
                var out = formatter.format(check.diagnostics)
                if verbose {
                    for ruleSet in check.ruleSets { out += ruleSet.summary + "\n" }
                }
                out += "检查了 \(check.files.count) 个规则文件：\(check.errorCount) 个错误，\(check.warningCount) 个警告\n"
                try Console.diagnostics(out)
            case .json:
                try Console.output(try DiagnosticJSON.encode(check) + "\n")
            }
            if check.errorCount > 0 || (strict && check.warningCount > 0) {
                throw ExitCode.rulesInvalid
            }
        }

        /// The diagnostics with those of a file that looks like a project (or a rule test) replaced by one line
        /// saying so (E443): its field errors would only bury the real mistake.
        static func misplacedFilesSaidOnce(_ check: RuleCheck) -> [Diagnostic] {
            var misplaced: [String: Diagnostic] = [:]
            for file in Set(check.diagnostics.filter { $0.severity == .error }.map(\.location.file)) {
                guard let data = FileManager.default.contents(atPath: file) else { continue }
                let shape = FileShape.of(bytes: [UInt8](data))
                guard shape == .project || shape == .ruleTest else { continue }
                let advice = shape == .project ? "评估项目请用 wenping assess" : "规则测试请用 wenping test 运行"
                misplaced[file] = .error(
                    .projectAsRuleFile, "这看起来是\(shape.name)，不是规则文件；\(advice)",
                    at: SourceLocation(file: file, line: 1, column: 1))
            }
            guard !misplaced.isEmpty else { return check.diagnostics }
            return (check.diagnostics.filter { misplaced[$0.location.file] == nil } + misplaced.values).sorted()
        }
    }
}
