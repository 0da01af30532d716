import Foundation
import Testing

@testable import Wenping

/// Classes 2, 3 and 5 of issue 8: expressions, `extends` chains, identifiers and keys have limits, each with a
/// positioned error, and every recursive pass stays within them (run in the debug build, whose frames are large).
struct ExpressionLimitTests {
    /// Expressions far beyond the limits, each rejected quickly with the given code.
    static let hostile: [(String, String, DiagnosticCode)] = [
        (
            "20,000 parentheses", String(repeating: "(", count: 20_000) + "a" + String(repeating: ")", count: 20_000),
            .expressionTooLong
        ),
        (
            "1,000 parentheses", String(repeating: "(", count: 1_000) + "a" + String(repeating: ")", count: 1_000),
            .expressionTooDeep
        ),
        (
            "400 nested abs(",
            String(repeating: "abs(", count: 400) + "households" + String(repeating: ")", count: 400)
                + " > 1", .expressionTooDeep
        ),
        (
            "10,000 nested abs(",
            String(repeating: "abs(", count: 10_000) + "1" + String(repeating: ")", count: 10_000),
            .expressionTooLong
        ),
        ("1,500 minus signs", String(repeating: "-", count: 1_500) + "households > 1", .expressionTooDeep),
        ("1,500 nots", String(repeating: "not ", count: 900) + "a", .expressionTooDeep),
        (
            "1,300 flat +", Array(repeating: "households", count: 300).joined(separator: "+") + " > 1",
            .expressionTooDeep
        ),
        ("20,000 flat and", Array(repeating: "a", count: 20_000).joined(separator: " and "), .expressionTooLong),
        ("1,000 flat or", Array(repeating: "a", count: 600).joined(separator: " or "), .expressionTooDeep),
        (
            "400 nested calls",
            String(repeating: "max(1, ", count: 400) + "1" + String(repeating: ")", count: 400)
                + " > 0", .expressionTooDeep
        ),
        ("1 MB identifier", String(repeating: "x", count: 1 << 20) + " > 1", .expressionTooLong),
        ("100,000 bad characters", String(repeating: "§", count: 100_000), .expressionTooLong),
        ("3,000 bad characters", String(repeating: "§", count: 3_000), .unexpectedCharacter),
    ]

    @Test(arguments: hostile.indices)
    func hostileExpressionIsRejectedQuicklyWithAPositionedError(_ index: Int) {
        let (name, source, code) = Self.hostile[index]
        var result: (CompiledExpression?, [Diagnostic]) = (nil, [])
        let seconds = HardeningSupport.seconds { result = ExpressionFixtures.compile(source) }
        #expect(result.0 == nil, "\(name)")
        #expect(result.1.first?.code == code, "\(name): \(result.1.prefix(2))")
        #expect(result.1.allSatisfy { $0.location.file == "t.yaml" && $0.location.line == 3 })
        #expect(result.1.count <= ExpressionLimits.maximumIssues + 1, "\(name): \(result.1.count) diagnostics")
        #expect(result.1.allSatisfy { $0.message.count < 400 }, "\(name)")
        #expect(seconds < 2, "\(name) took \(seconds) s")
    }

    @Test func tooDeepPointsAtTheTokenWhereTheLimitIsCrossed() {
        let source = String(repeating: "(", count: 300) + "a" + String(repeating: ")", count: 300)
        let (_, diagnostics) = ExpressionFixtures.compile(source)
        #expect(diagnostics.map(\.code) == [.expressionTooDeep])
        #expect(diagnostics.first?.location.column == 10 + ExpressionLimits.maximumDepth)
    }

    @Test func literalsTooLargeToComputeAreAnError() {
        let (compiled, diagnostics) = ExpressionFixtures.compile("households > 1" + String(repeating: "0", count: 400))
        #expect(compiled == nil)
        #expect(diagnostics.map(\.code) == [.expressionSyntax])
    }

