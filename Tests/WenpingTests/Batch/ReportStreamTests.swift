import Foundation
import Testing

@testable import Wenping

/// The batch's `reports.jsonl` stream and reports sharded into subfolders: one line per input in input order,
/// error lines for invalid inputs, and summary files that link the paths the reports were written to.
struct ReportStreamTests {
    static func run(
        _ inputs: [String], output: String, reports: [ReportWriter], jobs: Int = 3,
        sharding: ReportLayout.Sharding = .auto
    ) throws -> BatchSummary {
        let runner = BatchRunner(
            catalog: FixtureTests.catalog,
            options: .init(output: output, reports: reports, jobs: jobs, sharding: sharding))
        return try runner.run(inputs)
    }

    static func rows(_ output: String) throws -> [[String: Any]] {
        try #require(try BatchRunnerTests.summaryJSON(output)["rows"] as? [[String: Any]])
    }

    static func object(_ bytes: some Sequence<UInt8>) throws -> NSDictionary {
        try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? NSDictionary)
    }

    @Test func everyInputHasOneLineInInputOrderAndInvalidOnesAnErrorLine() throws {
        let output = BatchRunnerTests.output()
        defer { try? FileManager.default.removeItem(atPath: output) }
        let summary = try Self.run(BatchRunnerTests.batch, output: output, reports: [.json, .jsonLines])
        #expect((summary.total, summary.graded, summary.invalid) == (9, 5, 4))
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: output + "/" + ReportStream.fileName)))
        #expect(bytes.last == 0x0A)
        let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).dropLast()
        let rows = try Self.rows(output)
        #expect(lines.count == 9 && rows.count == 9)
        for (number, (line, row)) in zip(lines, rows).enumerated() {
            let object = try Self.object(line)
            if let error = row["error"] as? [String: Any] {
                #expect(object["schema"] as? String == ReportStream.errorSchema)
                #expect(object["sequence"] as? Int == number + 1)
                #expect(object["file"] as? String == error["file"] as? String)
                #expect(object["line"] as? Int == error["line"] as? Int)
                #expect(object["error"] as? String == error["message"] as? String)
                #expect((object["error"] as? String)?.contains("error") == true)
            } else {
                #expect(object["schema"] as? String == JSONReportRenderer.schema)
                #expect((object["project"] as? [String: Any])?["id"] as? String == row["id"] as? String)
                let path = try #require((row["reports"] as? [String])?.first)
                let file = try Data(contentsOf: URL(fileURLWithPath: output + "/" + path))
                #expect(try Self.object(file) == object, "line \(number + 1) differs from \(path)")
            }
        }
        #expect(rows.filter { $0["error"] is [String: Any] }.count == 4)
    }

    @Test func theStreamIsTheSameWithOneOrManyThreadsAndNeedsNoReportsFolder() throws {
        let one = BatchRunnerTests.output()
        let many = BatchRunnerTests.output()
        defer {
            try? FileManager.default.removeItem(atPath: one)
            try? FileManager.default.removeItem(atPath: many)
        }
        let inputs = [FixtureTests.root + "/Fixtures/projects"] + BatchRunnerTests.batch
        _ = try Self.run(inputs, output: one, reports: [.jsonLines], jobs: 1)
        _ = try Self.run(inputs, output: many, reports: [.jsonLines], jobs: 4)
        let first = try Data(contentsOf: URL(fileURLWithPath: one + "/reports.jsonl"))
        let second = try Data(contentsOf: URL(fileURLWithPath: many + "/reports.jsonl"))
        #expect(first == second)
        #expect(first.filter { $0 == 0x0A }.count == 38)
        #expect(BatchRunnerTests.files(one) == ["index.html", "reports.jsonl", "summary.csv", "summary.json"])
        let formats = try BatchRunnerTests.summaryJSON(one)["formats"] as? [String]
        #expect(formats == ["jsonl"])
    }

    @Test func shardedReportsAreWhereTheSummaryFilesLinkThem() throws {
        let output = BatchRunnerTests.output()
        defer { try? FileManager.default.removeItem(atPath: output) }
        let inputs = [FixtureTests.root + "/Fixtures/projects"]
        let summary = try Self.run(inputs, output: output, reports: [.json, .compactJSON.renamed], sharding: .always)
        #expect(summary.graded == 22)
        let html = try String(contentsOfFile: output + "/index.html", encoding: .utf8)
        let csv = try String(contentsOfFile: output + "/summary.csv", encoding: .utf8)
        var linked = 0
        for row in try Self.rows(output) {
            guard let id = row["id"] as? String, row["error"] is NSNull else { continue }
            let name = AtomicFile.safeName(id)
            let shard = ReportLayout.shard(of: name)
            #expect(shard.count == 2 && shard.allSatisfy(\.isHexDigit))
            let paths = try #require(row["reports"] as? [String])
            #expect(paths == ["reports/\(shard)/\(name).json", "reports/\(shard)/\(name).compact"])
            for path in paths {
                #expect(FileManager.default.fileExists(atPath: output + "/" + path), "\(path) missing")
                #expect(html.contains("href=\"\(path)\""), "index.html does not link \(path)")
                #expect(csv.contains(path), "summary.csv does not name \(path)")
            }
            linked += 1
        }
        #expect(linked == 22)
        let top = try FileManager.default.contentsOfDirectory(atPath: output + "/reports").sorted()
        #expect(top == ReportLayout.shards)
    }

    @Test func autoShardsOnlyAboveTheThreshold() throws {
        let folder = BatchRunnerTests.output()
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let line = Array("{}\n".utf8)
        let small = folder + "/small.jsonl"
        let large = folder + "/large.csv"
        try Data([UInt8]((0..<ReportLayout.shardThreshold).flatMap { _ in line })).write(
            to: URL(fileURLWithPath: small))
        try Data([UInt8]((0...ReportLayout.shardThreshold).flatMap { _ in line }).dropLast())
            .write(to: URL(fileURLWithPath: large))
        let out = folder + "/out"
        #expect(!ReportLayout.isSharded(.auto, inputs: [small], excluding: out))
        #expect(ReportLayout.isSharded(.auto, inputs: [large], excluding: out))
        #expect(
            ReportLayout.isSharded(.auto, inputs: [small, FixtureTests.root + "/Fixtures/projects"], excluding: out))
        #expect(!ReportLayout.isSharded(.auto, inputs: [BatchInputs.standardInput], excluding: out))
        #expect(ReportLayout.isSharded(.always, inputs: [], excluding: out))
        #expect(!ReportLayout.isSharded(.never, inputs: [large], excluding: out))
        #expect(ReportLayout.lineCount(small, upTo: .max) == ReportLayout.shardThreshold)
        #expect(ReportLayout.lineCount(large, upTo: .max) == ReportLayout.shardThreshold + 1)
    }

    @Test func theShardOfANameIsTheStartOfItsSHA256() {
        // printf %s GEN-7 | sha256sum → b078da75…; printf %s XA-2025-001 | sha256sum → 880d5e12…
        #expect(ReportLayout.shard(of: "GEN-7") == "b0")
        #expect(ReportLayout.shard(of: "XA-2025-001") == "88")
        #expect(Set(ReportLayout.shards).count == 256 && ReportLayout.shards.first == "00")
    }
}

extension ReportWriter {
    /// The writer under another extension, to write two formats side by side.
    fileprivate var renamed: ReportWriter {
        ReportWriter(name: "compact", fileExtension: "compact", render: render)
    }
}
