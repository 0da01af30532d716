import ArgumentParser
import Foundation
import Wenping

extension WenpingCommand {
    /// `wenping diff OLD NEW --projects PATH...`: grade the same projects with two versions of the rules and
    /// report what changes.
    struct Diff: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "比较两版规则：同一批项目的等级、指数和因素程度有何变化，规则本身改了什么",
            discussion: """
                OLD、NEW 是同一规则的两个版本：两个规则文件，两个规则目录（目录中的规则按 id 配对），\
                或规则目录（--rules）中同一 id 的两个版本，写作 id@版本（如 demo/house@2024.1 demo/house@2025.1）。\
                一边只有一个版本时，所有项目都按它评估，不看项目的评估日期（比较的就是两个版本）。\
                用两版规则分别评估 --projects 给出的项目（文件或目录，目录中递归查找 .yaml/.yml/.json，\
                跳过 *.expected.yaml 和 *.test.yaml），列出措施前后等级、综合指数（差值超过 0.0001）或任一\
                因素风险程度有变化的项目，以及引起变化的因素（等级变化和前后匹配的分档）；最后汇总规则本身的改动\
                （因素、权重、分档、阈值、兜底条件、数量规则、措施的新增、删除和修改）。

                退出码：含义见 wenping --help（所有子命令通用）。
                """
        )

        enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
            case md, json
        }

        @Argument(help: "原规则文件或目录")
        var old: String

        @Argument(help: "新规则文件或目录")
        var new: String

        @Option(parsing: .upToNextOption, help: "项目文件或目录（可给多个）")
        var projects: [String]

        @Option(help: ArgumentHelp("OLD、NEW 写作 id@版本 时，在这里找规则；" + RulesLocator.optionHelp.abstract, valueName: "路径"))
        var rules: [String] = []

        @Option(help: "输出格式：md 为中文 Markdown，json 给工具用")
        var format: OutputFormat = .md

        func run() throws {
            let exists = { (path: String) in FileManager.default.fileExists(atPath: path) }
            let library = exists(old) && exists(new) ? [] : try RulesLocator.located(rules)
            let diff = RuleDiff.run(old: old, new: new, projects: projects, rules: library)
            if !diff.diagnostics.isEmpty {
                Console.error(DiagnosticFormatter(sources: diff.sources).format(diff.diagnostics))
            }
            if diff.rulesHaveErrors {
                Console.error("规则文件有错误，未进行比较；请先运行 wenping check 修正\n")
                throw ExitCode.rulesInvalid
            }
            switch format {
            case .md: print(RuleDiffMarkdownRenderer.render(diff), terminator: "")
            case .json: print(RuleDiffJSONRenderer.render(diff), terminator: "")
            }
            if diff.invalidProjectCount > 0 { throw ExitCode.inputsInvalid }
        }
    }
}