    /// Expressions just inside the limits go through every pass: compile, evaluate, condition analysis (band
    /// shadowing), reports in every format, explain with its what-if changes.
    @Test func expressionsAtTheLimitPassEveryRecursivePass() throws {
        let depth = ExpressionLimits.maximumDepth - 2
        let derived = String(repeating: "abs(", count: depth - 2) + "ratio" + String(repeating: ")", count: depth - 2)
        let chain = Array(repeating: "ratio", count: depth / 2).joined(separator: " + ")
        let condition = String(repeating: "not ", count: depth / 2 - 2) + "(\(chain) < 0.9)"
        let folder = try HardeningSupport.rulesFolder(derived: derived, condition: condition)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let catalog = RuleSetCatalog(paths: [folder])
        #expect(!catalog.hasErrors, "\(catalog.diagnostics)")
        let output = ProjectLoader(catalog: catalog).load(
            bytes: HardeningSupport.project(facts: "households: 400, ratio: 0.001"), file: "p.yaml")
        let project = try #require(output.project, "\(output.diagnostics)")
        let assessment = Engine.evaluate(project)
        for format in ReportFormat.allCases { #expect(!format.render(assessment).isEmpty) }
        #expect(!Explainer.explain(assessment).isEmpty)
        #expect(!RuleCheck.run(paths: [folder]).ruleSets.isEmpty)
    }

    @Test func extendsChainLongerThanTheLimitIsE225() throws {
        let folder = try HardeningSupport.rulesFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let count = 1_000
        for index in 0..<count {
            let parent = index + 1 < count ? "extends: chain-\(index + 1).yaml\n" : "extends: rules.yaml\n"
            try "format: wenping/1\nid: chain-\(index)\n\(parent)".write(
                toFile: folder + "/chain-\(index).yaml", atomically: false, encoding: .utf8)
        }
        var diagnostics: [Diagnostic] = []
        let seconds = HardeningSupport.seconds {
            var compiler = RuleSetCompiler(root: folder)
            diagnostics = compiler.compile(file: folder + "/chain-0.yaml").diagnostics
        }
        #expect(diagnostics.map(\.code) == [.extendsTooDeep])
        #expect(
            diagnostics.first?.location.file.hasSuffix("chain-\(RuleSetResolver.maximumChainLength - 1).yaml") == true)
        #expect(seconds < 5)
        // A chain within the limit still works.
        var compiler = RuleSetCompiler(root: folder)
        let short = compiler.compile(file: folder + "/chain-\(count - RuleSetResolver.maximumChainLength + 2).yaml")
        #expect(short.diagnostics.filter { $0.severity == .error }.isEmpty, "\(short.diagnostics)")
    }

    @Test func longIdentifiersAndKeysAreRefusedQuickly() throws {
        let folder = try HardeningSupport.rulesFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let long = String(repeating: "因", count: 1 << 18)
        let loader = ProjectLoader(catalog: RuleSetCatalog(paths: [folder]))
        var output: ProjectLoader.Output?
        // A 256 K-character fact name (a key) and value (768 KB of UTF-8 each).
        let seconds = HardeningSupport.seconds {
            output = loader.load(bytes: HardeningSupport.project(facts: "\(long): 1, households: 1"), file: "p.yaml")
        }
        #expect(output?.diagnostics.map(\.code) == [.keyTooLong])
        #expect(seconds < 2)
        let valueSeconds = HardeningSupport.seconds {
            output = loader.load(bytes: HardeningSupport.project(facts: "households: \(long)"), file: "p.yaml")
        }
        #expect(output?.diagnostics.map(\.code) == [.factType])
        #expect((output?.diagnostics.first?.message.count ?? .max) < 300)
        #expect(valueSeconds < 2)
        // A long id and input name in a rule file.
        let rules = try String(contentsOfFile: folder + "/rules.yaml", encoding: .utf8)
            .replacingOccurrences(of: "id: compensation", with: "id: c\(long)")
            .replacingOccurrences(
                of: "  ratio: {", with: "  r\(String(long.prefix(150))): { label: x, type: number }\n  ratio: {")
        try rules.write(toFile: folder + "/rules.yaml", atomically: true, encoding: .utf8)
        var check: RuleCheck?
        let ruleSeconds = HardeningSupport.seconds { check = RuleCheck.run(paths: [folder]) }
        let codes = Set(check?.diagnostics.map(\.code) ?? [])
        #expect(codes.contains(.identifierTooLong), "\(codes)")
        #expect(ruleSeconds < 3)
    }
}
