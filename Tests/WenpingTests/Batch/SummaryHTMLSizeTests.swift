import Foundation
import Testing

@testable import Wenping

/// `index.html` stays usable at any batch size: 100,000 rows give a page of the same size as 1,000, which
/// headless Chromium opens within seconds, and which says where the other rows are.
struct SummaryHTMLSizeTests {
    /// Writes the summaries of `count` graded rows (all the same project) into a new folder.
    static func writeSummaries(count: Int) throws -> String {
        let folder = BatchRunnerTests.output()
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let file = FixtureTests.root + "/Fixtures/projects/house-expropriation/bj-comment-period-short.yaml"
        let project = try #require(ProjectLoader(catalog: FixtureTests.catalog).load(file: file).project)
        let grading = BatchProcessor.grading(Engine.evaluate(project))
        let writer = try SummaryWriter(
            folder: folder,
            summary: BatchSummary(
                formats: [ReportFormat.json.rawValue], gradeOrder: BatchSummary.gradeOrder(FixtureTests.catalog)))
        for sequence in 1...count {
            var row = BatchRow(sequence: sequence, file: "big.jsonl", line: sequence)
            row.id = "GEN-\(sequence)"
            row.name = "生成项目 \(sequence)"
            row.kind = project.kind
            row.jurisdiction = project.jurisdiction
            row.grading = grading
            row.reports = ["reports/GEN-\(sequence).json"]
            try writer.append(row)
        }
        _ = try writer.finish(interrupted: false)
        return folder
    }

    static func size(_ path: String) throws -> Int {
        try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int ?? 0
    }

    @Test func pageSizeIsBoundedAndSaysWhereTheRestIs() throws {
        let small = try Self.writeSummaries(count: 10)
        let large = try Self.writeSummaries(count: 3_000)
        defer {
            try? FileManager.default.removeItem(atPath: small)
            try? FileManager.default.removeItem(atPath: large)
        }
        let smallPage = try String(contentsOfFile: small + "/index.html", encoding: .utf8)
        let largePage = try String(contentsOfFile: large + "/index.html", encoding: .utf8)
        #expect(!smallPage.contains("class=\"partial\""))
        #expect(smallPage.contains("GEN-10<"))
        #expect(largePage.contains("下表只列出前 1000 个输入（共 3000 个）"))
        #expect(largePage.contains(">GEN-1000<"))
        #expect(!largePage.contains(">GEN-1001<"))
        // Every row is still in the other summaries.
        let csv = try String(contentsOfFile: large + "/summary.csv", encoding: .utf8)
        #expect(csv.contains(",GEN-3000,"))
    }

    @Test(.timeLimit(.minutes(5))) func aHundredThousandProjectIndexOpensInChromiumWithinSeconds() throws {
        let browser = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first {
            FileManager.default.isExecutableFile(atPath: $0)
        }
        // .ci/run installs Chromium; without it this test cannot check what it is for.
        let path = try #require(browser, "Chromium is not installed (apt-get install chromium)")
        let folder = try Self.writeSummaries(count: 100_000)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let index = folder + "/index.html"
        #expect(try Self.size(index) < 1_500_000)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
            "--user-data-dir=" + folder + "/.chromium", "--timeout=20000", "--dump-dom", "file://" + index,
        ]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        let start = ContinuousClock.now
        try process.run()
        let dom = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let elapsed = ContinuousClock.now - start
        #expect(elapsed < .seconds(30), "Chromium took \(elapsed) to load the index")
        #expect(dom.contains("共 100000 个输入"))
        #expect(dom.contains(">GEN-1000<"))
    }
}
