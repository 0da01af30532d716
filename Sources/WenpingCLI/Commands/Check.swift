import ArgumentParser
import Foundation
import Wenping

extension WenpingCommand {
    /// `wenping check [PATH...]`: compile rule files and report every problem.
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "检查规则文件,列出所有错误和警告",
            discussion: """
                编译每个规则文件(目录中递归查找 .yaml/.yml),按文件和位置排序输出诊断:
                  文件:行:列: error[代码]: 说明
                并附上出错的那一行和指向出错位置的 ^ 符号。错误代码稳定不变,见 docs/diagnostics.md。

                退出码:含义见 wenping --help(所有子命令通用)。
                """
        )

        enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
            case text, json
        }

        @Argument(help: "要检查的规则文件或目录;不给时按规则的查找顺序(见 wenping --help)找")
        var paths: [String] = []

        @Option(help: "输出格式:text 给人看,json 给工具用")
        var format: OutputFormat = .text

        @Flag(help: "把警告也当作错误(退出码 2)")
        var strict = false

        @Flag(name: .shortAndLong, help: "同时列出每个规则编译后的内容(输入项、风险程度表、因素的分档和权重)")
        var verbose = false

        func run() throws {
            let check = RuleCheck.run(paths: try RulesLocator.paths(paths))
            switch format {
            case .text:
                let formatter = DiagnosticFormatter(sources: check.sources)
                var out = formatter.format(check.diagnostics)
                if verbose {
                    for ruleSet in check.ruleSets { out += ruleSet.summary + "\n" }
                }
                out += "检查了 \(check.files.count) 个规则文件:\(check.errorCount) 个错误,\(check.warningCount) 个警告\n"
                print(out, terminator: "")
            case .json:
                print(try DiagnosticJSON.encode(check))
            }
            if check.errorCount > 0 || (strict && check.warningCount > 0) {
                throw ExitCode.rulesInvalid
            }
        }
    }
}
