/// Everything a report shows, worked out once from an ``Assessment`` as display-ready values, so the JSON,
/// Markdown and HTML renderers agree on every label, number and sentence.
struct ReportModel: Sendable {
    struct Fact: Sendable {
        let name: String
        let label: String
        let type: String
        let unit: String?
        /// The value as JSON-ready scalar: number, bool, string, or nil when absent.
        let value: ReportValue
        /// The value for people, with its unit: `1200 户`, `35%`, `是`, `未提供`.
        let display: String
        /// `given`, `default` or `absent`.
        let source: String
    }

    struct Level: Sendable {
        let level: Int
        let label: String
        /// Index of the band that set the level (0-based), and its `because` text.
        let band: Int
        let because: String?
        let condition: String?
        let undecided: Bool
    }

    struct Estimate: Sendable {
        let probability: Level
        let impact: Level
        let degree: Int
        let degreeLabel: String
        /// P value × I value.
        let score: Double
        /// w·P·I / Σw: this factor's share of the index (0 when not applicable).
        let contribution: Double
    }

    struct Measure: Sendable {
        let id: String
        let label: String
        let owner: String
        let assisting: String?
        let deadline: String?
        let lowersProbability: Int
        let lowersImpact: Int
        let adopted: Bool
    }

    struct Factor: Sendable {
        let id: String
        let label: String
        let category: String
        let stage: String?
        let weight: Double
        let basis: [String]
        let applicability: String
        let isApplicable: Bool
        let before: Estimate
        let after: Estimate
        let measures: [Measure]
    }

    struct RuleHit: Sendable {
        let id: String
        let grade: String
        let because: String?
    }

    struct Outcome: Sendable {
        let index: Double
        let indexGrade: String
        let rules: [RuleHit]
        let grade: String
        let gradeLabel: String
    }

    struct Floor: Sendable {
        let id: String
        let label: String?
        let grade: String
        let basis: [String]
        let because: String?
        let undecided: Bool
    }

    let assessment: Assessment
    let facts: [Fact]
    let derived: [Fact]
    let factors: [Factor]
    let before: Outcome
    let after: Outcome
    let floors: [Floor]
    let decision: String
    let gradeDescription: String?
    let mayProceed: Bool
    /// Ids of the applicable factors with the largest contribution before measures (at most three, ties by order).
    let mainFactors: [String]
    let warnings: [String]

    var project: Project { assessment.project }
    var ruleSet: CompiledRuleSet { assessment.ruleSet }
}

/// A scalar in a report: what a JSON value can be.
enum ReportValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
}

extension ReportModel.Level {
    /// The level label, marked when missing data left its band undecided and the cautious policy chose it.
    var display: String { undecided ? "\(label)(数据缺失,从严)" : label }
}

extension ReportModel {
    /// `before → after`, or just `before` when nothing changed.
    static func change(_ before: String, _ after: String) -> String {
        before == after ? before : "\(before) → \(after)"
    }
}

extension ReportModel.Outcome {
    /// The sentence that closes a report section: the index and its grade, the count rules that held, and the
    /// project grade at that point (`when`: 措施前 or 落实措施后).
    ///
    /// - Parameters:
    ///   - escape: makes rule and grade text safe for the output format.
    ///   - strong: emphasises the final grade label (already escaped).
    func sentence(_ when: String, escape: (String) -> String, strong: (String) -> String) -> String {
        var out = "\(when)综合风险指数为 \(Formatting.number(index)),对应\(escape(indexGrade))风险"
        if !rules.isEmpty {
            let list = rules.map { "\(escape($0.because ?? $0.id))(\(escape($0.grade)))" }
            out += ";数量规则:\(list.joined(separator: "、"))"
        }
        return out + ";\(when)项目风险等级为\(strong(escape(gradeLabel)))。"
    }
}
