import Foundation
import Testing

@testable import Wenping

struct RuleCheckTests {
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path

    /// A fresh temporary folder for one test.
    static func temporaryFolder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("wenping-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func bundledRulesAreClean() {
        let check = RuleCheck.run(paths: [Self.repositoryRoot + "/Rules"])
        let text = DiagnosticFormatter(sources: check.sources).format(check.diagnostics)
        #expect(check.diagnostics.isEmpty, "\(text)")
        #expect(check.ruleSets.contains { $0.id == "base" })
    }

    @Test func oversizedRuleFileFailsFastWithE109() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/huge.yaml"
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: 100 * 1024 * 1024)  // a sparse 100 MB file: never read
        try handle.close()
        var check: RuleCheck?
        let seconds = HardeningSupport.seconds { check = RuleCheck.run(paths: [path]) }
        let result = try #require(check)
        #expect(seconds < 1)  // CPU time: reading 100 MB would show, a busy machine does not
        #expect(result.diagnostics.map(\.code) == [.fileTooLarge])
        #expect(result.diagnostics.first?.message.contains("104857600 字节") == true)
    }

    @Test func duplicateRulesetIDsAcrossFilesAreAnError() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let base = try String(contentsOfFile: Self.repositoryRoot + "/Fixtures/cases/base.yaml", encoding: .utf8)
        try base.write(toFile: folder + "/a.yaml", atomically: true, encoding: .utf8)
        try base.write(toFile: folder + "/b.yaml", atomically: true, encoding: .utf8)
        let check = RuleCheck.run(paths: [folder])
        #expect(check.diagnostics.map(\.code) == [.duplicateID])
        #expect(check.diagnostics.first?.location.file == folder + "/b.yaml")
        #expect(check.diagnostics.first?.notes.first?.location?.file == folder + "/a.yaml")
    }

    @Test func ruleTestFilesAreNotCompiledAsRules() throws {
        #expect(RuleCheck.isRuleTest("Rules/x.test.yaml"))
        #expect(!RuleCheck.isRuleTest("Rules/x.yaml"))
    }

    @Test func digestChangesWithContentAndNotWithLocation() throws {
        let first = try Self.temporaryFolder()
        let second = try Self.temporaryFolder()
        defer {
            try? FileManager.default.removeItem(atPath: first)
            try? FileManager.default.removeItem(atPath: second)
        }
        let base = try String(contentsOfFile: Self.repositoryRoot + "/Fixtures/cases/base.yaml", encoding: .utf8)
        try base.write(toFile: first + "/base.yaml", atomically: true, encoding: .utf8)
        try base.write(toFile: second + "/base.yaml", atomically: true, encoding: .utf8)
        let a = try #require(RuleCheck.run(paths: [first]).ruleSets.first)
        let b = try #require(RuleCheck.run(paths: [second]).ruleSets.first)
        #expect(a.digest == b.digest)
        #expect(a.digest.count == 64)
        try (base + "# changed\n").write(toFile: second + "/base.yaml", atomically: true, encoding: .utf8)
        let c = try #require(RuleCheck.run(paths: [second]).ruleSets.first)
        #expect(c.digest != a.digest)
    }

    @Test func diagnosticsReferenceDocumentIsCurrent() throws {
        var text = "# Diagnostic codes\n\n"
        text += "Every problem wenping reports carries one of these stable codes. Generated from "
        text += "`DiagnosticCode.catalog` by `RuleCheckTests` (`RECORD_SNAPSHOTS=1 swift test` rewrites it).\n\n"
        text += "| code | slug | meaning |\n|---|---|---|\n"
        for entry in DiagnosticCode.catalog {
            text += "| `\(entry.code)` | \(entry.slug) | \(entry.summary) |\n"
        }
        let path = Self.repositoryRoot + "/docs/diagnostics.md"
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == text)
        #expect(Set(DiagnosticCode.catalog.map(\.code)).count == DiagnosticCode.catalog.count)
    }
}
