import Foundation
import Testing

@testable import Wenping

/// JSON reports rendered with the ruleset's fragment cache (``JSONReportCache``) are byte for byte the reports
/// rendered without one, pretty and compact, whatever the cache already holds and from however many threads.
struct JSONReportCacheTests {
    static let root = FixtureTests.root

    /// Every project that grades in the fixtures: the examples, expert panels, surveys and dated rulesets.
    static let fixtureAssessments: [(name: String, assessment: Assessment)] = {
        var out: [(String, Assessment)] = []
        func add(_ files: [String], _ catalog: RuleSetCatalog, asOf: AsOfDate = .projectDate) {
            for file in files {
                if let project = ProjectLoader(catalog: catalog, asOf: asOf).load(file: file).project {
                    out.append((file, Engine.evaluate(project)))
                }
            }
        }
        add(
            FixtureTests.expectations.map {
                root + "/Fixtures/projects/"
                    + $0.replacingOccurrences(
                        of: ".expected.yaml", with: ".yaml")
            }, FixtureTests.catalog)
        add([root + "/Fixtures/experts/xa-road-panel.yaml"], FixtureTests.catalog)
        add(
            ["panel-decides.yaml", "panel-missing.yaml"].map { root + "/Fixtures/experts/projects/" + $0 },
            RuleSetCatalog(paths: [root + "/Fixtures/experts/rules"]))
        add(
            ["xingfuli.yaml", "thin-sample.yaml", "typed-rate.yaml"].map { root + "/Fixtures/survey/" + $0 },
            RuleSetCatalog(paths: [root + "/Fixtures/survey/rules"]))
        let dated = RuleSetCatalog(paths: [root + "/Fixtures/dated/rules"])
        for date in ["2023-06-01", "2026-01-01"] {
            add([root + "/Fixtures/dated/projects/lanting.yaml"], dated, asOf: AsOfDate(date)!)
        }
        add([root + "/Fixtures/dated/projects/lanting.yaml"], dated)
        return out
    }()

