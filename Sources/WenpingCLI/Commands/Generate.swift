import ArgumentParser
import Foundation
import Wenping

extension WenpingCommand {
    /// `wenping generate --ruleset ID --count N`: synthetic projects as JSON Lines on standard output.
    struct Generate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "生成测试用的项目（JSON Lines，每行一个），用于批量评估的性能测试",
            discussion: """
                按指定规则的输入项生成 --count 个项目，编号 GEN-0、GEN-1……，写到标准输出。\
                各项目的措施后等级按 --mix 给出的比例分布（默认：低 50%、中 35%、高 15%），\
                事实值分布在各自取值范围的各个档次，相邻项目互不相关。\
                同样的规则、--seed、--mix 和序号总是生成同样的项目（用全部 CPU 核并行生成，输出顺序不变）。例：
                  wenping generate --ruleset national/house-expropriation --count 100000 > big.jsonl
                  wenping generate --ruleset national/house-expropriation --count 1000 --mix 低=20,中=30,高=50
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

        @Option(help: "措施后等级的比例，如 低=50,中=35,高=15（默认即此；不必加起来等于 100）")
        var mix: String?

        /// The `--mix` shares, or `nil` for the default.
        func shares(grades: [String]) throws -> [ProjectGenerator.Share]? {
            guard let mix else { return nil }
            var shares: [ProjectGenerator.Share] = []
            for part in mix.split(separator: ",") {
                let pieces = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                guard pieces.count == 2, let weight = Double(pieces[1]), weight >= 0, weight.isFinite else {
                    throw ValidationError("--mix 的“\(part)”应写成 等级=比例，如 低=50")
                }
                guard grades.contains(pieces[0]) else {
                    throw ValidationError("--mix 中的等级“\(pieces[0])”不存在；可用：\(grades.joined(separator: "、"))")
                }
                shares.append(ProjectGenerator.Share(grade: pieces[0], weight: weight))
            }
            guard shares.contains(where: { $0.weight > 0 }) else { throw ValidationError("--mix 至少要有一个等级的比例大于 0") }
            return shares
        }

        func validate() throws {
            if count < 0 { throw ValidationError("--count 不能是负数") }
        }

        func run() throws {
            let catalog = try RulesLocator.catalog(rules)
            guard let ruleSet = catalog.ruleSet(id: ruleset), !ruleSet.isBase else {
                let ids = catalog.ruleSets.filter { !$0.isBase }.map(\.id).joined(separator: "、")
                throw ValidationError("没有可以评估项目的、id 为“\(ruleset)”的规则；现有规则：\(ids)")
            }
            let generator = ProjectGenerator(ruleSet: ruleSet, seed: seed, mix: try shares(grades: ruleSet.gradeIDs))
            // Every line depends on its index alone: blocks of lines are drawn on all cores and written in order.
            let block = Self.blockSize * max(1, ProcessInfo.processInfo.activeProcessorCount)
            var start = 0
            while start < count {
                let lines = GeneratedBlock(count: min(block, count - start))
                let first = start
                DispatchQueue.concurrentPerform(iterations: lines.count) { offset in
                    lines.set(offset, generator.jsonLine(first + offset))
                }
                FileHandle.standardOutput.write(Data(lines.text.utf8))
                start += lines.count
            }
        }

        /// Lines drawn per core before a block is written (about 0.7 MB for each core).
        static let blockSize = 512
    }
}

/// The lines of one block of `wenping generate`, each set once by the worker that drew it.
private final class GeneratedBlock: @unchecked Sendable {
    let count: Int
    private let lines: UnsafeMutableBufferPointer<String>

    init(count: Int) {
        self.count = count
        lines = .allocate(capacity: count)
        lines.initialize(repeating: "")
    }

    deinit {
        lines.deinitialize()
        lines.deallocate()
    }

    /// Sets line `offset` (each offset by one thread only, so no lock is needed).
    func set(_ offset: Int, _ line: String) {
        lines[offset] = line
    }

    /// The block's lines, each ended by a line feed.
    var text: String {
        var text = ""
        for line in lines {
            text += line
            text += "\n"
        }
        return text
    }
}
