/// Everything a report shows, worked out once from an ``Assessment`` as display-ready values, so the JSON,
/// Markdown and HTML renderers (and any later format) agree on every label, number and sentence.
///
/// Invariant: every sentence here is true for the project. Text from the rules that states a condition (a band's
/// `because`, a floor's label) is only used where that condition was decided from the project's facts; where
/// missing data left it undecided, the sentence says what is missing and which level the unknown policy chose.
/// What a grade means in its cited document is kept apart (``gradeMeaning``) and labelled as such.
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
        /// Index of the band that set the level (0-based).
        let band: Int
        /// Why the level holds, true for this project: the band's `because` when its condition was decided, or a
        /// sentence naming the missing facts and the policy that chose the level.
        let because: String?
        let condition: String?
        /// Missing data left a band of this level undecided and the unknown policy chose the level.
        let undecided: Bool
        /// Names of the facts whose absence left this level to the unknown policy (empty when decided).
        let missing: [String]
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
        /// What the measure did for this project (adopted measures) or why it is not needed; `nil` when nothing
        /// is known beyond whether it was adopted.
        let outcome: String?
        /// The facts show the measure is already in place: it is never recommended.
        let isSatisfied: Bool
        /// It was adopted and lowered a level of this factor.
        let lowered: Bool
    }

    struct Factor: Sendable {
        let id: String
        let label: String
        let category: String
        let stage: String?
        let weight: Double
        /// Citations with the full document title.
        let basis: [String]
        /// The same citations, each document by its short name (the report lists the full titles once).
        let basisShort: [String]
        let applicability: String
        let isApplicable: Bool
        /// What set the levels before measures: `bands`, `experts` (the panel, as the ruleset prescribes) or
        /// `experts_missing` (the panel was prescribed and absent: the unknown policy decided).
        let source: String
        let before: Estimate
        let after: Estimate
        let measures: [Measure]
    }

    struct RuleHit: Sendable {
        let id: String
        let grade: String
        let because: String?
    }

    /// One thing that set (or could have set) a grade: the index, a count rule, a floor.
    struct Reason: Sendable {
        /// `index`, `rule` or `floor`.
        let kind: String
        let text: String
        /// Grade id this reason leads to.
        let grade: String
        /// It reaches the project's grade at this point, so it decided it.
        let decisive: Bool
        /// It holds only because missing data was treated by the unknown policy.
        let undecided: Bool
    }

    struct Outcome: Sendable {
        let index: Double
        let indexGrade: String
        let rules: [RuleHit]
        let grade: String
        let gradeLabel: String
        /// Why the project has this grade at this point: the index grade, each count rule that held and each
        /// floor that fired, in that order.
        let reasons: [Reason]
    }

    struct Floor: Sendable {
        let id: String
        let label: String?
        let grade: String
        let basis: [String]
        let because: String?
        let undecided: Bool
        /// The sentence a report prints for it, true for the project.
        let statement: String
    }

    /// A document cited in 评估依据: full title once, and the short name used everywhere after.
    struct Citation: Sendable {
        let key: String
        let title: String
        let short: String
    }

    /// What the cited document says a grade means (not a statement about the project).
    ///
    /// `text` is `nil` when the wording defines the grade by numbers (`反对的被征收人在5%至33%之间`): such a
    /// definition is one criterion among the floors and rules, and may not be the one that graded this project,
    /// so the report names the documents instead of quoting it; the reasons say what did grade it.
    struct GradeMeaning: Sendable {
        let grade: String
        let label: String
        let source: String
        let text: String?
    }

    /// A fact the project did not give that a decision needed, and what the unknown policy did in its place.
    struct MissingFact: Sendable {
        let name: String
        let label: String
        /// One sentence per decision it left open: which level or outcome was taken instead.
        let effects: [String]
    }

    /// A fact the project did not give, replaced by the ruleset's default.
    struct DefaultedFact: Sendable {
        let name: String
        let label: String
        /// The value used, for people (`30 天`).
        let display: String
    }

    /// A notice that opens the report in every format.
    struct Banner: Sendable {
        /// `reference` (rules not checked against the current documents), `incomplete` (facts the grade needed
        /// were missing) or `defaulted` (facts replaced by the ruleset's defaults).
        let kind: String
        let title: String
        let lines: [String]
    }

    /// A 合法性/合理性/可行性/可控性 finding, worked out from the factors of that category.
    struct Finding: Sendable {
        let category: String
        let text: String
    }

    /// 对策建议.
    struct Recommendations: Sendable {
        /// Adopted measures that lowered a level: the grade after measures holds only if they are carried out.
        let required: [String]
        /// Measures not adopted, for factors still in the two highest degrees after measures.
        let suggested: [String]
    }

    /// A section of the report outline given by the project file (评估主体, 过程和方法 …), laid out as blocks.
    struct Section: Sendable {
        let id: String
        let title: String
        let blocks: [Block]
    }

    enum Block: Sendable {
        case paragraph(String)
        /// Label–value pairs.
        case fields([(String, String)])
        case table(headers: [String], rows: [[String]])
        /// Nothing given for this part: the text says what is missing, in a way a reviewer cannot miss.
        case missing(String)
    }

    let assessment: Assessment
    /// Project kind for people (`房屋征收`), and the region without the country (`陕西省西安市`).
    let kindLabel: String
    let jurisdictionLabel: String
    let facts: [Fact]
    let derived: [Fact]
    let factors: [Factor]
    let before: Outcome
    let after: Outcome
    let floors: [Floor]
    let decision: String
    /// Where the decision sentence comes from, documents by short name (may be empty).
    let decisionBasis: [String]
    let gradeMeaning: GradeMeaning?
    let mayProceed: Bool
    /// Ids of the applicable factors with the largest contribution before measures (at most three, ties by order).
    let mainFactors: [String]
    let warnings: [String]
    let citations: [Citation]
    let missingFacts: [MissingFact]
    let defaultedFacts: [DefaultedFact]
    let banners: [Banner]
    let findings: [Finding]
    let recommendations: Recommendations
    /// Outline sections from the project file, in report order (each either filled or stating `未提供`).
    let sections: [Section]
    /// 报告编号, 评估日期, 委托方 as label–value pairs (`未提供` when absent).
    let reportFields: [(String, String)]
    /// 编制, 审核, 批准 rows: role, name, date (`未提供` / `—` when absent); empty when the file has no sign-off.
    let signOff: [[String]]

    var project: Project { assessment.project }
    var ruleSet: CompiledRuleSet { assessment.ruleSet }
    /// No fact was missing where a decision needed it (defaults the rules give do not count).
    var isComplete: Bool { missingFacts.isEmpty }
}

