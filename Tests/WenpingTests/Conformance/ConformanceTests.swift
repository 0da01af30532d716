import Foundation
import Testing

@testable import Wenping

/// Runs every case under `Fixtures/cases/<area>/<case>/`: each case folder holds rule files (`rules.yaml` is the one compiled), a `note.txt` saying what it shows, and `expected.txt`, the exact output: diagnostics rendered as `wenping check` prints them (paths relative to `Fixtures/cases`), then the summary of the compiled ruleset if it compiled.
///
/// `RECORD_SNAPSHOTS=1 swift test` rewrites the expected files (review the diff).
struct ConformanceTests {
    static let casesRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures/cases").path

    static let cases: [String] = {
        let manager = FileManager.default
        var result: [String] = []
        for area in (try? manager.contentsOfDirectory(atPath: casesRoot)) ?? [] {
            let areaPath = casesRoot + "/" + area
            guard FileSystem.isDirectory(areaPath) else { continue }
            for name in (try? manager.contentsOfDirectory(atPath: areaPath)) ?? [] {
                // `rules.yaml` is normally a file; the E101 case makes it a folder.
                if manager.fileExists(atPath: areaPath + "/" + name + "/rules.yaml") {
                    result.append(area + "/" + name)
                }
            }
        }
        return result.sorted()
    }()

    /// Compiles a case and renders what `wenping check` would print for it, plus the compiled summary.
    static func run(_ name: String) -> String {
        var compiler = RuleSetCompiler(root: casesRoot)
        let output = compiler.compile(file: casesRoot + "/" + name + "/rules.yaml")
        var text = DiagnosticFormatter(sources: compiler.sources).format(output.diagnostics)
        text += output.ruleSet?.summary ?? ""
        return text.replacingOccurrences(of: casesRoot + "/", with: "").replacingOccurrences(
            of: casesRoot, with: "Fixtures/cases")
    }

    @Test(arguments: cases)
    func caseMatchesExpectedOutput(_ name: String) throws {
        let actual = Self.run(name)
        let expectedPath = Self.casesRoot + "/" + name + "/expected.txt"
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
            try actual.write(toFile: expectedPath, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOfFile: expectedPath, encoding: .utf8)
        #expect(actual == expected, "case \(name)")
    }

    @Test func invalidCasesReportTheCodeTheyAreNamedAfter() {
        for name in Self.cases {
            let folder = name.split(separator: "/").last.map(String.init) ?? ""
            guard let first = folder.first, first == "E" || first == "W" else { continue }
            let code = String(folder.prefix(4))
            #expect(Self.run(name).contains("[\(code)]"), "case \(name) should report \(code)")
        }
    }

    @Test func everyRuleFileDiagnosticCodeHasACase() {
        let covered = Set(Self.cases.compactMap { $0.split(separator: "/").last.map { String($0.prefix(4)) } })
        // E4xx are about projects and the command line, E6xx about output, E7xx about the service and its ledger
        // (tested in WenpingServerTests and WenpingLedgerTests), W54x about surveys, E8xx about report documents
        // and templates (tested in WenpingDocumentsTests): no rule file gives them.
        let ruleCodes = DiagnosticCode.catalog.map(\.code.rawValue).filter {
            !$0.hasPrefix("E4") && !$0.hasPrefix("E6") && !$0.hasPrefix("E7") && !$0.hasPrefix("W54")
                && !$0.hasPrefix("E8")
        }
        // Codes whose input cannot be committed as a small case, covered by tests that build it at test time:
        // E109 (file too large) by `RuleCompilerTests`; E113 (a FIFO or device) by `FileKindTests`; E115 (a batch
        // input linking out of its folder) by `BatchSafetyTests`; E225 (a 17-file extends chain) by
        // `ExpressionLimitTests`; E251 and E252 (no version / several versions in force on a project's date) are
        // about projects and E253 (versions of one id that cannot be told apart) needs several files: all three by
        // `RuleVersionTests`.
        let generated: Set = ["E109", "E113", "E115", "E225", "E251", "E252", "E253"]
        let missing = ruleCodes.filter { !covered.contains($0) && !generated.contains($0) }
        #expect(missing.isEmpty, "codes without a conformance case: \(missing)")
    }
}
