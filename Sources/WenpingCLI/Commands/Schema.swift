import ArgumentParser
import Wenping

extension WenpingCommand {
    /// `wenping schema rules|project`: print the JSON Schema of rule files or project files.
    struct Schema: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "输出规则文件或项目文件的 JSON Schema，供编辑器校验和补全",
            discussion: """
                输出 JSON Schema（draft 2020-12）到标准输出。
                  wenping schema rules                    规则文件的格式
                  wenping schema project                  项目文件的格式（facts 不限）
                  wenping schema project --ruleset ID     项目文件的格式，facts 按该规则的输入项列出
                在 VS Code 中配合 YAML 插件使用，见 README 的“Editor support”一节。

                退出码：含义见 wenping --help（所有子命令通用）。
                """
        )

        enum Kind: String, ExpressibleByArgument, CaseIterable {
            case rules, project
        }

        @Argument(help: "rules（规则文件）或 project（项目文件）")
        var kind: Kind

        @Option(help: RulesLocator.optionHelp)
        var rules: [String] = []

        @Option(help: "按此规则 id 的输入项列出项目的 facts，如 national/house-expropriation")
        var ruleset: String?

        func validate() throws {
            if kind == .rules && ruleset != nil {
                throw ValidationError("--ruleset 只用于 wenping schema project")
            }
        }

        func run() throws {
            switch kind {
            case .rules:
                print(SchemaGenerator.rules(), terminator: "")
            case .project:
                guard let ruleset else {
                    print(SchemaGenerator.project(for: nil), terminator: "")
                    return
                }
                let catalog = try RulesLocator.catalog(rules)
                do {
                    let ruleSet = try SchemaGenerator.ruleSet(id: ruleset, in: catalog)
                    print(SchemaGenerator.project(for: ruleSet), terminator: "")
                } catch {
                    throw ValidationError(error.message)
                }
            }
        }
    }
}
