import Foundation
import Testing
import Wenping

@testable import WenpingCLI

/// `-` reads standard input; inputs of the wrong kind get one line saying what they look like; progress text.
struct StandardInputTests {
    static let project = "Fixtures/projects/house-expropriation/xa-road-low.yaml"

    static func text(_ path: String) throws -> String {
        try String(contentsOfFile: CommandLineTests.root + "/" + path, encoding: .utf8)
    }

    @Test func assessReadsOneProjectFromStandardInputAsYAMLOrJSON() throws {
        let yaml = try CommandLineTests.run(["assess", "-", "--format", "json"], input: try Self.text(Self.project))
        #expect(yaml.status == 0)
        #expect(yaml.stdout.contains("\"grade_after\": \"低\""))
        let fromFile = try CommandLineTests.run(["assess", Self.project, "--format", "json"])
        #expect(yaml.stdout == fromFile.stdout)
        let jsonLine = try Self.text("Fixtures/batch/projects.jsonl").split(separator: "\n")[0]
        let json = try CommandLineTests.run(["assess", "-"], input: String(jsonLine))
        #expect(json.status == 0)
        #expect(json.stdout.hasPrefix("# "))
    }

    @Test func assessNamesStandardInputInErrors() throws {
        let run = try CommandLineTests.run(["assess", "-"], input: "id: X\nname: 缺事实\nkind: house_expropriation\n")
        #expect(run.status == 1)
        #expect(run.stderr.contains("标准输入:"))
    }

    @Test func batchReadsJSONLinesFromStandardInput() throws {
        let output = BatchCommandTests.output()
        defer { try? FileManager.default.removeItem(atPath: output) }
        let run = try CommandLineTests.run(
            ["batch", "-", "--output", output, "--quiet"], input: try Self.text("Fixtures/batch/projects.jsonl"))
        #expect(run.status == 1)
        let counts = try BatchCommandTests.counts(output)
        #expect([counts["total"], counts["graded"], counts["invalid"]] == [5, 2, 3])
        #expect(try BatchCommandTests.errorPlaces(output).first == "标准输入:4")
    }

    @Test func assessOfAJSONLinesFileSuggestsBatch() throws {
        let run = try CommandLineTests.run(["assess", "Fixtures/batch/projects.jsonl"])
        #expect(run.status == 1)
        #expect(
            run.stderr
                == "Fixtures/batch/projects.jsonl:1:1: error[E441]: 这是 JSON Lines 文件（每行一个项目），一次评估多个项目请用 "
                + "wenping batch Fixtures/batch/projects.jsonl --output 输出目录\n")
    }

    @Test func assessOfARuleFileSaysSoInOneLine() throws {
        let run = try CommandLineTests.run(["assess", "Rules/house-expropriation.yaml"])
        #expect(run.status == 1)
        #expect(run.stderr.split(separator: "\n").count == 1)
        #expect(run.stderr.contains("error[E442]: 这看起来是规则文件，不是项目文件"))
    }

    @Test func checkOfAProjectSaysSoInOneLine() throws {
        let run = try CommandLineTests.run(["check", Self.project])
        #expect(run.status == 2)
        #expect(run.stdout.components(separatedBy: "error[").count == 2)
        #expect(run.stdout.contains("error[E443]: 这看起来是项目文件，不是规则文件；评估项目请用 wenping assess"))
    }

    @Test func aFullStandardOutputIsAnOutputFailure() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLineTests.executable)
        process.arguments = ["assess", Self.project]
        process.currentDirectoryURL = URL(fileURLWithPath: CommandLineTests.root)
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: "/dev/full"))
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 4)
        #expect(stderr == "wenping: error[E620]: 无法写出到标准输出（磁盘已满）\n")
    }

    @Test func progressEstimatesTheTotalFromTheShareOfBytesRead() {
        let progress = BatchProgress(done: 250, invalid: 2, total: nil, fractionRead: 0.25)
        #expect(ProgressLine.text(progress, seconds: 10) == "已完成 250/约 1000（25%） · 每秒 25 个 · 无效 2 · 剩余约 0:30")
        let unknown = BatchProgress(done: 250, invalid: 0, total: nil)
        #expect(ProgressLine.text(unknown, seconds: 10) == "已完成 250 · 每秒 25 个 · 无效 0")
    }

    @Test func explainJSONCarriesTheGradesChangesAndText() throws {
        let run = try CommandLineTests.run([
            "explain", "Fixtures/projects/house-expropriation/xa-affordable-medium.yaml", "--format", "json",
        ])
        #expect(run.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(object["schema"] as? String == "wenping/explanation/1")
        #expect(object["engine"] as? String == "wenping " + WenpingVersion.current)
        #expect(object["grade_after"] as? String == "低")
        let changes = try #require(object["fact_changes"] as? [[String: Any]])
        #expect(!changes.isEmpty)
        #expect(changes.allSatisfy { ["lowers", "raises", "keeps"].contains($0["grade_after_change"] as? String) })
        let markdown = try CommandLineTests.run([
            "explain", "Fixtures/projects/house-expropriation/xa-affordable-medium.yaml",
        ])
        #expect(object["text"] as? String == markdown.stdout)
    }

    @Test func ruleTestsAsJUnitAndJSON() throws {
        // As many cases as the text output's last line counts: `N passed, 0 failed`.
        let text = try CommandLineTests.run(["test"])
        let passed = try #require(Int(text.stdout.split(separator: "\n").last?.split(separator: " ").first ?? ""))
        #expect(passed > 40)
        let junit = try CommandLineTests.run(["test", "--format", "junit"])
        #expect(junit.status == 0)
        #expect(junit.stdout.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"wenping test\""))
        #expect(junit.stdout.components(separatedBy: "<testcase ").count - 1 == passed)
        #expect(!junit.stdout.contains("<failure"))
        let failing = try CommandLineTests.run([
            "test", "--rules", "Rules", "Fixtures/rule-tests/wrong-expectation.test.yaml", "--format", "junit",
        ])
        #expect(failing.status == 1)
        #expect(failing.stdout.contains("<failure message=\"措施后等级 期望 中，实际 高\">"))
        let json = try CommandLineTests.run(["test", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["passed"] as? Int == passed)
        #expect(object["failed"] as? Int == 0)
        #expect((object["cases"] as? [Any])?.count == passed)
    }

    @Test func inputsAsChineseUsersTypeThem() throws {
        let plain = """
            id: T-1
            name: 按中文习惯填写的项目
            kind: house_expropriation
            jurisdiction: 中国/陕西省/西安市
            facts:
              purpose: 旧城区改建
              plan_conformity: true
              funds_in_place: true
              households: 1200
              opposition_rate: 35%

            """
        let typed = plain.replacingOccurrences(of: "kind: house_expropriation", with: "kind: 房屋征收")
            .replacingOccurrences(of: "households: 1200", with: "households: 1,200")
            .replacingOccurrences(of: "opposition_rate: 35%", with: "opposition_rate: ３５％")
        let expected = try CommandLineTests.run(["assess", "-", "--format", "json"], input: plain)
        let run = try CommandLineTests.run(["assess", "-", "--format", "json"], input: typed)
        #expect(expected.status == 0)
        #expect(run.status == 0, "\(run.stderr)")
        let grade = { (text: String) in text.split(separator: "\n").first { $0.contains("\"grade_after\"") } }
        #expect(grade(run.stdout) != nil && grade(run.stdout) == grade(expected.stdout))
    }
}
