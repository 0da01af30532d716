import Foundation
import Testing

@testable import Wenping

/// Every bundled project, rendered in Markdown and HTML: no sentence states a bound or rate that its facts
/// contradict (`反对的被征收人在5%至33%之间` for a project with 2% opposition, `超过33%` for 4.9%).
///
/// The check reads the report as a reviewer would: it finds every stated bound (`超过33%`, `5%至33%`,
/// `300户以上`, `不足95%`, `低于5%` …) and requires that some fact of the project with that unit, whose value is
/// known, satisfies it. Bounds whose facts are all missing cannot contradict anything (the report says they are
/// missing); quoted criteria names in sentences about missing data are such bounds.
struct ReportTruthTests {
    /// Every project file that grades: the examples with hand-worked results, and the outline fixtures.
    static let projects: [String] = {
        let root = FixtureTests.root
        let examples = FixtureTests.expectations.map {
            "Fixtures/projects/" + $0.replacingOccurrences(of: ".expected.yaml", with: ".yaml")
        }
        let folder = root + "/Fixtures/reports"
        let outline = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
            .filter { $0.hasSuffix(".yaml") }.sorted().map { "Fixtures/reports/" + $0 }
        return examples + outline
    }()

    /// A bound a sentence states: the number (percent as a fraction), its unit, and the relation it claims.
    struct Bound: CustomStringConvertible {
        enum Relation {
            case above
            case atLeast
            case below
            case atMost
            case between
        }
        let text: String
        let relation: Relation
        let low: Double
        let high: Double
        /// `%`, or the unit word after the number (`户`, `天`, `个工作日`).
        let unit: String

        func holds(for value: Double) -> Bool {
            let epsilon = 1e-9
            switch relation {
            case .above: return value > low + epsilon
            case .atLeast: return value >= low - epsilon
            case .below: return value < low - epsilon
            case .atMost: return value <= low + epsilon
            case .between: return value >= low - epsilon && value <= high + epsilon
            }
        }

        var description: String { "“\(text)”" }
    }

    static let units = ["%", "个工作日", "户", "天", "日", "月", "批", "次", "人", "公顷", "亩", "元"]
    static let before: [(String, Bound.Relation)] = [
        ("不低于", .atLeast), ("不少于", .atLeast), ("达到", .atLeast), ("至少", .atLeast), ("超过", .above),
        ("高于", .above), ("大于", .above), ("多于", .above), ("不超过", .atMost), ("不高于", .atMost),
        ("不足", .below), ("低于", .below), ("少于", .below), ("未达到", .below), ("小于", .below),
        ("未超过", .atMost), ("未低于", .atLeast), ("未少于", .atLeast),
    ]

