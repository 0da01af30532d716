import ArgumentParser
import Foundation
import Wenping

extension WenpingCommand {
    /// `wenping generate --ruleset ID --count N`: synthetic projects as JSON Lines on standard output.
    struct Generate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "生成测试用的项目(JSON Lines,每行一个),用于批量评估的性能测试",
            discussion: """
                按指定规则的输入项生成 --count 个项目,编号 GEN-0、GEN-1……,写到标准输出。\
                同样的规则、--seed 和序号总是生成同样的项目。例:
                  wenping generate --ruleset national/house-expropriation --count 100000 > big.jsonl
                """
        )

        @Option(help: RulesLocator.optionHelp)
        var rules: [String] = []

        @Option(help: "按哪个规则 id 生成项目")
        var ruleset: String

        @Option(help: "生成的项目数")
        var count: Int

        @Option(help: "随机数种子")
        var seed: UInt64 = 2026

        func validate() throws {
            if count < 0 { throw ValidationError("--count 不能是负数") }
        }

        func run() throws {
            let catalog = try RulesLocator.catalog(rules)
            guard let ruleSet = catalog.ruleSet(id: ruleset), !ruleSet.isBase else {
                let ids = catalog.ruleSets.filter { !$0.isBase }.map(\.id).joined(separator: "、")
                throw ValidationError("没有可以评估项目的、id 为“\(ruleset)”的规则;现有规则:\(ids)")
            }
            let generator = ProjectGenerator(ruleSet: ruleSet, seed: seed)
            var buffer = ""
            for index in 0..<count {
                buffer += generator.jsonLine(index)
                buffer += "\n"
                if buffer.utf8.count >= 1 << 20 {
                    FileHandle.standardOutput.write(Data(buffer.utf8))
                    buffer = ""
                }
            }
            FileHandle.standardOutput.write(Data(buffer.utf8))
        }
    }
}
