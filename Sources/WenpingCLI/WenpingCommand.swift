import ArgumentParser

/// The `wenping` executable: a command tree, one subcommand per file in `Commands/`.
@main
struct WenpingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wenping",
        abstract: "社会稳定风险评估(稳评)规则引擎",
        discussion: """
            规则写在 YAML 文件中(默认目录 Rules/),由政策部门维护;wenping 检查规则、按规则给项目评级并生成报告。

            退出码(所有子命令通用):
              0  成功,没有错误
              1  有输入(项目文件)无效
              2  规则文件有错误
              3  达到 --fail-on 指定的风险等级
              64 命令行用法错误
            """,
        subcommands: [
            Check.self, Assess.self, Batch.self, Benchmark.self, Generate.self, Explain.self, Schema.self,
            RuleTest.self, Diff.self,
        ]
    )
}

extension ExitCode {
    /// Some inputs (project files) are invalid; the others were processed.
    static let inputsInvalid = ExitCode(1)
    /// Rule files have errors.
    static let rulesInvalid = ExitCode(2)
    /// A project reached the `--fail-on` grade after measures.
    static let thresholdReached = ExitCode(3)
}
