import ArgumentParser
import Wenping

extension WenpingCommand {
    /// `wenping explain PROJECT [--factor ID]`: why a project got its grade, and what would change it.
    struct Explain: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "说明项目为什么得到这个风险等级，以及改变哪些事实或措施会改变等级",
            discussion: """
                按规则评估一个项目，用中文逐项说明：等级由综合风险指数、数量规则还是兜底条件决定；\
                每个风险因素的哪一档条件成立、理由和相关事实、对综合指数的贡献；\
                最近的变化：每项事实改到哪个值会改变因素等级，以及落实措施后的项目等级是否随之改变\
                （能降低等级的排在前面）；尚未采纳的措施采纳后的效果。结果输出到标准输出。

                退出码：含义见 wenping --help（所有子命令通用）。
                """
        )

        enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
            case md, json
        }

        @Argument(help: ArgumentHelp("项目文件（.yaml/.yml/.json）；- 表示从标准输入读", valueName: "项目文件"))
        var project: String

        @Option(help: RulesLocator.optionHelp)
        var rules: [String] = []

        @Option(help: "指定规则 id（或 id@版本），不按项目类型和地区自动选择")
        var ruleset: String?

        @Option(name: .customLong("as-of"), help: AsOfOption.help)
        var asOf: String?

        @Option(help: "只说明这个风险因素（id），如 compensation-below-market")
        var factor: String?

        @Option(help: "输出格式：md 为中文说明；json 给工具用（等级、每个最近的变化和未采纳措施的结果，另附中文说明）")
        var format: OutputFormat = .md

        func validate() throws {
            try AsOfOption.validate(asOf)
        }

        func run() throws {
            let catalog = try RulesLocator.catalog(rules)
            let loader = ProjectLoader(catalog: catalog, override: ruleset, asOf: try AsOfOption.resolve(asOf))
            guard let loaded = ProjectInput.load(project, with: loader) else { throw ExitCode.inputsInvalid }
            guard let loadedProject = loaded.output.project, !loaded.output.hasErrors else {
                let formatter = DiagnosticFormatter(sources: loaded.output.source.map { [loaded.name: $0] } ?? [:])
                Console.error(formatter.format(loaded.output.diagnostics))
                throw ExitCode.inputsInvalid
            }
            let assessment = Engine.evaluate(loadedProject)
            if let factor {
                do {
                    try Explainer.checkFactor(factor, in: assessment.ruleSet)
                } catch {
                    throw ValidationError(error.message)
                }
            }
            switch format {
            case .md:
                try Console.output(
                    VisibleText.visible(Explainer.explain(assessment, factor: factor), keepingNewlines: true))
            case .json: try Console.output(Explainer.explainJSON(assessment, factor: factor))
            }
        }
    }
}
