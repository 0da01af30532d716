import Foundation
import Testing

@testable import Wenping

/// Class 1 of issue 8: numbers of any finite magnitude are formatted (never trap, never `inf`), facts outside
/// the computable range are refused with E403, and projects with huge derived values are reported.
struct NumberHardeningTests {
    @Test func formatsEveryMagnitudeWithoutExponentOrTrap() {
        #expect(Formatting.number(1e16) == "10000000000000000")
        #expect(Formatting.number(-1e16) == "-10000000000000000")
        #expect(Formatting.number(123_456_789_012_345_680) == "123456789012345680")
        #expect(Formatting.number(Double(Int64.max)) == "9223372036854775808")
        #expect(Formatting.number(0.5) == "0.5")
        #expect(Formatting.number(0.00001, digits: 6) == "0.00001")
        #expect(Formatting.number(-0.0) == "0")
        let largest = Formatting.number(.greatestFiniteMagnitude)
        #expect(largest.count == 309 && largest.hasPrefix("17976931348623157") && largest.allSatisfy(\.isNumber))
        #expect(Formatting.number(1e305).count >= 305)
        #expect(Formatting.number(.infinity) == "∞")
        // Every binary exponent: a power of two, its neighbours, and their negatives.
        var value = 1.0
        while value.isFinite {
            for candidate in [value, value.nextUp, -value, value * 1.5] {
                let text = Formatting.number(candidate, digits: 6)
                #expect(!text.contains("e") && !text.contains("inf") && !text.isEmpty)
            }
            value *= 2
        }
        #expect(Formatting.wholeNumber(1024) == "1024")
        #expect(Formatting.wholeNumber(1e22) == "10000000000000000000000")
    }

    @Test(arguments: ["1e400", ".inf", "-.inf", ".nan", "10000000000000000", "-2e15"])
    func factsOutsideTheComputableRangeAreRefusedWithE403(_ value: String) throws {
        let folder = try HardeningSupport.rulesFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let loader = ProjectLoader(catalog: RuleSetCatalog(paths: [folder]))
        let output = loader.load(
            bytes: HardeningSupport.project(facts: "households: 10, ratio: \(value)"), file: "p.yaml")
        #expect(output.project == nil)
        #expect(output.diagnostics.map(\.code) == [.factOutOfRange], "\(output.diagnostics)")
    }

    @Test func hugeDerivedValuesAndLiteralsRenderInEveryFormat() throws {
        let folder = try HardeningSupport.rulesFolder(
            derived: "ratio * 100000000000000000000 * 1000000000000000000000000",
            condition: "ratio < 0.9 and ratio * 1000000000000000000 > 5")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let catalog = RuleSetCatalog(paths: [folder])
        #expect(catalog.diagnostics.filter { $0.severity == .error }.isEmpty, "\(catalog.diagnostics)")
        let output = ProjectLoader(catalog: catalog).load(
            bytes: HardeningSupport.project(facts: "households: 999999999999999, ratio: 999999999999999"),
            file: "p.yaml")
        let project = try #require(output.project, "\(output.diagnostics)")
        let assessment = Engine.evaluate(project)
        for format in ReportFormat.allCases {
            let text = format.render(assessment)
            #expect(!text.contains("inf") && !text.contains("e+"), "\(format)")
        }
        #expect(!Explainer.explain(assessment).isEmpty)
    }
}

/// Class 15 of issue 8: a division by zero is reported as such, never as missing data.
struct DivisionByZeroTests {
    @Test func divisionByZeroIsNamedInEveryFormatAndInExplain() throws {
        let folder = try HardeningSupport.rulesFolder(derived: "households / ratio", condition: "doubled > 100")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let catalog = RuleSetCatalog(paths: [folder])
        let output = ProjectLoader(catalog: catalog).load(
            bytes: HardeningSupport.project(facts: "households: 400, ratio: 0"), file: "p.yaml")
        let project = try #require(output.project, "\(output.diagnostics)")
        let assessment = Engine.evaluate(project)
        #expect(assessment.arithmeticFailure(derived: 0) == "除数“补偿与市场价之比”为 0")
        #expect(assessment.missingFacts.isEmpty)
        for format in ReportFormat.allCases {
            let text = format.render(assessment)
            #expect(text.contains("除数“补偿与市场价之比”为 0"), "\(format)")
            #expect(!text.contains("缺少，") && !text.contains("缺少所需数据"), "\(format)")
        }
        let explanation = Explainer.explain(assessment)
        #expect(explanation.contains("无法计算（除数“补偿与市场价之比”为 0）"))
        #expect(!explanation.contains("因缺少数据"))
    }

    @Test func aMissingFactIsStillReportedAsMissing() throws {
        let folder = try HardeningSupport.rulesFolder(derived: "households / ratio", condition: "doubled > 100")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let output = ProjectLoader(catalog: RuleSetCatalog(paths: [folder])).load(
            bytes: HardeningSupport.project(facts: "households: 400"), file: "p.yaml")
        let assessment = Engine.evaluate(try #require(output.project))
        #expect(assessment.arithmeticFailure(derived: 0) == nil)
        #expect(MarkdownReportRenderer.render(assessment).contains("缺少“补偿与市场价之比”"))
    }
}
