import Foundation
import Testing

@testable import Wenping

struct ReportTests {
    static let root = FixtureTests.root
    static let fixture = root + "/Fixtures/projects/house-expropriation/xa-old-town-high.yaml"

    static func assess(_ file: String) throws -> Assessment {
        let loaded = ProjectLoader(catalog: FixtureTests.catalog).load(file: file)
        let project = try #require(loaded.project, "\(loaded.diagnostics)")
        return Engine.evaluate(project)
    }

    @Test func jsonReportMatchesGoldenFile() throws {
        try assertSnapshot(JSONReportRenderer.render(try Self.assess(Self.fixture)), named: "xa-old-town-high.json")
    }

    @Test func markdownReportMatchesGoldenFile() throws {
        try assertSnapshot(MarkdownReportRenderer.render(try Self.assess(Self.fixture)), named: "xa-old-town-high.md")
    }

    @Test func jsonReportIsValidJSONWithProvenance() throws {
        let text = JSONReportRenderer.render(try Self.assess(Self.fixture))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["schema"] as? String == "wenping/assessment/2")
        let ruleset = try #require(object["ruleset"] as? [String: Any])
        #expect(ruleset["id"] as? String == "shaanxi/xian/house-expropriation")
        #expect((ruleset["digest"] as? String)?.hasPrefix("sha256:") == true)
        let provenance = try #require(object["provenance"] as? [String: Any])
        #expect((provenance["input_digest"] as? String)?.count == 71)
    }

    @Test(arguments: FixtureTests.expectations)
    func reportsAreByteIdenticalAcrossRuns(_ name: String) throws {
        let project = Self.root + "/Fixtures/projects/" + name.replacingOccurrences(of: ".expected.yaml", with: ".yaml")
        for format in ReportFormat.allCases {
            let first = format.render(try Self.assess(project))
            let second = format.render(try Self.assess(project))
            #expect(first == second)
        }
    }

    @Test func markupInProjectTextStaysText() {
        #expect(MarkdownReportRenderer.cell("<script>|x") == "&lt;script&gt;\\|x")
        #expect(JSONWriter.quoted("a\"b\n\u{1}") == "\"a\\\"b\\n\\u0001\"")
        #expect(JSONWriter.quoted("“补偿”\u{2028}") == "\"“补偿”\\u2028\"")
        #expect(JSONWriter.quoted("“补偿”") == "\"“补偿”\"")
    }

    @Test(arguments: [
        (0.41234567, "0.4123"), (1.0, "1"), (0.5, "0.5"), (-0.0, "0"), (0.00001, "0"), (12_345.0, "12345"),
    ])
    func numbersAreFormattedDeterministically(value: Double, text: String) {
        #expect(Formatting.number(value) == text)
    }
}
