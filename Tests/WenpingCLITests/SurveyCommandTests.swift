import Foundation
import Testing

/// `wenping survey` run as a process: where the output goes and the exit status.
struct SurveyCommandTests {
    static let spec = "Fixtures/survey/spec.yaml"

    @Test func writesTheSurveyBlockAndExitsOneForInvalidRows() throws {
        let run = try CommandLineTests.run(["survey", "Fixtures/survey/responses.csv", "--spec", Self.spec])
        #expect(run.status == 1)
        #expect(run.stdout.contains("\nsurvey:\n"))
        #expect(run.stdout.contains("opposition_rate: { label: \"入户调查反对率\", kind: \"rate\", count: 169, n: 1209"))
        #expect(run.stderr.contains("responses.csv:19:1: warning[W540]: 第 19 行“对本次征收的态度”列的“反队”"))
        #expect(run.stderr.contains("……另有 7 行无效"))
        #expect(run.stderr.hasSuffix("有效问卷 1209 份，无效 27 份，空行 2 行\n"))
    }

    @Test func writesFilesWholeWithTheSummary() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("survey-\(getpid())").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let run = try CommandLineTests.run([
            "survey", "Fixtures/survey/responses.csv", "--spec", Self.spec, "--format", "json", "--output",
            folder + "/survey.json", "--summary", folder + "/summary.md",
        ])
        #expect(run.status == 1)
        #expect(run.stdout.isEmpty)
        let json = try Data(contentsOf: URL(fileURLWithPath: folder + "/survey.json"))
        let object = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
        #expect((object["survey"] as? [String: Any])?["valid"] as? Int == 1209)
        let summary = try String(contentsOfFile: folder + "/summary.md", encoding: .utf8)
        #expect(summary.contains("| 235 | — | — | 这一行有 8 格，比表头的 7 列多"))
    }

    @Test func aGBKFileExitsOneWithHowToResave() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("gbk-\(getpid()).csv").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        // 问卷编号,态度 in GBK.
        try Data([0xCE, 0xCA, 0xBE, 0xED, 0xB1, 0xE0, 0xBA, 0xC5, 0x2C, 0xCC, 0xAC, 0xB6, 0xC8, 0x0A]).write(
            to: URL(fileURLWithPath: path))
        let run = try CommandLineTests.run(["survey", path, "--spec", Self.spec])
        #expect(run.status == 1)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("error[E461]"))
        #expect(run.stderr.contains("CSV UTF-8(逗号分隔)"))
    }

    @Test func aBrokenSpecExitsTwo() throws {
        let run = try CommandLineTests.run([
            "survey", "Fixtures/survey/responses.csv", "--spec", "Fixtures/survey/rules/base.yaml",
        ])
        #expect(run.status == 2)
        #expect(run.stderr.contains("base.yaml:2:9: error[E460]: 调查说明文件的 format 应是“wenping-survey/1”"))
    }

    @Test func anUnwritableOutputExitsFour() throws {
        let run = try CommandLineTests.run([
            "survey", "Fixtures/survey/responses.csv", "--spec", Self.spec, "--output", "/nonexistent/x.yaml",
        ])
        #expect(run.status == 4)
        #expect(run.stderr.contains("无法写入“/nonexistent/x.yaml”"))
    }
}
