import Foundation
import Testing

/// `wenping batch --compact`, `--format jsonl` and `--shard`: what they write and their exit statuses.
struct BatchReportOptionsTests {
    static let inputs = ["Fixtures/batch/projects.jsonl", "Fixtures/batch/projects.csv"]

    static func object(_ bytes: some Sequence<UInt8>) throws -> NSDictionary {
        try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? NSDictionary)
    }

    /// `--jobs` above ``BatchRunner/maximumJobs`` is refused before anything runs, saying the limit.
    @Test func tooManyJobsAreRefusedWithTheLimit() throws {
        let output = BatchCommandTests.output()
        defer { try? FileManager.default.removeItem(atPath: output) }
        let run = try CommandLineTests.run(["batch"] + Self.inputs + ["--output", output, "--jobs", "200000"])
        #expect(run.status == 64)
        #expect(run.stderr.contains("--jobs 最多是 256"))
        #expect(!FileManager.default.fileExists(atPath: output))
    }

    @Test func jsonLinesStreamHasALinePerInputAndExitsOneForTheInvalidOnes() throws {
        let output = BatchCommandTests.output()
        defer { try? FileManager.default.removeItem(atPath: output) }
        let run = try CommandLineTests.run(
            ["batch"] + Self.inputs + ["--output", output, "--format", "jsonl", "--quiet"])
        #expect(run.status == 1)
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: output + "/reports.jsonl")))
        let lines = try bytes.split(separator: 0x0A).map(Self.object)
        #expect(lines.count == 9)
        let schemas = lines.map { $0["schema"] as? String ?? "" }
        #expect(schemas.filter { $0 == "wenping/batch-error/1" }.count == 4)
        #expect(schemas.filter { $0 == "wenping/assessment/2" }.count == 5)
        let errors = lines.filter { $0["schema"] as? String == "wenping/batch-error/1" }
        let places = try BatchCommandTests.errorPlaces(output)
        #expect(errors.map { "\($0["file"] ?? ""):\($0["line"] ?? "")" } == places)
        #expect(
            (errors.first?["error"] as? String)?.contains("Fixtures/batch/projects.jsonl:4:203: error[E402]") == true)
        #expect(!FileManager.default.fileExists(atPath: output + "/reports"))
    }

    @Test func compactReportsAreOneLineWithTheSameValue() throws {
        let pretty = BatchCommandTests.output()
        let compact = BatchCommandTests.output()
        defer {
            try? FileManager.default.removeItem(atPath: pretty)
            try? FileManager.default.removeItem(atPath: compact)
        }
        let first = try CommandLineTests.run(["batch", "Fixtures/projects/house-expropriation", "--output", pretty])
        let second = try CommandLineTests.run([
            "batch", "Fixtures/projects/house-expropriation", "--output", compact, "--compact", "--quiet",
        ])
        #expect(first.status == second.status)
        let names = BatchCommandTests.files(pretty + "/reports")
        #expect(!names.isEmpty && names == BatchCommandTests.files(compact + "/reports"))
        for name in names {
            let long = try Data(contentsOf: URL(fileURLWithPath: pretty + "/reports/" + name))
            let short = try Data(contentsOf: URL(fileURLWithPath: compact + "/reports/" + name))
            #expect(short.filter { $0 == 0x0A }.count == 1)
            #expect(short.count < long.count)
            #expect(try Self.object(short) == Self.object(long), "\(name)")
        }
    }

    @Test func shardedReportsAreLinkedFromTheSummaryAndTheIndex() throws {
        let output = BatchCommandTests.output()
        defer { try? FileManager.default.removeItem(atPath: output) }
        let run = try CommandLineTests.run(
            ["batch"] + Self.inputs + ["--output", output, "--shard", "always", "--quiet"])
        #expect(run.status == 1)
        let rows = try #require(try BatchCommandTests.summary(output)["rows"] as? [[String: Any]])
        let paths = rows.flatMap { $0["reports"] as? [String] ?? [] }
        #expect(paths.count == 5)
        let html = try String(contentsOfFile: output + "/index.html", encoding: .utf8)
        for path in paths {
            #expect(path.split(separator: "/").count == 3 && path.hasPrefix("reports/"))
            #expect(FileManager.default.fileExists(atPath: output + "/" + path))
            #expect(html.contains("href=\"\(path)\""))
        }
        // A small batch keeps every report in reports/ itself.
        let flat = BatchCommandTests.output()
        defer { try? FileManager.default.removeItem(atPath: flat) }
        _ = try CommandLineTests.run(["batch"] + Self.inputs + ["--output", flat, "--quiet"])
        #expect(BatchCommandTests.files(flat + "/reports").allSatisfy { $0.hasSuffix(".json") && !$0.contains("/") })
    }

    @Test(arguments: [
        (["--format", "md", "--compact"], "--compact 只用于 json 报告"),
        (["--summary-only", "--compact"], "--compact 只用于 json 报告"),
        (["--summary-only", "--shard", "always"], "不能同时给 --shard"),
        (["--shard", "sometimes"], "sometimes"),
        (["--format", "xml"], "可用：json、md、html、docx、pdf、jsonl"),
    ])
    func misusedOptionsAreUsageErrors(_ arguments: [String], _ message: String) throws {
        let output = BatchCommandTests.output()
        defer { try? FileManager.default.removeItem(atPath: output) }
        let run = try CommandLineTests.run(["batch", "Fixtures/batch/projects.jsonl", "--output", output] + arguments)
        #expect(run.status == 64)
        #expect(run.stderr.contains(message), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: output))
    }
}
