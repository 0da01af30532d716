import ArgumentParser
import Foundation
import Wenping

extension WenpingCommand {
    /// `wenping benchmark`: how fast rules compile and projects evaluate, on one core.
    struct Benchmark: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "性能测试：规则编译耗时、单核每秒评估项目数",
            discussion: """
                用发布版运行：swift run -c release wenping benchmark\
                先把 --rules 下的全部规则编译若干次，报告最短和中位耗时；再按指定规则生成一批项目，\
                在单个线程上反复评估约 --seconds 秒，报告每秒评估项目数（不含读文件和生成报告）。
                """
        )

        @Option(help: RulesLocator.optionHelp)
        var rules: [String] = []

        @Option(help: "用于生成项目的规则 id")
        var ruleset = "national/house-expropriation"

        @Option(help: "生成的不同项目数")
        var projects = 10_000

        @Option(help: "评估阶段持续的秒数")
        var seconds = 3.0

        func run() throws {
            var compileTimes: [Double] = []
            let rules = try RulesLocator.located(rules)
            var catalog = RuleSetCatalog(paths: rules)
            for _ in 0..<20 {
                let start = DispatchTime.now().uptimeNanoseconds
                catalog = RuleSetCatalog(paths: rules)
                compileTimes.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
            }
            compileTimes.sort()
            guard !catalog.hasErrors, let ruleSet = catalog.ruleSet(id: ruleset) else {
                throw ValidationError("规则有错误，或没有 id 为“\(ruleset)”的规则")
            }
            let files = Set(catalog.ruleSets.flatMap(\.files)).count
            print(
                "规则编译（\(files) 个文件，\(catalog.ruleSets.count) 个规则，20 次）：最短 \(format(compileTimes[0])) ms，中位 \(format(compileTimes[10])) ms"
            )

            let generator = ProjectGenerator(ruleSet: ruleSet)
            let loader = ProjectLoader(catalog: catalog, override: ruleset)
            var batch: [Project] = []
            batch.reserveCapacity(projects)
            for index in 0..<projects {
                if let project = loader.load(bytes: Array(generator.jsonLine(index).utf8), file: "gen-\(index)").project
                {
                    batch.append(project)
                }
            }
            guard !batch.isEmpty else { throw ValidationError("生成的项目都无效") }
            var evaluations = 0
            var checksum = 0
            let start = DispatchTime.now().uptimeNanoseconds
            let deadline = start + UInt64(seconds * 1e9)
            var now = start
            while now < deadline {
                for project in batch {
                    checksum &+= Engine.evaluate(project).severityAfter
                }
                evaluations += batch.count
                now = DispatchTime.now().uptimeNanoseconds
            }
            let elapsed = Double(now - start) / 1e9
            let grades = Dictionary(grouping: batch.map { Engine.evaluate($0).gradeAfter }, by: { $0 }).mapValues(
                \.count)
            print("评估（\(ruleset)，\(ruleSet.factorCount) 个因素，\(batch.count) 个不同项目，单线程）：")
            print("  \(evaluations) 次 / \(format(elapsed)) 秒 = \(Int(Double(evaluations) / elapsed)) 个项目/秒")
            print(
                "  措施后等级分布：\(grades.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: "，"))（校验和 \(checksum % 1000)）"
            )
        }

        private func format(_ value: Double) -> String { String(format: "%.2f", value) }
    }
}