    /// Every bound stated in `text`.
    static func bounds(in text: String) -> [Bound] {
        let number = #"([0-9]+(?:\.[0-9]+)?)\s*"#
        let unit = "(" + units.map { NSRegularExpression.escapedPattern(for: $0) }.joined(separator: "|") + ")"
        var found: [Bound] = []
        func scale(_ value: Double, _ unit: String) -> Double { unit == "%" ? value / 100 : value }
        // Ranges: `5%至33%`, `5至33%`, `5%~33%`, `300至1000户`.
        let range = try! NSRegularExpression(pattern: number + #"%?\s*(?:至|~|～|－|—)\s*"# + number + unit)
        let whole = NSRange(text.startIndex..., in: text)
        var covered: [NSRange] = []
        for match in range.matches(in: text, range: whole) {
            let part = { (index: Int) in String(text[Range(match.range(at: index), in: text)!]) }
            let unit = part(3)
            found.append(
                Bound(
                    text: part(0), relation: .between, low: scale(Double(part(1))!, unit),
                    high: scale(Double(part(2))!, unit), unit: unit))
            covered.append(match.range)
        }
        // `超过33%`, `不足95%`, `低于5%`, then `300户以上`, `5%以下`.
        let words = before.map(\.0).sorted { $0.count > $1.count }.joined(separator: "|")
        let prefixed = try! NSRegularExpression(pattern: "(" + words + #")\s*"# + number + unit)
        let suffixed = try! NSRegularExpression(pattern: number + unit + "(及以上|以上|及以下|以下)")
        for match in prefixed.matches(in: text, range: whole) + suffixed.matches(in: text, range: whole) {
            guard !covered.contains(where: { NSIntersectionRange($0, match.range).length > 0 }) else { continue }
            let part = { (index: Int) in String(text[Range(match.range(at: index), in: text)!]) }
            if match.regularExpression === prefixed {
                let relation = before.first { $0.0 == part(1) }!.1
                found.append(
                    Bound(
                        text: part(0), relation: relation, low: scale(Double(part(2))!, part(3)), high: 0,
                        unit: part(3)))
            } else {
                // `未覆盖95%以上` denies the bound: fewer than 95%.
                let lead = text[..<Range(match.range, in: text)!.lowerBound].suffix(4)
                let denied = lead.contains("未") || lead.contains("不")
                let relation: Bound.Relation =
                    part(3).hasSuffix("以上") ? (denied ? .below : .atLeast) : (denied ? .above : .atMost)
                found.append(
                    Bound(
                        text: part(0), relation: relation, low: scale(Double(part(1))!, part(2)), high: 0,
                        unit: part(2)))
            }
        }
        return found
    }

    /// The known values of the project's facts (and derived values) in `unit`.
    static func values(_ assessment: Assessment, unit: String, slots: Set<Int>? = nil) -> [Double] {
        let ruleSet = assessment.ruleSet
        var out: [Double] = []
        for input in ruleSet.inputs where slots?.contains(input.slot) ?? true {
            guard case .number(let value) = assessment.project.values[input.slot] else { continue }
            let matches =
                unit == "%" ? input.kind == .percent : (input.unit == unit || (unit == "日" && input.unit == "天"))
            if matches { out.append(value) }
        }
        for (index, item) in ruleSet.derived.enumerated() where item.unit == unit && slots?.contains(item.slot) ?? true
        {
            if case .number(let value) = assessment.derivedValue(index) { out.append(value) }
        }
        return out
    }

    /// The bounds of `text` that no known fact of the project satisfies; only the slots in `slots` count when
    /// given (the facts a rule's condition reads).
    static func contradictions(_ text: String, _ assessment: Assessment, slots: Set<Int>? = nil) -> [Bound] {
        bounds(in: text).filter { bound in
            let known = values(assessment, unit: bound.unit, slots: slots)
            return !known.isEmpty && !known.contains(where: bound.holds)
        }
    }

    /// Input and derived slots a list of conditions reads.
    static func slots(_ conditions: [CompiledExpression?]) -> Set<Int> {
        Set(conditions.compactMap { $0 }.flatMap(\.references))
    }

    /// Every sentence the report takes from the rules as a statement about the project, with the slots its
    /// condition reads: each decided level's reason (its band and the bands before it), each floor that fired on
    /// the facts.
    static func claims(_ assessment: Assessment) -> [(text: String, slots: Set<Int>)] {
        let model = ReportModel(assessment)
        let ruleSet = assessment.ruleSet
        var out: [(String, Set<Int>)] = []
        for (index, factor) in model.factors.enumerated() where factor.isApplicable {
            let rules = ruleSet.factors[index]
            for (level, bands) in [
                (factor.before.probability, rules.probability), (factor.before.impact, rules.impact),
            ] {
                guard let because = level.because, level.missing.isEmpty, level.band >= 0 else { continue }
                let read = slots(bands[...level.band].map(\.condition) + [rules.applicability])
                out.append((because, read))
            }
        }
        for floor in model.floors where !floor.undecided {
            let condition = ruleSet.floors.first { $0.id == floor.id }?.condition
            out.append((floor.statement, slots([condition])))
        }
        return out
    }

    /// The text of an HTML report without its style sheet and tags.
    static func visibleText(_ html: String) -> String {
        let body = html.components(separatedBy: "</style>").last ?? html
        return body.replacingOccurrences(of: "<[^>]+>", with: " ", options: .regularExpression)
    }

    @Test(arguments: projects)
    func noReportStatesABoundItsFactsContradict(_ file: String) throws {
        let assessment = try ReportTests.assess(FixtureTests.root + "/" + file)
        let markdown = MarkdownReportRenderer.render(assessment)
        // Strictly: each sentence from the rules, against the facts its own condition reads.
        for claim in Self.claims(assessment) {
            #expect(markdown.contains(claim.text), "\(file): claim not in report")
            let wrong = Self.contradictions(claim.text, assessment, slots: claim.slots)
            #expect(wrong.isEmpty, "\(file): \(claim.text) states \(wrong)")
        }
        // Leniently: every bound anywhere in the report, against every known fact with its unit.
        #expect(Self.contradictions(markdown, assessment).isEmpty, "\(file) (Markdown)")
        let html = Self.visibleText(HTMLReportRenderer.render(assessment))
        #expect(Self.contradictions(html, assessment).isEmpty, "\(file) (HTML)")
    }

    @Test(arguments: projects)
    func levelsAndFloorsLeftToTheUnknownPolicySayWhatIsMissing(_ file: String) throws {
        let model = ReportModel(try ReportTests.assess(FixtureTests.root + "/" + file))
        for factor in model.factors where factor.isApplicable {
            for level in [factor.before.probability, factor.before.impact] where !level.missing.isEmpty {
                #expect(level.because?.hasPrefix("缺少“") == true, "\(file) \(factor.id): \(level.because ?? "")")
            }
        }
        for floor in model.floors where floor.undecided {
            #expect(floor.statement.hasPrefix("缺少“") && floor.because == nil, "\(file) \(floor.id)")
        }
    }

    @Test func surveyGapReportNoLongerCitesTheOppositionBands() throws {
        let file = FixtureTests.root + "/Fixtures/projects/house-expropriation/xa-survey-gap.yaml"
        let markdown = MarkdownReportRenderer.render(try ReportTests.assess(file))
        #expect(!markdown.contains("5%至33%"))
        #expect(markdown.contains("兜底条件“入户调查覆盖率不足95%”成立，项目至少为中风险（决定等级）"))
    }

    @Test func theCheckFindsTheContradictionsTheIssueReported() throws {
        let file = FixtureTests.root + "/Fixtures/projects/house-expropriation/xa-survey-gap.yaml"
        let assessment = try ReportTests.assess(file)  // opposition 2%, survey coverage 90%
        #expect(Self.contradictions("等级含义:反对的被征收人在5%至33%之间", assessment).map(\.text) == ["5%至33%"])
        let opposition = try #require(assessment.ruleSet.inputs.first { $0.name == "opposition_rate" }?.slot)
        #expect(Self.contradictions("反对的被征收人超过33%", assessment, slots: [opposition]).map(\.text) == ["超过33%"])
        #expect(Self.contradictions("反对率不低于5%", assessment, slots: [opposition]).map(\.text) == ["不低于5%"])
        #expect(Self.contradictions("入户调查覆盖率不足95%;反对的被征收人低于5%", assessment).isEmpty)
        #expect(Self.contradictions("被征收户数在300户以上", assessment).map(\.text) == ["300户以上"])  // 150 户
        #expect(Self.contradictions("被征收户数在100户以上", assessment).isEmpty)
        #expect(Self.contradictions("入户调查未覆盖95%以上的被征收人", assessment).isEmpty)
        #expect(Self.contradictions("同意户数未超过95%", assessment).isEmpty)
        #expect(Self.contradictions("入户调查覆盖95%以上", assessment, slots: [opposition + 1]).map(\.text) == ["95%以上"])
    }
}