/// A scalar in a report: what a JSON value can be.
enum ReportValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
}

extension ReportModel.Level {
    /// The level label, marked when missing data left its band undecided and the unknown policy chose it.
    var display: String { missing.isEmpty ? label : "\(label)（数据缺失）" }
}

extension ReportModel {
    /// `before → after`, or just `before` when nothing changed.
    static func change(_ before: String, _ after: String) -> String {
        before == after ? before : "\(before) → \(after)"
    }

    /// Names joined so that a `、` inside a name cannot be mistaken for the separator: `“甲、乙”、“丙”`.
    static func list(_ names: [String]) -> String {
        var out = ""
        out.reserveCapacity(names.reduce(0) { $0 + $1.utf8.count + 9 })
        for (position, name) in names.enumerated() {
            if position > 0 { out += "、" }
            out += "“"
            out += name
            out += "”"
        }
        return out
    }

    /// The grade's meaning, labelled with its documents: quoted when it is qualitative, else only where to find it.
    static func meaningSentence(_ meaning: GradeMeaning) -> String {
        guard let text = meaning.text else {
            return "“\(meaning.label)”的划分标准见\(meaning.source)；本项目的等级由上列情形决定"
        }
        return "\(meaning.source)对“\(meaning.label)”的表述，供对照，不是对本项目的认定：\(text)"
    }

    /// The headline: grade after and before measures, then the decision.
    var headline: String {
        "落实措施后为\(after.gradeLabel)（措施前为\(before.gradeLabel)）。\(decision)"
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
        "\(when)综合风险指数为 \(Formatting.index(index))，对应\(escape(indexGrade))风险；"
            + "\(when)项目风险等级为\(strong(escape(gradeLabel)))。"
    }
}
