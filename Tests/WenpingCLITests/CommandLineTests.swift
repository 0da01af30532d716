import Foundation
import Testing

/// Runs the built `wenping` executable to check exit statuses and which output goes to stdout and stderr.
struct CommandLineTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    /// The `wenping` binary next to the test bundle (both live in the build products folder).
    static let executable: String = {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        if folder.lastPathComponent.hasSuffix(".xctest") { folder.deleteLastPathComponent() }
        for candidate in [folder.path + "/wenping", root + "/.build/debug/wenping"]
        where FileManager.default.isExecutableFile(atPath: candidate) {
            return candidate
        }
        return folder.path + "/wenping"
    }()

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `wenping` with `arguments` in `folder` (the checkout by default), with `environment` changes
    /// (a nil value removes the variable) and `input` on standard input.
    static func run(
        _ arguments: [String], in folder: String = root, environment: [String: String?] = [:], input: String? = nil
    ) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        var variables = ProcessInfo.processInfo.environment
        variables["WENPING_RULES"] = nil
        for (name, value) in environment { variables[name] = value }
        process.environment = variables
        if let input {
            let pipe = Pipe()
            process.standardInput = pipe
            let data = Data(input.utf8)
            DispatchQueue.global().async {
                pipe.fileHandleForWriting.write(data)
                try? pipe.fileHandleForWriting.close()
            }
        } else {
            process.standardInput = FileHandle.nullDevice
        }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// Runs `command` with `/bin/sh` in the checkout.
    static func runShell(_ command: String) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        process.currentDirectoryURL = URL(fileURLWithPath: root)
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: "")
    }

    @Test func checkOfTheBundledRulesIsCleanAndExitsZero() throws {
        let run = try Self.run(["check"])
        #expect(run.status == 0)
        #expect(run.stdout.hasSuffix("个规则文件：0 个错误，0 个警告\n"))
    }

    @Test func checkReportsErrorsWithCaretAndExitsTwo() throws {
        let run = try Self.run(["check", "Fixtures/cases/structure/E202-unknown-field/rules.yaml"])
        #expect(run.status == 2)
        #expect(run.stdout.contains("rules.yaml:14:5: error[E202]: 风险因素“compensation”中没有“wieght”这个字段。是否想写“weight”？"))
        #expect(run.stdout.contains("  14 |     wieght: 1\n     |     ^~~~~~\n"))
    }

    @Test func checkJSONIsMachineReadable() throws {
        let run = try Self.run(["check", "Rules", "--format", "json"])
        #expect(run.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(object["errorCount"] as? Int == 0)
        #expect((object["files"] as? [String])?.contains("Rules/base.yaml") == true)
    }

    @Test func assessPrintsTheMarkdownReportToStdout() throws {
        let run = try Self.run(["assess", "Fixtures/projects/house-expropriation/xa-road-low.yaml"])
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("# "))
        #expect(run.stdout.contains("## 三、评估结论"))
        #expect(run.stderr.isEmpty)
    }

    @Test func assessInvalidProjectExitsOneWithPositionOnStderr() throws {
        let run = try Self.run(["assess", "Fixtures/projects/invalid/typo-fact.yaml"])
        #expect(run.status == 1)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("Fixtures/projects/invalid/typo-fact.yaml:17:3: error[E401]:"))
    }

    @Test func failOnReachedExitsThree() throws {
        let run = try Self.run([
            "assess", "Fixtures/projects/house-expropriation/xa-old-town-high.yaml", "--format", "json", "--fail-on",
            "中",
        ])
        #expect(run.status == 3)
        #expect(run.stdout.contains("\"grade_after\": \"高\""))
    }

    @Test func assessWritesOneFilePerProjectAndKeepsGoingPastBadOnes() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("wenping-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: output) }
        let run = try Self.run([
            "assess", "Fixtures/projects/invalid/wrong-type.yaml",
            "Fixtures/projects/house-expropriation/xa-road-low.yaml",
            "--output", output, "--format", "json",
        ])
        #expect(run.status == 1)
        let files = try FileManager.default.contentsOfDirectory(atPath: output)
        #expect(files == ["XA-2025-002.json"])
        #expect(run.stderr.contains("error[E402]"))
    }

    @Test func brokenRulesStopAssessmentWithExitTwo() throws {
        let run = try Self.run([
            "assess", "--rules", "Fixtures/cases/structure/E209-unknown-level",
            "Fixtures/projects/house-expropriation/xa-road-low.yaml",
        ])
        #expect(run.status == 2)
        #expect(run.stderr.contains("error["))
        #expect(run.stderr.contains("改正后可用 wenping check Fixtures/cases/structure/E209-unknown-level 复查"))
    }
}
