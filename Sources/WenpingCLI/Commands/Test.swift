import ArgumentParser
import Foundation
import Wenping

extension ExitCode {
    /// Some rule test expectation did not hold.
    static let testsFailed = ExitCode(1)
}

extension WenpingCommand {
    /// `wenping test [PATH...]`: run the rule tests (`*.test.yaml`) and report every expectation that fails.
    struct RuleTest: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "test",
            abstract: "运行规则测试（*.test.yaml），检查规则对示例项目给出的等级是否符合预期",
            discussion: """
                在给出的目录中递归查找 *.test.yaml，用同一目录的规则（或 --rules 指定的规则）逐个评估用例中的项目，\
                与用例写明的期望（措施前后等级、综合指数、因素的概率/影响/程度、触发的兜底条件、缺失的事实和专家评分）比较。\
                每个不符合的期望输出为
                  文件:行:列: 失败: 用例“名称”：说明 期望 …，实际 …
                并附上测试文件中的那一行和 ^ 符号。规则或测试文件本身的错误输出到标准错误。\
                最后一行是英文的“N passed, M failed”，供 CI 读取。格式见 docs/rule-format.md“规则测试 rule tests”。

                --coverage 按规则列出没有任何用例覆盖到的分档、兜底条件、数量规则和措施。

                退出码：含义见 wenping --help（所有子命令通用）。
                """
        )

        @Argument(help: "规则测试文件（*.test.yaml）或其所在目录；不给时按规则的查找顺序（见 wenping --help）找")
        var paths: [String] = []

        @Option(help: "规则目录或文件；不给时使用测试文件所在的目录")
        var rules: [String] = []

        @Flag(help: "列出每个规则中没有用例覆盖到的分档、兜底条件、数量规则和措施")
        var coverage = false

        enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
            case text, junit, json
        }

        @Option(help: "输出格式：text 给人看；junit 为 JUnit XML，供 CI 显示；json 给工具用")
        var format: OutputFormat = .text

        func validate() throws {
            if coverage && format != .text { throw ValidationError("--coverage 只用于 --format text") }
        }

        func run() throws {
            let suite = RuleTestSuite.run(paths: try RulesLocator.paths(paths), rules: rules)
            if !suite.diagnostics.isEmpty {
                Console.error(DiagnosticFormatter(sources: suite.sources).format(suite.diagnostics))
            }
            switch format {
            case .text: try Console.diagnostics(RuleTestTextRenderer.render(suite, coverage: coverage))
            case .junit:
                try Console.output(VisibleText.visible(RuleTestReportRenderer.junit(suite), keepingNewlines: true))
            case .json: try Console.output(RuleTestReportRenderer.json(suite))
            }
            if suite.hasErrors { throw ExitCode.rulesInvalid }
            if suite.failedCount > 0 { throw ExitCode.testsFailed }
        }
    }
}
