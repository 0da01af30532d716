import Foundation
import Testing

@testable import Wenping

/// Whether a batch looks for earlier reports before writing one (``ReportLayout/mayHoldEarlierReports``).
@Suite struct ReportLayoutTests {
    /// A folder that is absent or empty holds no earlier reports; one with any entry, hidden or a folder, does.
    @Test func aFolderHoldsEntriesOnlyWhenItHasAny() throws {
        let folder = try BatchInputsTests.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(!ReportLayout.folderHoldsEntries(folder + "/absent"))
        try FileManager.default.createDirectory(atPath: folder + "/empty", withIntermediateDirectories: false)
        #expect(!ReportLayout.folderHoldsEntries(folder + "/empty"))
        try FileManager.default.createDirectory(atPath: folder + "/hidden", withIntermediateDirectories: false)
        try "x".write(toFile: folder + "/hidden/.a", atomically: false, encoding: .utf8)
        #expect(ReportLayout.folderHoldsEntries(folder + "/hidden"))
        try FileManager.default.createDirectory(atPath: folder + "/shards/00", withIntermediateDirectories: true)
        #expect(ReportLayout.folderHoldsEntries(folder + "/shards"))
    }

    /// A layout that looks for no earlier report still replaces a file that is in its way, whole (a file that
    /// appeared after the batch started: the report is linked over it, never mixed with it).
    @Test func withoutLookingAReportStillReplacesAFileInItsWay() throws {
        let folder = try BatchInputsTests.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder + "/reports", withIntermediateDirectories: false)
        try String(repeating: "旧", count: 5_000).write(
            toFile: folder + "/reports/A.json", atomically: false, encoding: .utf8)
        let layout = ReportLayout(output: folder, isSharded: false, mayHoldEarlierReports: false)
        let path = try layout.write(Array("{}\n".utf8), name: "A", fileExtension: "json")
        #expect(path == "reports/A.json")
        #expect(try String(contentsOfFile: folder + "/reports/A.json", encoding: .utf8) == "{}\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder + "/reports") == ["A.json"])
    }
}
