import Foundation
import FoundationXML
import Testing

@testable import Wenping
@testable import WenpingDocuments

struct WordReportTests {
    static let fixture = "house-expropriation/xa-old-town-high.yaml"

    static func docx(_ project: String, templates: ReportTemplates = .builtIn) throws -> [UInt8] {
        try DocumentRenderer(templates: templates).docx(try DocumentFixtures.assess(project))
    }

    @Test(arguments: [
        ("house-expropriation/xa-old-town-high.yaml", "xa-old-town-high.docx.txt"),
        ("major-project/logistics-missing-data.yaml", "logistics-missing-data.docx.txt"),
    ])
    func wordPartsMatchGoldenFiles(project: String, snapshot: String) throws {
        try assertSnapshot(try DocumentFixtures.canonical(try Self.docx(project)), named: snapshot)
    }

    @Test func customTemplatesChangeTitlePageLetterheadAndSignOff() throws {
        let templates = ReportTemplates(folder: DocumentFixtures.root + "/Fixtures/templates/xa-office")
        #expect(templates.diagnostics.isEmpty, "\(templates.diagnostics)")
        let docx = try Self.docx(Self.fixture, templates: templates)
        try assertSnapshot(try DocumentFixtures.canonical(docx), named: "xa-old-town-high.xa-office.docx.txt")
        let document = try #require(try DocumentFixtures.entries(docx).first { $0.path == "word/document.xml" })
        let text = String(decoding: document.data, as: UTF8.self)
        #expect(text.contains("西安市某某社会稳定风险评估中心"))
        #expect(!text.contains("评估负责人(签字)"))
    }

    @Test(arguments: DocumentFixtures.projects)
    func sameReportGivesSameBytes(_ project: String) throws {
        let first = try Self.docx(project)
        let second = try Self.docx(project)
        #expect(first == second)
        let entries = try DocumentFixtures.entries(first)
        #expect(entries.first?.path == "[Content_Types].xml")
        // 1980-01-01T00:00:00Z, whatever the clock or time zone.
        #expect(entries.allSatisfy { $0.date == Date(timeIntervalSince1970: 315_532_800) })
    }

    /// Every part is well-formed XML, every part has a content type, and every relationship points at a part
    /// that exists; every relationship id the document uses is declared.
    @Test(arguments: DocumentFixtures.projects)
    func packageIsComplete(_ project: String) throws {
        let entries = try DocumentFixtures.entries(try Self.docx(project))
        let paths = Set(entries.map(\.path))
        var texts: [String: String] = [:]
        for entry in entries {
            _ = try XMLDocument(data: entry.data, options: [])  // well-formed, or this throws
            texts[entry.path] = String(decoding: entry.data, as: UTF8.self)
        }
        let types = try #require(texts["[Content_Types].xml"])
        let overrides = Set(types.matches(of: #/PartName="/([^"]+)"/#).map { String($0.1) })
        for path in paths where !path.hasSuffix(".rels") && path != "[Content_Types].xml" {
            #expect(overrides.contains(path), "no content type for \(path)")
        }
        for override in overrides { #expect(paths.contains(override), "missing \(override)") }
        for (rels, base) in [("_rels/.rels", ""), ("word/_rels/document.xml.rels", "word/")] {
            let relationships = try #require(texts[rels]).matches(of: #/Id="([^"]+)" Type="[^"]+" Target="([^"]+)"/#)
            #expect(!relationships.isEmpty)
            for relationship in relationships {
                #expect(paths.contains(base + relationship.2), "\(rels) points at missing \(relationship.2)")
            }
            let ids = Set(relationships.map { String($0.1) })
            if rels.hasPrefix("word/") {
                for part in ["word/document.xml"] {
                    for match in try #require(texts[part]).matches(of: #/r:id="([^"]+)"/#) {
                        #expect(ids.contains(String(match.1)), "\(part) uses undeclared \(match.1)")
                    }
                }
            }
        }
    }

    @Test func hostileTextStaysText() throws {
        let original = try String(
            contentsOfFile: DocumentFixtures.root + "/Fixtures/projects/" + Self.fixture, encoding: .utf8)
        let hostile = original.replacingOccurrences(
            of: "name: 雁塔区某某村片区旧城区改建项目",
            with: "name: \"<w:p>&amp; \\u0001\\u000b]]> \\\"x\\\"\"")
        #expect(hostile != original)
        let loaded = ProjectLoader(catalog: DocumentFixtures.catalog).load(
            bytes: Array(hostile.utf8), file: "hostile.yaml")
        let project = try #require(loaded.project, "\(loaded.diagnostics)")
        let docx = try DocumentRenderer().docx(Engine.evaluate(project))
        for entry in try DocumentFixtures.entries(docx) {
            _ = try XMLDocument(data: entry.data, options: [])
        }
        let document = String(
            decoding: try #require(try DocumentFixtures.entries(docx).first { $0.path == "word/document.xml" }).data,
            as: UTF8.self)
        #expect(document.contains("&lt;w:p&gt;&amp;amp; ]]&gt; &quot;x&quot;"))
    }

    /// The matrix lists every applicable factor's number once before and once after measures.
    @Test(arguments: DocumentFixtures.projects)
    func matrixNamesEveryFactorBeforeAndAfter(_ project: String) throws {
        let model = ReportModel(try DocumentFixtures.assess(project))
        let xml = WordReportRenderer.matrix(model)
        let applicable = model.factors.filter(\.isApplicable).count
        var before: [Int] = []
        var after: [Int] = []
        // `前`, a no-break space, then numbers with a zero-width space after each `、` (a break opportunity).
        for match in xml.matches(of: #/>(前|后)\u00A0([0-9、\u200B]+)</#) {
            let numbers = match.2.split(separator: "、").compactMap { Int($0.filter { $0 != "\u{200B}" }) }
            if match.1 == "前" { before += numbers } else { after += numbers }
        }
        #expect(before.sorted() == Array(0..<applicable).map { $0 + 1 })
        #expect(after.sorted() == before.sorted())
    }
}
