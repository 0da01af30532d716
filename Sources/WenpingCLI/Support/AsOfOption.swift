import ArgumentParser
import Foundation
import Wenping

/// Reads `--as-of`, the date that chooses which version of a dated ruleset grades the projects.
///
/// `today` is the only place any command reads the clock, and only because it was asked to: the date used is
/// printed and every report names it. Without the option each project's own `assessment_date` decides.
enum AsOfOption {
    static let help = ArgumentHelp(
        "按这一天施行的规则版本评估（年-月-日，或 today 表示今天）；不给时按每个项目的评估日期 assessment_date，"
            + "项目没写日期而规则有多个版本时按最新版本并注明",
        valueName: "日期")

    /// Checks `value` while the arguments are validated (a wrong date is a usage error, exit status 64), without
    /// reading the clock for `today`.
    static func validate(_ value: String?) throws {
        if let value, value.trimmingCharacters(in: .whitespaces) != "today" { _ = try resolve(value) }
    }

    /// The date for `value` (nil: each project's own).
    /// - Throws: a usage error (exit status 64) when `value` is neither a date nor `today`.
    static func resolve(_ value: String?) throws -> AsOfDate {
        guard let value = value?.trimmingCharacters(in: .whitespaces) else { return .projectDate }
        if value == "today" {
            let today = AsOfDate(secondsSinceEpoch: Date().timeIntervalSince1970)
            Console.error("按今天（UTC）\(today) 施行的规则版本评估\n")
            return today
        }
        guard let date = AsOfDate(value) else {
            throw ValidationError("--as-of 应是“年-月-日”格式的有效日期（如 2025-06-30）或 today，这里是“\(value)”")
        }
        return date
    }
}
