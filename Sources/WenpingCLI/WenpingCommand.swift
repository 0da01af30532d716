import ArgumentParser
import Foundation
import Wenping

/// The `wenping` executable: a command tree, one subcommand per file in `Commands/`.
@main
struct WenpingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wenping",
        abstract: "社会稳定风险评估（稳评）规则引擎",
        discussion: """
            规则写在 YAML 文件中，由政策部门维护；wenping 检查规则、按规则给项目评级并生成报告。

            规则的查找顺序（用第一个找到的）：
              1. --rules 给出的目录或文件
              2. 环境变量 WENPING_RULES（一个路径，或用 : 隔开的多个）
              3. 当前目录下的 Rules 目录
              4. 安装的规则：<安装前缀>/share/wenping/Rules
            都没有时报错，并说明找过哪些地方。

            退出码（所有子命令通用）：
            \(ExitStatus.helpTable)
            """,
        version: WenpingVersion.current,
        subcommands: [
            Check.self, Assess.self, Batch.self, Benchmark.self, Generate.self, Explain.self, Schema.self,
            RuleTest.self, Diff.self, Survey.self, Serve.self, Ledger.self, Templates.self, Manual.self,
        ]
    )

    /// Runs the command tree with Chinese parser messages (see ``CommandRunner``) and exits with its status.
    static func main() {
        Foundation.exit(CommandRunner.run(Array(CommandLine.arguments.dropFirst())))
    }
}
