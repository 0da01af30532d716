import Foundation
import Testing

@testable import Wenping

/// Which inputs a batch finds, in which order, and how it reads JSON Lines and CSV files lazily.
struct BatchInputsTests {
    static let root = FixtureTests.root

    /// A fresh temporary folder, removed by the caller.
    static func folder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("batch-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func items(_ paths: [String], excluding: String? = nil) -> [BatchItem] {
        var inputs = BatchInputs(paths: paths, excluding: excluding)
        var out: [BatchItem] = []
        while let item = inputs.next() { out.append(item) }
        return out
    }

    static func describe(_ item: BatchItem, relativeTo base: String = "") -> String {
        let strip = { (path: String) in path.hasPrefix(base) ? String(path.dropFirst(base.count)) : path }
        switch item {
        case .file(let path): return "file \(strip(path))"
        case .line(let file, let number, let bytes):
            return "line \(strip(file)):\(number) \(String(decoding: bytes, as: UTF8.self))"
        case .row(let table, let record):
            return "row \(strip(table.file)):\(record.row) \(record.fields.joined(separator: "|"))"
        case .failure(let issue): return "failure \(strip(issue.message))"
        }
    }

    @Test func folderYieldsProjectFilesRecursivelySortedSkippingAnswersAndHiddenEntries() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for name in [
            "b.yaml", "a/z.yml", "a/y.json", "a/y.expected.yaml", ".hidden/x.yaml", "c/.x.yaml", "notes.txt",
            "data.jsonl",
        ] {
            let path = folder + "/" + name
            try FileManager.default.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try "id: x\n".write(toFile: path, atomically: true, encoding: .utf8)
        }
        let found = Self.items([folder]).map { Self.describe($0, relativeTo: folder + "/") }
        #expect(found == ["file a/y.json", "file a/z.yml", "file b.yaml"])
        #expect(BatchInputs.count([folder]) == 3)
    }

    @Test func theOutputFolderInsideAnInputFolderIsSkipped() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder + "/out/reports", withIntermediateDirectories: true)
        try "{}".write(toFile: folder + "/out/reports/A.json", atomically: true, encoding: .utf8)
        try "id: a\n".write(toFile: folder + "/a.yaml", atomically: true, encoding: .utf8)
        let found = Self.items([folder], excluding: folder + "/out").map { Self.describe($0, relativeTo: folder + "/") }
        #expect(found == ["file a.yaml"])
    }

    @Test func pathsKeepTheirOrderAndFilesOfAnyOtherKindAreProjectFiles() {
        let found = Self.items(["z.yaml", "missing.txt", "a.yaml"]).map { Self.describe($0) }
        #expect(found == ["file z.yaml", "file missing.txt", "file a.yaml"])
        #expect(BatchInputs.count(["z.yaml", "a.yaml"]) == 2)
        #expect(BatchInputs.count(["z.yaml", "b.jsonl"]) == nil)
    }

    @Test func jsonLinesYieldsNonEmptyLinesWithTheirNumbers() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "\u{FEFF}{\"a\": 1}\r\n\n   \n{\"b\": 2}".write(
            toFile: folder + "/p.jsonl", atomically: true, encoding: .utf8)
        let found = Self.items([folder + "/p.jsonl"]).map { Self.describe($0, relativeTo: folder + "/") }
        #expect(found == ["line p.jsonl:1 {\"a\": 1}", "line p.jsonl:4 {\"b\": 2}"])
    }

    /// Lines that cross the reader's 64 KB reads (short, long, one spanning several reads, CRLF, blank, a last
    /// line without its newline) come back whole and numbered.
    @Test func linesAcrossReadsComeBackWhole() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var lines: [String] = []
        for index in 0..<400 {
            let length = [0, 1, 700, 1_500, 4_093, 65_535, 65_536, 200_000][index % 8] + index % 7
            lines.append(
                index % 13 == 5 ? "" : "{\"n\": \(index), \"x\": \"" + String(repeating: "中", count: length / 3) + "\"}"
            )
        }
        let text = lines.enumerated().map { $0.offset % 5 == 2 ? $0.element + "\r" : $0.element }
            .joined(separator: "\n")
        try text.write(toFile: folder + "/p.jsonl", atomically: true, encoding: .utf8)
        let expected = lines.enumerated().filter { !$0.element.isEmpty }.map {
            "line p.jsonl:\($0.offset + 1) \($0.element)"
        }
        let found = Self.items([folder + "/p.jsonl"]).map { Self.describe($0, relativeTo: folder + "/") }
        #expect(found.count == expected.count)
        #expect(found == expected)
    }

    @Test func aLineOverTheLimitIsAFailureAndTheNextLinesStillCome() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "{}\n\(String(repeating: "x", count: 100))\n{\"c\": 3}\n".write(
            toFile: folder + "/p.jsonl", atomically: true, encoding: .utf8)
        var inputs = BatchInputs(paths: [folder + "/p.jsonl"], limit: 50)
        var found: [String] = []
        while let item = inputs.next() { found.append(Self.describe(item, relativeTo: folder + "/")) }
        #expect(
            found == [
                "line p.jsonl:1 {}", "failure p.jsonl:2: error: 这一行有 100 字节，超过上限 50 字节，没有读取；每行应是一个项目的 JSON\n",
                "line p.jsonl:3 {\"c\": 3}",
            ])
    }

    @Test func csvYieldsNonBlankRowsWithTheHeader() throws {
        let found = Self.items([Self.root + "/Fixtures/batch/projects.csv"])
        #expect(found.count == 4)
        guard case .row(let table, let record) = found[2] else {
            Issue.record("not a row: \(found[2])")
            return
        }
        #expect(table.columns.prefix(5) == ["项目编号", "项目名称", "项目类型", "所在地区", "被征收户数"])
        #expect(record.row == 4)
        #expect(record.fields.first == "CSV-BAD")
        #expect(found.map { $0.position.line } == [2, 3, 4, 6])
    }

    @Test func unreadableStreamsAndEmptyCSVAreFailures() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "".write(toFile: folder + "/empty.csv", atomically: true, encoding: .utf8)
        let found = Self.items([folder + "/none.jsonl", folder + "/empty.csv"]).map {
            Self.describe($0, relativeTo: folder + "/")
        }
        #expect(
            found == [
                "failure none.jsonl: error: 无法读取 JSON Lines 文件：文件不存在\n",
                "failure empty.csv:1: error: CSV 文件是空的；第 1 行应是列名（id、name、kind、facts 的事实项……）\n",
            ])
    }

    @Test func fractionReadGrowsToOneOverJSONLinesAndCSVFiles() throws {
        let paths = [Self.root + "/Fixtures/batch/projects.jsonl", Self.root + "/Fixtures/batch/projects.csv"]
        var inputs = BatchInputs(paths: paths)
        var fractions: [Double] = []
        while inputs.next() != nil { fractions.append(try #require(inputs.fractionRead)) }
        #expect(fractions.count == 9)
        #expect(fractions == fractions.sorted())
        #expect(fractions[0] > 0 && fractions[0] < 0.5)
        #expect(inputs.fractionRead == 1)
    }

    @Test func fractionReadIsUnknownWhenAFolderOrStandardInputIsAmongTheInputs() {
        let jsonLines = Self.root + "/Fixtures/batch/projects.jsonl"
        #expect(BatchInputs(paths: [jsonLines, Self.root + "/Fixtures/projects"]).fractionRead == nil)
        #expect(BatchInputs(paths: [jsonLines, "-"]).fractionRead == nil)
        #expect(BatchInputs.kind(of: "-") == .jsonLines)
    }
}
