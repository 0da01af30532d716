import Dispatch
import Foundation
import Synchronization
import Testing
import WenpingDocuments

@testable import Wenping

/// A report model built with its ruleset's shared ``ReportTables`` (warm: used by every project before it) renders
/// the same bytes as one built with tables computed afresh for it alone (cold), for every fixture project, expert
/// panels, surveys, dated rulesets and thousands of generated projects (complete, with facts left out, with
/// measures dropped) of every ruleset in `Rules/`; and models built on several threads at once agree with those
/// built one at a time.
struct ReportTablesTests {
    static let root = FixtureTests.root

    /// The JSON bytes of `model` (pretty, and compact when `all`), then its Markdown bytes (when `markdown`).
    static func rendered(_ model: ReportModel, all: Bool = true, markdown: Bool = true) -> [UInt8] {
        var bytes = JSONReportRenderer.bytes(model)
        if all { bytes += JSONReportRenderer.bytes(model, compact: true) }
        if markdown {
            bytes += Array(ReportTemplates.builtIn.render(.markdown, MarkdownReportRenderer.context(model)).utf8)
        }
        return bytes
    }

    /// Warm (shared tables) and cold (fresh tables) renderings of `assessment` agree.
    ///
    /// - Parameter all: also compare compact JSON (the pretty JSON without whitespace: a debug build renders
    ///   thousands of generated projects too slowly to write every format of each).
    static func expectSameWarmAndCold(
        _ assessment: Assessment, _ name: String, all: Bool = true, markdown: Bool = true
    ) {
        let warm = rendered(ReportModel(assessment), all: all, markdown: markdown)
        let cold = rendered(
            ReportModel(assessment, tables: ReportTables(assessment.ruleSet)), all: all, markdown: markdown)
        #expect(warm == cold, "\(name): shared and fresh report tables render differently")
    }

    /// Every project file under `folder` (recursively), sorted; `.expected.yaml` and `invalid/` left out.
    static func projectFiles(_ folder: String) -> [String] {
        let files = (FileManager.default.enumerator(atPath: folder)?.allObjects as? [String]) ?? []
        return files.filter {
            ($0.hasSuffix(".yaml") || $0.hasSuffix(".json")) && !$0.hasSuffix(".expected.yaml")
                && !$0.hasPrefix("invalid/") && !$0.hasSuffix(".test.yaml")
        }.sorted().map { folder + "/" + $0 }
    }

    @Test(arguments: [
        ("Fixtures/projects", "Rules"), ("Fixtures/experts/projects", "Fixtures/experts/rules"),
        ("Fixtures/experts", "Fixtures/experts/rules"), ("Fixtures/survey", "Fixtures/survey/rules"),
        ("Fixtures/dated/projects", "Fixtures/dated/rules"),
    ])
    func fixtureProjectsRenderTheSameWithSharedAndFreshTables(_ projects: String, _ rules: String) throws {
        let loader = ProjectLoader(catalog: RuleSetCatalog(paths: [Self.root + "/" + rules]))
        var graded = 0
        for file in Self.projectFiles(Self.root + "/" + projects) where !file.contains("/rules/") {
            guard let project = loader.load(file: file).project else { continue }
            Self.expectSameWarmAndCold(Engine.evaluate(project), file)
            graded += 1
        }
        #expect(graded >= 1, "only \(graded) projects in \(projects) graded")
    }

    /// Every ruleset in `Rules/` that grades projects (each id once).
    static let ruleSets: [String] = {
        var seen: Set<String> = []
        return FixtureTests.catalog.ruleSets.filter { !$0.isBase && seen.insert($0.id).inserted }.map(\.id)
    }()

    /// Generated project `index` of `generator`, varied by `index`: as drawn; with about a third of its optional
    /// facts left out (missing data); or with half its measures dropped and a few optional facts left out.
    static func variant(_ generator: ProjectGenerator, _ index: Int) throws -> [UInt8] {
        let line = generator.jsonLine(index)
        guard index % 3 != 0 else { return Array(line.utf8) }
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        var project = object
        var facts = object["facts"] as? [String: Any] ?? [:]
        let optional = generator.ruleSet.inputs.filter { !$0.isRequired }.map(\.name)
        for (position, name) in optional.enumerated() where (position + index) % (index % 3 == 1 ? 3 : 7) == 0 {
            facts[name] = nil
        }
        project["facts"] = facts
        if index % 3 == 2, let measures = object["measures"] as? [String] {
            project["measures"] = measures.enumerated().filter { ($0.offset + index) % 2 == 0 }.map(\.element)
        }
        return Array(try JSONSerialization.data(withJSONObject: project, options: [.sortedKeys]))
    }

    @Test(arguments: ruleSets)
    func generatedProjectsRenderTheSameWithSharedAndFreshTables(_ id: String) throws {
        let ruleSet = try #require(FixtureTests.catalog.ruleSet(id: id))
        let generator = ProjectGenerator(ruleSet: ruleSet, seed: 7, mix: [])
        let loader = ProjectLoader(catalog: FixtureTests.catalog, override: id)
        var graded = 0
        var incomplete = 0
        for index in 0..<350 {
            guard let project = loader.load(bytes: try Self.variant(generator, index), file: "gen").project else {
                continue
            }
            let assessment = Engine.evaluate(project)
            if !assessment.isComplete { incomplete += 1 }
            // JSON for every project (it shows every field of the model), Markdown for every fourth.
            Self.expectSameWarmAndCold(assessment, "\(id) #\(index)", all: false, markdown: index % 4 == 1)
            graded += 1
        }
        #expect(graded >= 300, "\(id): only \(graded) of 350 generated projects loaded")
        #expect(incomplete >= 20, "\(id): only \(incomplete) projects with missing data")
    }

    @Test func modelsBuiltOnSeveralThreadsAgreeWithModelsBuiltOneAtATime() throws {
        let ruleSet = try #require(FixtureTests.catalog.ruleSet(id: "national/house-expropriation"))
        let generator = ProjectGenerator(ruleSet: ruleSet, seed: 11)
        let loader = ProjectLoader(catalog: FixtureTests.catalog, override: ruleSet.id)
        let assessments = try (0..<60).compactMap { index in
            loader.load(bytes: try Self.variant(generator, index), file: "gen").project.map(Engine.evaluate)
        }
        let expected = assessments.map { Self.rendered(ReportModel($0)) }
        let results = Mutex([[UInt8]?](repeating: nil, count: assessments.count * 4))
        // Four threads each build every model, forwards or backwards from different starts, sharing the tables.
        DispatchQueue.concurrentPerform(iterations: 4) { thread in
            for step in assessments.indices {
                let shifted = (step + thread * assessments.count / 4) % assessments.count
                let index = thread % 2 == 0 ? shifted : assessments.count - 1 - shifted
                let bytes = Self.rendered(ReportModel(assessments[index]))
                results.withLock { $0[thread * assessments.count + index] = bytes }
            }
        }
        let all = results.withLock { $0 }
        for (slot, bytes) in all.enumerated() {
            #expect(bytes == expected[slot % assessments.count], "thread \(slot / assessments.count)")
        }
    }
}
