import Foundation
import Testing

/// `--as-of`, `--ruleset ID@VERSION` and `diff ID@VERSION` run as a process on `Fixtures/dated`.
struct VersionCommandTests {
    static let rules = "Fixtures/dated/rules"
    static let project = "Fixtures/dated/projects/lanting.yaml"

    @Test func assessUsesTheVersionInForceOnTheProjectsDate() throws {
        let run = try CommandLineTests.run(["assess", Self.project, "--rules", Self.rules])
        #expect(run.status == 0)
        #expect(run.stdout.contains("版本 2023.1，2023-01-01 起施行，2025-01-01 起停止施行）；按评估日期 2024-09-30 施行的版本评估"))
        #expect(run.stderr.isEmpty)
    }

    @Test func asOfRegradesUnderAnotherVersion() throws {
        let run = try CommandLineTests.run(["assess", Self.project, "--rules", Self.rules, "--as-of", "2025-06-30"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("版本 2025.1，2025-01-01 起施行）；按指定日期 2025-06-30 施行的版本评估"))
        let today = try CommandLineTests.run(["assess", Self.project, "--rules", Self.rules, "--as-of", "today"])
        #expect(today.status == 0)
        #expect(today.stderr.hasPrefix("按今天（UTC）"))
    }

    @Test func aDateWithNoVersionExitsOneAndAnInvalidDateIsAUsageError() throws {
        let none = try CommandLineTests.run(["assess", Self.project, "--rules", Self.rules, "--as-of", "2020-01-01"])
        #expect(none.status == 1)
        #expect(
            none.stderr.contains("lanting.yaml:5:7: error[E251]: 规则“demo/opposition”在指定日期（--as-of） 2020-01-01 没有施行中的版本")
        )
        let invalid = try CommandLineTests.run(["assess", Self.project, "--rules", Self.rules, "--as-of", "2025-02-30"])
        #expect(invalid.status == 64)
        #expect(invalid.stderr.contains("--as-of 应是“年-月-日”格式的有效日期"))
    }

    @Test func aNamedVersionOutsideItsPeriodWarnsAndGrades() throws {
        let run = try CommandLineTests.run([
            "assess", Self.project, "--rules", Self.rules, "--ruleset", "demo/opposition@2025.1",
        ])
        #expect(run.status == 0)
        #expect(run.stderr.contains("warning[W546]"))
        #expect(run.stdout.contains("按指定的版本评估（该版本在 2024-09-30 不在施行期内；该规则共有 2 个版本）"))
    }

    @Test func batchTakesAsOfForEveryProject() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("dated-\(getpid())").path
        defer { try? FileManager.default.removeItem(atPath: output) }
        let run = try CommandLineTests.run([
            "batch", "Fixtures/dated/projects", "--rules", Self.rules, "--as-of", "2025-06-30", "--output", output,
            "--format", "json",
        ])
        #expect(run.status == 0)
        let report = try String(contentsOfFile: output + "/reports/DEMO-LT-01.json", encoding: .utf8)
        #expect(report.contains("\"version\": \"2025.1\""))
        #expect(report.contains("\"basis\": \"as_of\""))
    }

    @Test func checkAndDiffWorkAcrossVersions() throws {
        let check = try CommandLineTests.run(["check", Self.rules])
        #expect(check.status == 0)
        let diff = try CommandLineTests.run([
            "diff", "demo/opposition@2023.1", "demo/opposition@2025.1", "--rules", Self.rules, "--projects",
            "Fixtures/dated/projects",
        ])
        #expect(diff.status == 0)
        #expect(diff.stdout.contains("DEMO-LT-01"))
    }
}
