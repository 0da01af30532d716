import Foundation
import Testing

@testable import Wenping

struct HTMLReportRendererTests {
    static func project(_ name: String) -> String {
        FixtureTests.root + "/Fixtures/projects/" + name.replacingOccurrences(of: ".expected.yaml", with: ".yaml")
    }

    static func count(_ needle: String, in text: String) -> Int {
        text.components(separatedBy: needle).count - 1
    }

    /// Centres and radii of every circle in the report's SVG.
    static func circles(_ html: String) -> [(x: Double, y: Double, r: Double)] {
        let pattern = #/<circle cx="(-?[0-9.]+)" cy="(-?[0-9.]+)" r="([0-9.]+)"/#
        return html.matches(of: pattern).compactMap { match in
            guard let x = Double(match.1), let y = Double(match.2), let r = Double(match.3) else { return nil }
            return (x, y, r)
        }
    }

    @Test func htmlReportMatchesGoldenFile() throws {
        try assertSnapshot(
            HTMLReportRenderer.render(try ReportTests.assess(ReportTests.fixture)), named: "xa-old-town-high.html")
    }

    @Test(arguments: [
        ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ("a & b", "a &amp; b"), ("\"x\" 'y'", "&quot;x&quot; &#39;y&#39;"), ("雁塔区 №1", "雁塔区 №1"), ("", ""),
    ])
    func escapingReplacesEveryMarkupCharacter(text: String, escaped: String) {
        #expect(HTML.escape(text) == escaped)
    }

    @Test func hostileProjectNameIsShownAsText() throws {
        let original = try String(contentsOfFile: ReportTests.fixture, encoding: .utf8)
        let hostile = original.replacingOccurrences(
            of: "name: 雁塔区某某村片区旧城区改建项目",
            with: "name: \"<script>alert(1)</script>\"\ndetails: { 备注: \"'quoted' & <b>bold</b>\" }")
        #expect(hostile != original)
        let loaded = ProjectLoader(catalog: FixtureTests.catalog).load(bytes: Array(hostile.utf8), file: "hostile.yaml")
        let project = try #require(loaded.project, "\(loaded.diagnostics)")
        #expect(project.name == "<script>alert(1)</script>")
        let html = HTMLReportRenderer.render(Engine.evaluate(project))
        #expect(!html.contains("<script"))
        #expect(!html.contains("<b>"))
        #expect(html.contains("<h1>&lt;script&gt;alert(1)&lt;/script&gt;<br>社会稳定风险评估报告</h1>"))
        #expect(html.contains("<title>&lt;script&gt;alert(1)&lt;/script&gt; 社会稳定风险评估报告</title>"))
        #expect(html.contains("&#39;quoted&#39; &amp; &lt;b&gt;bold&lt;/b&gt;"))
    }

    @Test(arguments: FixtureTests.expectations)
    func matrixHasOneMarkerPerApplicableFactorAndOneArrowPerMovedFactor(_ name: String) throws {
        let model = ReportModel(try ReportTests.assess(Self.project(name)))
        let html = HTMLReportRenderer.render(model)
        let applicable = model.factors.filter(\.isApplicable)
        let moved = applicable.filter(HTMLReportRenderer.moved)
        #expect(Self.count("<g class=\"marker\">", in: html) == applicable.count)
        #expect(Self.count("<g class=\"marker-after\">", in: html) == moved.count)
        #expect(Self.count("<g class=\"arrow\">", in: html) == moved.count)
        #expect(Self.count("<rect class=\"bar-before\"", in: html) == applicable.count)
        #expect(Self.count("<rect class=\"bar-after\"", in: html) == applicable.count)
        for (number, factor) in applicable.enumerated() {
            #expect(html.contains("<span class=\"num\">\(number + 1)</span>\(HTML.escape(factor.label))</li>"))
        }
    }

    @Test func fixtureMatrixPlacesEveryFactorAndMovesMost() throws {
        let html = HTMLReportRenderer.render(try ReportTests.assess(ReportTests.fixture))
        #expect(Self.count("<g class=\"marker\">", in: html) == 21)
        #expect(Self.count("<g class=\"arrow\">", in: html) == 9)
        for label in ["影响程度", "很高", "很低", "可忽略", "严重", "重大", "微小", "风", "险", "概", "率"] {
            #expect(html.contains(">\(label)</text>"), "matrix lacks the label \(label)")
        }
    }

    @Test(arguments: FixtureTests.expectations)
    func markersInOneCellDoNotOverlap(_ name: String) throws {
        let circles = Self.circles(HTMLReportRenderer.render(try ReportTests.assess(Self.project(name))))
        #expect(!circles.isEmpty)
        for (index, first) in circles.enumerated() {
            for second in circles[(index + 1)...] {
                let distance =
                    ((first.x - second.x) * (first.x - second.x) + (first.y - second.y) * (first.y - second.y))
                    .squareRoot()
                #expect(distance >= first.r + second.r, "\(first) overlaps \(second)")
            }
        }
    }

    @Test(arguments: FixtureTests.expectations)
    func reportIsOneSelfContainedPrintableFile(_ name: String) throws {
        let html = HTMLReportRenderer.render(try ReportTests.assess(Self.project(name)))
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"))
        for external in ["http", "src=", "href=", "<script", "<link", "@import", "url(", "<img"] {
            #expect(!html.contains(external), "report refers to something outside itself: \(external)")
        }
        for rule in ["size: A4", "thead { display: table-header-group; }", "break-before: page", "break-inside: avoid"]
        {
            #expect(html.contains(rule))
        }
        #expect(Self.count("<section class=\"chapter\">", in: html) == 3)
        #expect(Self.count("<svg ", in: html) == 2)
    }

    @Test(arguments: FixtureTests.expectations)
    func sameAssessmentGivesSameBytes(_ name: String) throws {
        let first = HTMLReportRenderer.render(try ReportTests.assess(Self.project(name)))
        let second = HTMLReportRenderer.render(try ReportTests.assess(Self.project(name)))
        #expect(first == second)
    }

    @Test(arguments: [(0.0, "0.0"), (-0.04, "0.0"), (12.345, "12.3"), (-3.56, "-3.6"), (608, "608.0")])
    func coordinatesHaveExactlyOneDecimal(value: Double, text: String) {
        #expect(HTML.coordinate(value) == text)
    }

    @Test func longLabelsWrapIntoBalancedLinesAndCutWithEllipsis() {
        #expect(HTML.wrap("补偿资金保障", ems: 10, maxLines: 2) == ["补偿资金保障"])
        #expect(HTML.wrap("一二三四五六七八九十一二", ems: 10, maxLines: 2) == ["一二三四五六七", "八九十一二"])
        #expect(HTML.wrap(String(repeating: "险", count: 30), ems: 10, maxLines: 2).last?.hasSuffix("…") == true)
        #expect(abs(HTML.width("ab风险") - 3.12) < 1e-9)
    }

    @Test func reportFormatIncludesHTML() {
        #expect(ReportFormat(rawValue: "html") == .html)
        #expect(ReportFormat.html.fileExtension == "html")
    }
}
