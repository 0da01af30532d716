import Foundation
import Testing

/// Runs the built `wenping batch` (and `generate`) to check outputs, error entries and every exit status.
struct BatchCommandTests {
    /// A fresh output folder path (not created), removed by the caller.
    static func output() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("wenping-batch-\(UUID().uuidString)").path
    }

    static func summary(_ output: String) throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: output + "/summary.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    static func counts(_ output: String) throws -> [String: Int] {
        try #require(try summary(output)["counts"] as? [String: Int])
    }

    /// `file:line` of every error entry in the summary.
    static func errorPlaces(_ output: String) throws -> [String] {
        let rows = try #require(try summary(output)["rows"] as? [[String: Any]])
        return rows.compactMap { $0["error"] as? [String: Any] }.map { error in
            "\(error["file"] as? String ?? ""):\((error["line"] as? Int).map(String.init) ?? "-")"
        }
    }

    static func files(_ folder: String) -> [String] {
        ((FileManager.default.enumerator(atPath: folder)?.allObjects as? [String]) ?? []).sorted()
    }

    @Test func folderInputGradesEveryValidProjectAndListsEveryInvalidOne() throws {
        let output = Self.output()
        defer { try? FileManager.default.removeItem(atPath: output) }
        let run = try CommandLineTests.run(["batch", "Fixtures/projects", "--output", output])
        #expect(run.status == 1)
        #expect(try Self.counts(output) == ["total": 29, "graded": 22, "invalid": 7, "incomplete": 3])
        let places = try Self.errorPlaces(output)
        #expect(places.count == 7)
        #expect(places.contains("Fixtures/projects/invalid/typo-fact.yaml:17"))
        #expect(run.stderr.contains("Fixtures/projects/invalid/typo-fact.yaml:17:3: error[E401]"))
        #expect(run.stderr.contains("共 29 个输入：已评级 22 个"))
        #expect(run.stdout.isEmpty)
        #expect(Self.files(output + "/reports").count == 22)
    }

    @Test func jsonLinesAndCSVErrorsCarryTheirLineAndRow() throws {
        let output = Self.output()
        defer { try? FileManager.default.removeItem(atPath: output) }
        let run = try CommandLineTests.run([
            "batch", "Fixtures/batch/projects.jsonl", "Fixtures/batch/projects.csv", "--output", output, "--quiet",
        ])
        #expect(run.status == 1)
        #expect(try Self.counts(output) == ["total": 9, "graded": 5, "invalid": 4, "incomplete": 0])
        #expect(
            try Self.errorPlaces(output) == [
                "Fixtures/batch/projects.jsonl:4", "Fixtures/batch/projects.jsonl:5", "Fixtures/batch/projects.jsonl:6",
                "Fixtures/batch/projects.csv:4",
            ])
        #expect(run.stderr.contains("Fixtures/batch/projects.jsonl:4:203: error[E402]"))
        #expect(run.stderr.contains("Fixtures/batch/projects.csv:4:5: error[E402]: “被征收户数”列："))
        #expect(!run.stderr.contains("共 9 个输入"))
    }

    @Test func severalFormatsWithACommaOrRepeatedOptions() throws {
        for formats in [["--format", "json,md"], ["--format", "json", "--format", "md"]] {
            let output = Self.output()
            defer { try? FileManager.default.removeItem(atPath: output) }
            let run = try CommandLineTests.run(
                ["batch", "Fixtures/projects/house-expropriation/xa-road-low.yaml", "--output", output] + formats)
            #expect(run.status == 0)
            #expect(
                Self.files(output) == [
                    "index.html", "reports", "reports/XA-2025-002.json", "reports/XA-2025-002.md", "summary.csv",
                    "summary.json",
                ])
        }
    }

    @Test func htmlReportsWhenTheFormatExists() throws {
        let output = Self.output()
        defer { try? FileManager.default.removeItem(atPath: output) }
        let run = try CommandLineTests.run([
            "batch", "Fixtures/projects/house-expropriation/xa-road-low.yaml", "--output", output, "--format", "html",
        ])
        #expect(run.status == 0)
        #expect(Self.files(output + "/reports") == ["XA-2025-002.html"])
        let index = try String(contentsOfFile: output + "/index.html", encoding: .utf8)
        #expect(index.contains("<a href=\"reports/XA-2025-002.html\">html</a>"))
    }

    @Test func unknownFormatIsAUsageError() throws {
        let run = try CommandLineTests.run(["batch", "Fixtures/projects", "--output", Self.output(), "--format", "odt"])
        #expect(run.status == 64)
        #expect(run.stderr.contains("不认识的报告格式“odt”"))
    }

    @Test func allValidExitsZero() throws {
        let output = Self.output()
        defer { try? FileManager.default.removeItem(atPath: output) }
        let run = try CommandLineTests.run([
            "batch", "Fixtures/projects/house-expropriation/xa-road-low.yaml",
            "Fixtures/projects/house-expropriation/cd-school-low.yaml", "--output", output, "--fail-on", "中",
        ])
        #expect(run.status == 0)
        #expect(try Self.counts(output) == ["total": 2, "graded": 2, "invalid": 0, "incomplete": 0])
    }

    @Test func requireCompleteExitsThreeWhenFactsAreMissing() throws {
        let output = Self.output()
        defer { try? FileManager.default.removeItem(atPath: output) }
        let missing = "Fixtures/projects/house-expropriation/xa-missing-opposition.yaml"
        let complete = "Fixtures/projects/house-expropriation/xa-road-low.yaml"
        let strict = try CommandLineTests.run(["batch", missing, complete, "--output", output, "--require-complete"])
        #expect(strict.status == 3)
        #expect(strict.stderr.contains("数据不完整 1 个"))
        let csv = try String(contentsOfFile: output + "/summary.csv", encoding: .utf8)
        #expect(csv.contains("不完整：缺少“入户调查反对率”"))
        let lenient = try CommandLineTests.run(["batch", missing, complete, "--output", output])
        #expect(lenient.status == 0)
        let single = try CommandLineTests.run(["assess", missing, "--require-complete"])
        #expect(single.status == 3)
        #expect(single.stderr.contains("warning: 数据不完整：缺少“入户调查反对率”"))
        #expect(single.stdout.contains("> **数据不完整："))
        #expect(try CommandLineTests.run(["assess", complete, "--require-complete"]).status == 0)
    }

    @Test func failOnReachedExitsThreeButInvalidInputsComeFirst() throws {
        let output = Self.output()
        defer { try? FileManager.default.removeItem(atPath: output) }
        let high = "Fixtures/projects/house-expropriation/xa-old-town-high.yaml"
        let reached = try CommandLineTests.run(["batch", high, "--output", output, "--fail-on", "高"])
        #expect(reached.status == 3)
        let both = try CommandLineTests.run([
            "batch", high, "Fixtures/projects/invalid/wrong-type.yaml", "--output", output, "--fail-on", "高",
        ])
        #expect(both.status == 1)
    }

    @Test func brokenRulesExitTwoWithDiagnosticsAndWriteNothing() throws {
        let output = Self.output()
        defer { try? FileManager.default.removeItem(atPath: output) }
        let run = try CommandLineTests.run([
            "batch", "Fixtures/projects", "--rules", "Fixtures/cases/structure/E209-unknown-level", "--output", output,
        ])
        #expect(run.status == 2)
        #expect(run.stderr.contains("error["))
        #expect(!FileManager.default.fileExists(atPath: output))
    }

    @Test func aDuplicateIdIsAnErrorEntryNotAnOverwrite() throws {
        let output = Self.output()
        defer { try? FileManager.default.removeItem(atPath: output) }
        let road = "Fixtures/projects/house-expropriation/xa-road-low.yaml"
        let run = try CommandLineTests.run(["batch", road, road, "--output", output])
        #expect(run.status == 1)
        #expect(try Self.errorPlaces(output) == ["\(road):-"])
        #expect(run.stderr.contains("\(road): error: 项目编号“XA-2025-002”与第 1 项重复"))
    }

    @Test func outputsLeaveNoTemporaryFiles() throws {
        let output = Self.output()
        defer { try? FileManager.default.removeItem(atPath: output) }
        for _ in 0..<2 {
            _ = try CommandLineTests.run([
                "batch", "Fixtures/batch/projects.jsonl", "Fixtures/batch/projects.csv", "--output", output, "--format",
                "json,md",
            ])
        }
        let hidden = Self.files(output).filter { $0.split(separator: "/").last?.hasPrefix(".") == true }
        #expect(hidden.isEmpty)
        #expect(Self.files(output + "/reports").count == 10)
    }

    @Test func ctrlCStopsTheBatchWritesTheSummaryAndExits130() throws {
        let folder = Self.output()
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // Enough trivial (invalid) lines that the batch cannot finish before the signal arrives.
        let lines = String(repeating: "{}\n", count: 2_000_000)
        try lines.write(toFile: folder + "/many.jsonl", atomically: false, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLineTests.executable)
        process.arguments = [
            "batch", folder + "/many.jsonl", "--output", folder + "/out", "--summary-only", "--jobs", "2",
        ]
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        // The output folder is created after the handler is installed: wait for it, then interrupt.
        let deadline = Date().addingTimeInterval(30)
        while !FileManager.default.fileExists(atPath: folder + "/out"), Date() < deadline { usleep(10_000) }
        kill(process.processIdentifier, SIGINT)
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 130)
        #expect(stderr.contains("已中断：完成 "))
        let summary = try Self.summary(folder + "/out")
        #expect(summary["interrupted"] as? Bool == true)
        let counts = try #require(summary["counts"] as? [String: Int])
        #expect(counts["graded"]! + counts["invalid"]! == counts["total"]!)
        #expect(counts["total"]! < 2_000_000)
        #expect(Self.files(folder + "/out").filter { $0.hasPrefix(".") }.isEmpty)
    }

    @Test func generateWritesDeterministicJSONLines() throws {
        let arguments = ["generate", "--ruleset", "national/house-expropriation", "--count", "3", "--seed", "7"]
        let first = try CommandLineTests.run(arguments)
        let second = try CommandLineTests.run(arguments)
        #expect(first.status == 0)
        #expect(first.stdout == second.stdout)
        let lines = first.stdout.split(separator: "\n")
        #expect(lines.count == 3)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(lines[2].utf8)) as? [String: Any])
        #expect(object["id"] as? String == "GEN-2")
    }
}
