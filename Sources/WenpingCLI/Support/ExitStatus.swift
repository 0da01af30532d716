import ArgumentParser

/// The exit statuses of every `wenping` command: the one table that `--help` and the README show.
///
/// When several apply, the first in ``precedence`` wins (an output failure hides everything else).
enum ExitStatus: Int32, CaseIterable {
    case success = 0
    case inputsInvalid = 1
    case rulesInvalid = 2
    case gateReached = 3
    case outputFailed = 4
    case usage = 64
    case interrupted = 130
    case terminated = 143

    /// What the status means, in the words `--help` and the README use.
    var meaning: String {
        switch self {
        case .success: "成功：规则无误，每个输入都已处理（且未达到 --fail-on 等门槛）"
        case .inputsInvalid: "有输入无效、有规则测试不通过，或没有找到任何项目（其余输入照常处理）"
        case .rulesInvalid: "规则文件有错误或找不到规则（未评级任何项目）"
        case .gateReached: "达到质量门槛：--fail-on 的等级（措施后）或 --require-complete 时缺少事实"
        case .outputFailed: "输出或读写失败：无法写出报告、汇总或输出目录"
        case .usage: "命令行用法错误，或 --templates 给的报告模板有错误（未评级任何项目）"
        case .interrupted: "被 Ctrl-C（SIGINT）中断：已写出完成部分的汇总，标明“已中断”"
        case .terminated: "被 SIGTERM 终止：同上"
        }
    }

    /// Which status wins when several apply: 4, then 2, then 1, then 3.
    static let precedence: [ExitStatus] = [.outputFailed, .rulesInvalid, .inputsInvalid, .gateReached]

    /// The table as the root command's `--help` shows it.
    static var helpTable: String {
        allCases.map { status in
            let code = String(status.rawValue)
            return "  " + code + String(repeating: " ", count: 5 - code.count) + status.meaning
        }.joined(separator: "\n") + "\n同时满足多条时，按 4、2、1、3 的顺序取第一个。"
    }

    /// The table as the README shows it (a Markdown table, one row per status).
    static var markdownTable: String {
        "| status | meaning |\n|---|---|\n"
            + allCases.map { "| \($0.rawValue) | \($0.meaning) |" }.joined(separator: "\n") + "\n"
    }

    var exitCode: ExitCode { ExitCode(rawValue) }
}

extension ExitCode {
    /// Some inputs are invalid (the others were processed), or no project was found.
    static let inputsInvalid = ExitStatus.inputsInvalid.exitCode
    /// Rule files have errors, or no rules were found.
    static let rulesInvalid = ExitStatus.rulesInvalid.exitCode
    /// A quality gate was reached (`--fail-on`, `--require-complete`).
    static let thresholdReached = ExitStatus.gateReached.exitCode
    /// A report, summary or output folder could not be written.
    static let outputFailed = ExitStatus.outputFailed.exitCode
}
