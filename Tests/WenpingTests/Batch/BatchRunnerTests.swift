import Foundation
import Testing

@testable import Wenping

/// Running whole batches: every input accounted for, rows in input order whatever the threads do, collisions,
/// atomic files, re-runs and interruption.
struct BatchRunnerTests {
    static let root = FixtureTests.root
    static let batch = [root + "/Fixtures/batch/projects.jsonl", root + "/Fixtures/batch/projects.csv"]

    static func output() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("batch-out-\(UUID().uuidString)").path
    }

    static func run(
        _ inputs: [String], output: String, formats: [ReportFormat] = [.json], jobs: Int = 3,
        cancellation: BatchCancellation = BatchCancellation(), progress: (BatchProgress) -> Void = { _ in }
    ) throws -> BatchSummary {
        let runner = BatchRunner(
            catalog: FixtureTests.catalog, options: .init(output: output, formats: formats, jobs: jobs, failOn: "中"))
        return try runner.run(inputs, cancellation: cancellation, progress: progress)
    }

    static func summaryJSON(_ output: String) throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: output + "/summary.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// Every file name under `folder`, recursively.
    static func files(_ folder: String) -> [String] {
        ((FileManager.default.enumerator(atPath: folder)?.allObjects as? [String]) ?? []).sorted()
    }

    @Test func everyInputIsAccountedForWithItsPosition() throws {
        let output = Self.output()
        defer { try? FileManager.default.removeItem(atPath: output) }
        let summary = try Self.run(Self.batch, output: output)
        #expect((summary.total, summary.graded, summary.invalid) == (9, 5, 4))
        let rows = try #require(try Self.summaryJSON(output)["rows"] as? [[String: Any]])
        #expect(rows.count == 9)
        let errors = rows.compactMap { $0["error"] as? [String: Any] }
        let places = errors.map {
            "\(($0["file"] as? String ?? "").split(separator: "/").last ?? ""):\($0["line"] ?? "")"
        }
        #expect(places == ["projects.jsonl:4", "projects.jsonl:5", "projects.jsonl:6", "projects.csv:4"])
        #expect(rows.map { $0["sequence"] as? Int } == Array(1...9))
    }

    @Test func rowsFollowInputOrderAndOutputIsTheSameWithOneOrManyThreads() throws {
        let one = Self.output()
        let many = Self.output()
        defer {
            try? FileManager.default.removeItem(atPath: one)
            try? FileManager.default.removeItem(atPath: many)
        }
        let inputs = [Self.root + "/Fixtures/projects"] + Self.batch
        _ = try Self.run(inputs, output: one, jobs: 1)
        _ = try Self.run(inputs, output: many, jobs: 4)
        for name in ["summary.csv", "summary.json", "index.html", "reports/XA-2025-001.json"] {
            let first = try String(contentsOfFile: one + "/" + name, encoding: .utf8)
            let second = try String(contentsOfFile: many + "/" + name, encoding: .utf8)
            #expect(first == second, "\(name) differs between --jobs 1 and --jobs 4")
        }
    }

    /// A job count far beyond any machine's cores starts at most ``BatchRunner/maximumJobs`` threads (it used to
    /// start one thread per job and hang) and gives the same summary as one thread.
    @Test func anAbsurdJobCountIsCappedAndGradesTheSame() throws {
        let (one, many) = (Self.output(), Self.output())
        defer { for output in [one, many] { try? FileManager.default.removeItem(atPath: output) } }
        let inputs = [Self.root + "/Fixtures/batch/projects.jsonl"]
        let single = try Self.run(inputs, output: one, jobs: 1)
        let summary = try Self.run(inputs, output: many, jobs: 200_000)
        #expect(summary.total == 5 && summary.total == single.total && summary.invalid == single.invalid)
        #expect(
            try String(contentsOfFile: one + "/summary.csv", encoding: .utf8)
                == String(contentsOfFile: many + "/summary.csv", encoding: .utf8))
    }

    @Test func theFirstOfTwoProjectsWithTheSameIdKeepsTheReport() throws {
        let output = Self.output()
        defer { try? FileManager.default.removeItem(atPath: output) }
        let summary = try Self.run([Self.root + "/Fixtures/batch/projects.jsonl"], output: output, jobs: 4)
        #expect(summary.invalid == 3)
        let report = try String(contentsOfFile: output + "/reports/XA-2025-002.json", encoding: .utf8)
        #expect(report.contains("莲湖区某某路拓宽工程房屋征收"))
        #expect(!report.contains("与第 1 行编号相同的项目"))
        let rows = try #require(try Self.summaryJSON(output)["rows"] as? [[String: Any]])
        let duplicate = try #require(rows.last?["error"] as? [String: Any])
        #expect(
            (duplicate["message"] as? String)?.hasSuffix(
                "projects.jsonl:6: error: 项目编号“XA-2025-002”与第 1 项重复（报告文件名都是 XA-2025-002.json），未写出报告，以免覆盖；请给每个项目不同的编号\n")
                == true)
        #expect(rows.last?["id"] as? String == "XA-2025-002")
    }

    /// Inputs travel to the workers in chunks: across many chunks, with duplicate ids within one chunk and across
    /// chunks and invalid lines among them, the first of each id keeps its name, rows keep input order, and one
    /// thread or four give the same bytes.
    @Test func chunksKeepInputOrderAndTheFirstOfEachIdWins() throws {
        let folder = try BatchInputsTests.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let generator = ProjectGenerator(
            ruleSet: try #require(FixtureTests.catalog.ruleSet(id: "national/house-expropriation")))
        // Ids repeat 3 and 70 lines later (same chunk, next chunk); every 50th line is broken.
        let ids = (0..<400).map { $0 % 100 == 3 ? $0 - 3 : $0 % 100 == 70 ? $0 - 70 : $0 }
        let lines = ids.enumerated().map { offset, id in
            offset % 50 == 49 ? "{\"id\": " : generator.jsonLine(id)
        }
        try lines.joined(separator: "\n").write(toFile: folder + "/p.jsonl", atomically: true, encoding: .utf8)
        var outputs: [String] = []
        for jobs in [1, 4] {
            let output = folder + "/out\(jobs)"
            outputs.append(output)
            let summary = try Self.run([folder + "/p.jsonl"], output: output, jobs: jobs)
            #expect((summary.total, summary.invalid) == (400, 8 + 8))
        }
        for name in ["summary.csv", "summary.json", "index.html"] {
            let one = try String(contentsOfFile: outputs[0] + "/" + name, encoding: .utf8)
            let four = try String(contentsOfFile: outputs[1] + "/" + name, encoding: .utf8)
            #expect(one == four, "\(name) differs between --jobs 1 and --jobs 4")
        }
        let rows = try #require(try Self.summaryJSON(outputs[1])["rows"] as? [[String: Any]])
        #expect(rows.map { $0["sequence"] as? Int } == Array(1...400))
        for (offset, id) in ids.enumerated() where offset % 50 != 49 {
            let message = (rows[offset]["error"] as? [String: Any])?["message"] as? String
            if id != offset {
                #expect(message?.contains("与第 \(id + 1) 项重复") == true, "row \(offset + 1)")
            } else {
                #expect(message == nil, "row \(offset + 1)")
                #expect(rows[offset]["reports"] as? [String] == ["reports/GEN-\(id).json"])
            }
        }
    }

    @Test func idsThatOnlyDifferInUnsafeCharactersCollideToo() throws {
        let folder = try BatchInputsTests.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let line = try String(contentsOfFile: Self.root + "/Fixtures/batch/projects.jsonl", encoding: .utf8)
            .split(separator: "\n")[0]
        let lines = ["../a/b", "../a_b", "..%2Fa_b"].map { line.replacingOccurrences(of: "XA-2025-002", with: $0) }
        try lines.joined(separator: "\n").write(toFile: folder + "/p.jsonl", atomically: true, encoding: .utf8)
        let summary = try Self.run([folder + "/p.jsonl"], output: folder + "/out")
        #expect((summary.graded, summary.invalid) == (2, 1))
        let names = ["../a/b", "..%2Fa_b"].map { AtomicFile.safeName($0) + ".json" }
        #expect(Self.files(folder + "/out/reports") == names.sorted())
        #expect(AtomicFile.safeName("../a_b") == AtomicFile.safeName("../a/b"))
    }

    @Test func writesLeaveNoTemporaryFilesAndReRunsOverwrite() throws {
        let output = Self.output()
        defer { try? FileManager.default.removeItem(atPath: output) }
        _ = try Self.run(Self.batch, output: output, formats: [.json, .markdown])
        let first = Self.files(output)
        _ = try Self.run(Self.batch, output: output, formats: [.json, .markdown])
        #expect(Self.files(output) == first)
        #expect(!first.contains { $0.split(separator: "/").last?.hasPrefix(".") == true })
        #expect(first.contains("reports/CSV-001.md"))
        #expect(first.filter { $0.hasPrefix("reports/") }.count == 10)
    }

    /// A re-run leaves a report file that already holds the same bytes as it is (same inode); a report whose
    /// project changed, or a symbolic link in a report's place, is replaced by a new regular file.
    @Test func reRunsLeaveUnchangedReportsInPlace() throws {
        let folder = try BatchInputsTests.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let generator = ProjectGenerator(
            ruleSet: try #require(FixtureTests.catalog.ruleSet(id: "national/house-expropriation")))
        let lines = (0..<3).map(generator.jsonLine)
        try lines.joined(separator: "\n").write(toFile: folder + "/p.jsonl", atomically: true, encoding: .utf8)
        let output = folder + "/out"
        let inode = { (name: String) -> UInt64? in
            var info = stat()
            guard lstat(output + "/reports/" + name, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
            return UInt64(info.st_ino)
        }
        _ = try Self.run([folder + "/p.jsonl"], output: output)
        let first = ["GEN-0.json", "GEN-1.json", "GEN-2.json"].map(inode)
        #expect(first.allSatisfy { $0 != nil })
        let changed = lines[1].replacingOccurrences(of: "生成项目 1", with: "改过的项目")
        try [lines[0], changed, lines[2]].joined(separator: "\n").write(
            toFile: folder + "/p.jsonl", atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(atPath: output + "/reports/GEN-2.json")
        try FileManager.default.createSymbolicLink(
            atPath: output + "/reports/GEN-2.json", withDestinationPath: "GEN-0.json")
        _ = try Self.run([folder + "/p.jsonl"], output: output)
        #expect(inode("GEN-0.json") == first[0])
        #expect(inode("GEN-1.json") != nil && inode("GEN-1.json") != first[1])
        #expect(inode("GEN-2.json") != nil)
        let report = try String(contentsOfFile: output + "/reports/GEN-1.json", encoding: .utf8)
        #expect(report.contains("改过的项目"))
        let again = try String(contentsOfFile: output + "/reports/GEN-2.json", encoding: .utf8)
        #expect(again.contains("GEN-2") && !again.contains("\"GEN-0\""))
    }

    /// An invalid input's row names its project id when the id could be read (a bad fact, an unknown kind), and
    /// none when it could not (broken JSON, a null or non-text id).
    @Test func invalidRowsNameTheIdWrittenWhenItCanBeRead() throws {
        let folder = try BatchInputsTests.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let generator = ProjectGenerator(
            ruleSet: try #require(FixtureTests.catalog.ruleSet(id: "national/house-expropriation")))
        let good = generator.jsonLine(0)
        let lines = [
            good.replacingOccurrences(of: "\"households\": ", with: "\"households\": \"很多\", \"x\": "),
            good.replacingOccurrences(of: "\"house_expropriation\"", with: "\"no_such_kind\""),
            "{\"id\": \"BROKEN\", ",
            good.replacingOccurrences(of: "\"GEN-0\"", with: "null"),
            good.replacingOccurrences(of: "\"GEN-0\"", with: "[1]"),
            good,
        ]
        try lines.joined(separator: "\n").write(toFile: folder + "/p.jsonl", atomically: true, encoding: .utf8)
        let runner = BatchRunner(
            catalog: FixtureTests.catalog,
            options: .init(output: folder + "/out", reports: [.jsonLines], jobs: 2))
        let summary = try runner.run([folder + "/p.jsonl"])
        #expect((summary.graded, summary.invalid) == (1, 5))
        let rows = try #require(try Self.summaryJSON(folder + "/out")["rows"] as? [[String: Any]])
        #expect(rows.map { $0["id"] as? String } == ["GEN-0", "GEN-0", nil, nil, nil, "GEN-0"])
        #expect(
            rows.map { $0["status"] as? String } == ["invalid", "invalid", "invalid", "invalid", "invalid", "graded"])
        let csv = try String(contentsOfFile: folder + "/out/summary.csv", encoding: .utf8)
        #expect(csv.contains("\r\n1,GEN-0,,,,,,,,,,,\""))
        let stream = try String(contentsOfFile: folder + "/out/reports.jsonl", encoding: .utf8)
            .split(separator: "\n")
        #expect(stream[0].contains("\"schema\":\"wenping/batch-error/1\"") && stream[0].contains("\"id\":\"GEN-0\""))
        #expect(stream[2].contains("\"id\":null"))
    }

    /// CSV rows refused before loading (a cell outside the header, text that is not UTF-8, a quote never
    /// closed) still name the id in their id cell when that cell was read as written.
    @Test func invalidCSVRowsNameTheIdWhenItsCellCanBeRead() throws {
        let folder = try BatchInputsTests.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var bytes = Array("项目编号,项目名称,项目类型,所在地区,households\n".utf8)
        bytes += Array("CSV-EXTRA,项目,house_expropriation,中国/陕西省/西安市,100,多的一格\n".utf8)
        bytes += Array("CSV-GBK,".utf8) + [0xC4, 0xE3, 0xBA, 0xC3] + Array(",house_expropriation,中国,100\n".utf8)
        bytes += [0xC4, 0xE3] + Array(",GBK 的编号,house_expropriation,中国,100\n".utf8)
        bytes += Array(" ,没有编号,house_expropriation,中国,100,多的一格\n".utf8)
        bytes += Array("CSV-QUOTE,项目,house_expropriation,中国,\"100\n".utf8)
        try Data(bytes).write(to: URL(fileURLWithPath: folder + "/p.csv"))
        let runner = BatchRunner(catalog: FixtureTests.catalog, options: .init(output: folder + "/out", formats: []))
        let summary = try runner.run([folder + "/p.csv"])
        #expect(summary.invalid == 5)
        let rows = try #require(try Self.summaryJSON(folder + "/out")["rows"] as? [[String: Any]])
        #expect(rows.map { $0["id"] as? String } == ["CSV-EXTRA", "CSV-GBK", nil, nil, "CSV-QUOTE"])
        #expect(rows.allSatisfy { ($0["error"] as? [String: Any])?["message"] as? String != nil })
        let csv = try String(contentsOfFile: folder + "/out/summary.csv", encoding: .utf8)
        #expect(csv.contains("\r\n1,CSV-EXTRA,,,,,,,,,,,"))
    }

    @Test func summaryOnlyWritesNoReports() throws {
        let output = Self.output()
        defer { try? FileManager.default.removeItem(atPath: output) }
        _ = try Self.run(Self.batch, output: output, formats: [])
        #expect(Self.files(output) == ["index.html", "summary.csv", "summary.json"])
    }

    @Test func anInterruptedBatchSummarisesWhatFinishedInOrder() throws {
        let folder = try BatchInputsTests.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let generator = ProjectGenerator(
            ruleSet: try #require(FixtureTests.catalog.ruleSet(id: "national/house-expropriation")))
        try (0..<300).map(generator.jsonLine).joined(separator: "\n").write(
            toFile: folder + "/p.jsonl", atomically: true, encoding: .utf8)
        let cancellation = BatchCancellation()
        var seen: [Int] = []
        let summary = try Self.run([folder + "/p.jsonl"], output: folder + "/out", jobs: 2, cancellation: cancellation)
        {
            seen.append($0.done)
            if $0.done == 5 { cancellation.cancel() }
        }
        #expect(summary.interrupted)
        #expect(summary.total >= 5 && summary.total < 300)
        #expect(summary.graded + summary.invalid == summary.total)
        #expect(seen == Array(1...summary.total))
        let json = try Self.summaryJSON(folder + "/out")
        #expect(json["interrupted"] as? Bool == true)
        #expect(
            (json["rows"] as? [[String: Any]])?.map { $0["id"] as? String } == (0..<summary.total).map { "GEN-\($0)" })
        #expect(!Self.files(folder + "/out").contains { $0.split(separator: "/").last?.hasPrefix(".") == true })
        #expect(Self.files(folder + "/out/reports").count == summary.graded)
    }

    @Test func aFinishedBatchIsNotInterrupted() throws {
        let output = Self.output()
        defer { try? FileManager.default.removeItem(atPath: output) }
        let summary = try Self.run(Self.batch, output: output)
        #expect(!summary.interrupted)
        #expect(summary.reachedThreshold == 0)
        #expect(summary.distributionAfter.map(\.grade) == ["低", "中", "高"])
    }

    @Test(arguments: FixtureTests.expectations)
    func mainFactorsAreTheReportsMainFactors(_ name: String) throws {
        let file = Self.root + "/Fixtures/projects/" + name.replacingOccurrences(of: ".expected.yaml", with: ".yaml")
        let assessment = try ReportTests.assess(file)
        let grading = BatchProcessor.grading(assessment)
        #expect(grading.mainFactors.map { assessment.ruleSet.factors[$0].id } == ReportModel(assessment).mainFactors)
    }
}