    /// The report rendered without a cache, then with `cache` (twice: filling it, then copying from it).
    static func expectSameBytes(
        _ assessment: Assessment, cache: JSONReportCache, _ name: String,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        let model = ReportModel(assessment)
        for compact in [false, true] {
            let plain = JSONReportRenderer.bytes(model, compact: compact, cache: nil)
            for round in 1...2 {
                let cached = JSONReportRenderer.bytes(model, compact: compact, cache: cache)
                #expect(
                    cached == plain, "\(name) compact=\(compact) round \(round)", sourceLocation: sourceLocation)
            }
        }
    }

    @Test func fixturesAreTheSameWithAFreshASharedAndNoCache() throws {
        let assessments = Self.fixtureAssessments
        #expect(assessments.count >= 30, "\(assessments.map(\.name))")
        #expect(assessments.contains { $0.assessment.project.versionChoice != nil })
        #expect(assessments.contains { ReportModel($0.assessment).isComplete == false })
        for (name, assessment) in assessments {
            Self.expectSameBytes(assessment, cache: JSONReportCache(for: assessment.ruleSet), name)
            Self.expectSameBytes(assessment, cache: JSONReportCache.shared(for: assessment.ruleSet), name)
            // The public entry points use the shared cache.
            #expect(JSONReportRenderer.bytes(assessment) == Array(JSONReportRenderer.render(assessment).utf8))
        }
    }

    /// Generated projects of every ruleset in `Rules/` are the same with and without a cache.
    ///
    /// A third have facts left out, so levels are undecided (some of those are refused for a required fact and
    /// skipped); each ruleset's projects go through one cache filled as they go, as a batch fills it, and the
    /// rulesets run side by side.
    @Test func generatedProjectsOfEveryRulesetAreTheSameWithAndWithoutTheCache() async throws {
        let ruleSets = FixtureTests.catalog.ruleSets.filter { !$0.appliesTo.isEmpty }
        #expect(ruleSets.count >= 5)
        let counts = await withTaskGroup(of: (rendered: Int, undecided: Int).self) { group in
            for ruleSet in ruleSets {
                group.addTask { Self.renderGenerated(ruleSet, count: 400) }
            }
            return await group.reduce(into: (rendered: 0, undecided: 0)) {
                $0.rendered += $1.rendered
                $0.undecided += $1.undecided
            }
        }
        #expect(counts.rendered >= ruleSets.count * 250, "only \(counts.rendered) projects graded")
        #expect(counts.undecided >= counts.rendered / 5, "only \(counts.undecided) had undecided levels")
    }

    /// Renders `count` generated projects of `ruleSet` with and without one cache; how many were rendered, and
    /// how many of them had undecided levels.
    static func renderGenerated(_ ruleSet: CompiledRuleSet, count: Int) -> (rendered: Int, undecided: Int) {
        let generator = ProjectGenerator(ruleSet: ruleSet, seed: 7)
        let loader = ProjectLoader(catalog: FixtureTests.catalog, override: ruleSet.id)
        let cache = JSONReportCache(for: ruleSet)
        var rendered = 0
        var undecided = 0
        for index in 0..<count {
            guard let line = try? thinned(generator.jsonLine(index), index),
                let project = loader.load(bytes: Array(line.utf8), file: "gen.jsonl").project
            else { continue }
            let assessment = Engine.evaluate(project)
            if !assessment.unknowns.isEmpty { undecided += 1 }
            expectSameBytes(assessment, cache: cache, "\(ruleSet.id) #\(index)")
            rendered += 1
        }
        #expect(cache.freeBytes >= 0 && cache.freeBytes < JSONReportCache.budget, "\(ruleSet.id)")
        return (rendered, undecided)
    }

    /// `line` with some facts removed for every third index (a different handful each time).
    static func thinned(_ line: String, _ index: Int) throws -> String {
        guard index % 3 == 0 else { return line }
        var object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        var facts = try #require(object["facts"] as? [String: Any])
        for (position, key) in facts.keys.sorted().enumerated() where (position + index / 3) % 4 == 0 {
            facts[key] = nil
        }
        object["facts"] = facts
        let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        return String(decoding: data, as: UTF8.self)
    }

    /// A model fragment describes exactly the values it is made from (``JSONModelFragment``): over every fact,
    /// factor, measure and estimate of the fixtures, `Fragment(b).describes(a)` is `Fragment(a) == Fragment(b)`,
    /// and whether it is worth keeping is the same asked of the value or of the fragment.
    @Test func modelFragmentsDescribeExactlyTheValuesTheyAreMadeFrom() {
        func check<Fragment: JSONModelFragment>(_: Fragment.Type, _ values: [Fragment.Source]) {
            let fragments = values.map { Fragment($0) }
            for (index, value) in values.enumerated() {
                #expect(fragments[index].describes(value))
                #expect(Fragment.isWorthKeeping(value) == fragments[index].isWorthKeeping)
                // Against a spread of the others (all pairs would be slow): same ones and different ones both.
                for other in stride(from: index % 7, to: values.count, by: 7) {
                    #expect(fragments[other].describes(value) == (fragments[other] == fragments[index]))
                }
            }
        }
        let models = Self.fixtureAssessments.map { ReportModel($0.assessment) }
        check(JSONReportRenderer.FactHead.self, models.flatMap { $0.facts + $0.derived })
        check(JSONReportRenderer.FactorHead.self, models.flatMap(\.factors))
        check(JSONReportRenderer.MeasureHead.self, models.flatMap { $0.factors.flatMap(\.measures) })
        check(JSONReportRenderer.EstimateHead.self, models.flatMap { $0.factors.flatMap { [$0.before, $0.after] } })
    }

    @Test func aTinyBudgetKeepsLittleAndChangesNothing() throws {
        let (name, assessment) = try #require(Self.fixtureAssessments.first)
        let cache = JSONReportCache(for: assessment.ruleSet, budget: 3000)
        Self.expectSameBytes(assessment, cache: cache, name)
        #expect(cache.freeBytes >= 0 && cache.freeBytes <= 3000)
    }

    @Test func concurrentRendersOfOneAssessmentAreTheSame() async throws {
        for (name, assessment) in Self.fixtureAssessments.prefix(4) {
            let model = ReportModel(assessment)
            let expected = [false, true].map { JSONReportRenderer.bytes(model, compact: $0, cache: nil) }
            let cache = JSONReportCache(for: assessment.ruleSet)
            let results = await withTaskGroup(of: (Bool, [UInt8]).self) { group in
                for task in 0..<16 {
                    group.addTask {
                        let compact = task % 2 == 1
                        return (compact, JSONReportRenderer.bytes(model, compact: compact, cache: cache))
                    }
                }
                return await group.reduce(into: []) { $0.append($1) }
            }
            #expect(results.count == 16)
            for (compact, bytes) in results {
                #expect(bytes == expected[compact ? 1 : 0], "\(name) compact=\(compact)")
            }
        }
    }

    /// Canonically equivalent text (`é` and `e` + combining acute) is different bytes: a run kept for one is never
    /// copied for the other.
    @Test func canonicallyEquivalentTextIsNotTakenForTheSame() throws {
        let (_, assessment) = try #require(Self.fixtureAssessments.first)
        let composed = ExactText("caf\u{E9}")
        let decomposed = ExactText("cafe\u{301}")
        #expect(composed.string == decomposed.string)
        #expect(composed != decomposed)
        #expect(ExactTexts(["a", composed.string]) != ExactTexts(["a", decomposed.string]))
        #expect(ExactTexts(["a", composed.string]) == ExactTexts(["a", "caf\u{E9}"]))
        let cache = JSONReportCache(for: assessment.ruleSet)
        func written(_ label: String, _ cache: JSONReportCache?) -> [UInt8] {
            var json = JSONWriter(fragments: cache)
            json.object { json in
                json.write(
                    JSONReportRenderer.FactHead(
                        ReportModel.Fact(
                            name: "x", label: label, type: "text", unit: nil, value: .null, display: "", source: "")),
                    slot: 0)
            }
            return json.bytes
        }
        #expect(written(composed.string, cache) == written(composed.string, nil))
        #expect(written(composed.string, cache) == written(composed.string, nil))
        #expect(written(decomposed.string, cache) == written(decomposed.string, nil))
        #expect(written(decomposed.string, nil) != written(composed.string, nil))
    }

    /// The byte-class check that lets text be copied in one piece agrees with escaping scalar by scalar: for
    /// every scalar of the Basic Multilingual Plane and every 61st above it, alone, and below U+3000 (every
    /// escaped character) also between ASCII and CJK neighbours.
    @Test func everyScalarIsEscapedAsScalarByScalarEscapingDoes() {
        var mismatches: [UInt32] = []
        for value in stride(from: UInt32(0), through: 0x10_FFFF, by: 1) where value <= 0xFFFF || value % 61 == 0 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let alone = String(Character(scalar))
            for text in value < 0x3000 ? [alone, "a" + alone + "补"] : [alone] {
                var slow: [UInt8] = [0x22]
                JSONWriter.appendEscaped(text, to: &slow)
                slow.append(0x22)
                if Array(JSONWriter.quoted(text).utf8) != slow { mismatches.append(value) }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(20).map { String($0, radix: 16) })")
    }
}
