import Foundation
import Testing

@testable import Wenping

/// A batch graded by a ruleset with dated versions (`Fixtures/dated`: `demo/opposition` 2023.1 in force up to
/// 2024-12-31, 2025.1 from 2025-01-01): each row of the summaries names the version that graded it and how it was
/// chosen, and carries the warnings about the choice (W545, W546).
struct BatchVersionTests {
    static let rules = FixtureTests.root + "/Fixtures/dated/rules"
    static let lanting = FixtureTests.root + "/Fixtures/dated/projects/lanting.yaml"

    /// Three projects in a temporary folder: dated 2024-09-30 (→ 2023.1), dated 2025-03-01 (→ 2025.1), undated.
    static func projects() throws -> [String] {
        let folder = try RuleCheckTests.temporaryFolder()
        let text = try String(contentsOfFile: lanting, encoding: .utf8)
        let variants = [
            ("a-2024.yaml", text),
            (
                "b-2025.yaml",
                text.replacingOccurrences(of: "DEMO-LT-01", with: "DEMO-LT-02")
                    .replacingOccurrences(of: "assessment_date: 2024-09-30", with: "assessment_date: 2025-03-01")
            ),
            (
                "c-undated.yaml",
                text.replacingOccurrences(of: "DEMO-LT-01", with: "DEMO-LT-03")
                    .replacingOccurrences(of: "assessment_date: 2024-09-30\n", with: "")
            ),
        ]
        return try variants.map { name, text in
            try text.write(toFile: folder + "/" + name, atomically: true, encoding: .utf8)
            return folder + "/" + name
        }
    }

    /// Runs the batch and returns the summary files' text.
    static func run(override: String? = nil, asOf: String? = nil) throws -> [String: String] {
        let output = BatchRunnerTests.output()
        defer { try? FileManager.default.removeItem(atPath: output) }
        let runner = BatchRunner(
            catalog: RuleSetCatalog(paths: [rules]), override: override,
            asOf: asOf.map { AsOfDate($0)! } ?? .projectDate,
            options: .init(output: output, formats: [], jobs: 2))
        _ = try runner.run(try projects())
        var files: [String: String] = [:]
        for name in ["summary.csv", "summary.json", "index.html"] {
            files[name] = String(
                decoding: FileManager.default.contents(atPath: output + "/" + name) ?? Data(), as: UTF8.self)
        }
        return files
    }

    static func rows(_ files: [String: String]) throws -> [[String: Any]] {
        let object = try JSONSerialization.jsonObject(with: Data((files["summary.json"] ?? "").utf8)) as? [String: Any]
        return try #require(object?["rows"] as? [[String: Any]])
    }

    @Test func eachRowNamesItsVersionAndHowItWasChosen() throws {
        let files = try Self.run()
        let rows = try Self.rows(files)
        // Both versions are listed among the rulesets used, oldest first.
        let object = try JSONSerialization.jsonObject(with: Data((files["summary.json"] ?? "").utf8)) as? [String: Any]
        let used = (object?["rulesets"] as? [[String: Any]] ?? []).map { $0["version"] as? String }
        #expect(used == ["2023.1", "2025.1"])
        #expect(rows.map { $0["ruleset_version"] as? String } == ["2023.1", "2025.1", "2025.1"])
        let choices = rows.map { $0["version_choice"] as? [String: Any] }
        #expect(choices.map { $0?["basis"] as? String } == ["assessment_date", "assessment_date", "newest"])
        #expect(choices.map { $0?["date"] as? String } == ["2024-09-30", "2025-03-01", "2025-01-01"])
        #expect(choices[0]?["text"] as? String == "按评估日期 2024-09-30 施行的版本评估（该规则共有 2 个版本）")
        // The undated project carries W545 in its row; the dated ones no warning.
        let warnings = rows.map { ($0["warnings"] as? [[String: Any]] ?? []).map { $0["code"] as? String } }
        #expect(warnings == [[], [], ["W545"]])

        let csv = try #require(files["summary.csv"])
        let lines = csv.split(separator: "\r\n").map(String.init)
        #expect(lines[0].hasSuffix(",错误,规则及版本,版本如何选定,警告"))
        #expect(lines[1].hasSuffix(",demo/opposition 版本 2023.1,按评估日期 2024-09-30 施行的版本评估（该规则共有 2 个版本）,"))
        #expect(lines[3].contains(",demo/opposition 版本 2025.1,项目未写评估日期，按最新版本评估（该规则共有 2 个版本）,W545 "))
        let html = try #require(files["index.html"])
        #expect(html.contains("<th>规则及版本</th><th>版本如何选定</th><th>警告</th>"))
        #expect(html.contains("<td>按评估日期 2025-03-01 施行的版本评估（该规则共有 2 个版本）</td>"))
    }

    @Test func asOfAndANamedVersionShowInEveryRow() throws {
        let later = try Self.rows(try Self.run(asOf: "2025-06-30"))
        #expect(later.allSatisfy { $0["ruleset_version"] as? String == "2025.1" })
        #expect(later.allSatisfy { ($0["version_choice"] as? [String: Any])?["basis"] as? String == "as_of" })
        #expect(later.allSatisfy { ($0["warnings"] as? [Any])?.isEmpty == true })
        // 2023.1 named, on a date it is no longer in force: graded as asked, W546 in every row.
        let pinned = try Self.rows(try Self.run(override: "demo/opposition@2023.1", asOf: "2025-06-30"))
        #expect(pinned.allSatisfy { $0["ruleset_version"] as? String == "2023.1" })
        #expect(pinned.allSatisfy { ($0["version_choice"] as? [String: Any])?["in_force"] as? Bool == false })
        let codes = pinned.map { ($0["warnings"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String } }
        #expect(codes == [["W546"], ["W546"], ["W546"]])
    }
}
