import Foundation
import Testing
import WenpingYAML

@testable import Wenping

/// Grades every example project under `Fixtures/projects/` with the bundled `Rules/` and compares the result with
/// its `*.expected.yaml`, whose figures were worked out by hand from the rules (the arithmetic is in each file).
struct FixtureTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path
    static let catalog = RuleSetCatalog(paths: [root + "/Rules"])

    static let expectations: [String] = {
        let folder = root + "/Fixtures/projects"
        let files = (FileManager.default.enumerator(atPath: folder)?.allObjects as? [String]) ?? []
        return files.filter { $0.hasSuffix(".expected.yaml") }.sorted()
    }()

    static let invalidProjects: [String] = {
        let folder = root + "/Fixtures/projects/invalid"
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return files.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".json") }.sorted()
    }()

    @Test func thereAreAtLeastFifteenExamples() {
        #expect(Self.expectations.count >= 15)
    }

    @Test(arguments: expectations)
    func projectGradesAsWorkedOutByHand(_ name: String) throws {
        let path = Self.root + "/Fixtures/projects/" + name
        let expected = try #require(try YAMLParser.parse(contentsOfFile: path).root)
        guard case .mapping(let want) = expected else { throw Failure("not a mapping") }
        let projectFile = FilePath.join(FilePath.directory(of: path), try string(want["project"]))
        let loaded = ProjectLoader(catalog: Self.catalog).load(file: projectFile)
        let project = try #require(loaded.project, "\(loaded.diagnostics)")
        let assessment = Engine.evaluate(project)
        let model = ReportModel(assessment)
        #expect(project.ruleSet.id == (try string(want["ruleset"])), "ruleset of \(name)")
        for (point, outcome) in [("before", model.before), ("after", model.after)] {
            guard case .mapping(let expectation) = want[point] else { throw Failure("\(point) missing") }
            #expect(outcome.grade == (try string(expectation["grade"])), "\(point) grade of \(name)")
            let index = try number(expectation["index"])
            #expect(abs(outcome.index - index) < 0.00005, "\(point) index of \(name): \(outcome.index) vs \(index)")
        }
        if case .mapping(let factors) = want["factors"] {
            for entry in factors.entries {
                let factor = try #require(model.factors.first { $0.id == entry.key.value }, "factor \(entry.key.value)")
                guard case .mapping(let facts) = entry.value else { continue }
                if let applies = facts["applies"], case .scalar(let scalar) = applies, let flag = scalar.bool {
                    #expect(factor.isApplicable == flag, "applicability of \(factor.id) in \(name)")
                }
                if facts["before"] != nil {
                    #expect(factor.before.degreeLabel == (try string(facts["before"])), "\(factor.id) before, \(name)")
                }
                if facts["after"] != nil {
                    #expect(factor.after.degreeLabel == (try string(facts["after"])), "\(factor.id) after, \(name)")
                }
            }
        }
        #expect(Set(model.floors.map(\.id)) == Set(try strings(want["floors"])), "floors of \(name)")
        let missing = Set(
            assessment.unknowns.flatMap { assessment.missing($0).map { project.ruleSet.inputs[$0].name } })
        #expect(missing == Set(try strings(want["unknown"])), "unknown facts of \(name)")
    }

    @Test(arguments: invalidProjects)
    func invalidProjectReportsTheErrorItsFirstLineNames(_ name: String) throws {
        let path = Self.root + "/Fixtures/projects/invalid/" + name
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let firstLine = text.prefix { $0 != "\n" }
        let code = try #require(firstLine.split(separator: " ").first { $0.hasPrefix("E4") || $0.hasPrefix("E2") })
        let loaded = ProjectLoader(catalog: Self.catalog).load(file: path)
        #expect(loaded.project == nil, "\(name) should be rejected")
        #expect(loaded.diagnostics.contains { $0.code.rawValue == code }, "\(name): \(loaded.diagnostics)")
        #expect(loaded.diagnostics.allSatisfy { $0.location.file == path && $0.location.line >= 1 })
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    func string(_ node: YAMLNode?) throws -> String {
        guard case .scalar(let scalar) = node else { throw Failure("expected a scalar") }
        return scalar.value
    }

    func number(_ node: YAMLNode?) throws -> Double {
        guard case .scalar(let scalar) = node, let value = scalar.double else { throw Failure("expected a number") }
        return value
    }

    func strings(_ node: YAMLNode?) throws -> [String] {
        guard let node else { return [] }
        guard case .sequence(let sequence) = node else { throw Failure("expected a list") }
        return try sequence.items.map { try string($0) }
    }
}
