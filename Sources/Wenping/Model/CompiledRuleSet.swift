/// A ruleset after compilation: every name, type, level and reference checked, immutable and safe to share
/// between threads.
///
/// Build one with ``RuleSetCompiler`` and evaluate many projects against it. Levels are stored as 0-based
/// indexes into ``probabilityScale``, ``impactScale``, ``degreeLabels`` and ``grades`` (ordered from lowest to
/// highest), so evaluation never looks anything up by name. A class so that every assessment can refer to its
/// ruleset with one reference count, not a copy of every table.
public final class CompiledRuleSet: Sendable {
    public let id: String
    public let title: String
    public let version: String
    /// Effective date `YYYY-MM-DD`, if the file gives one.
    public let effective: String?
    /// The first day this version is no longer in force (`YYYY-MM-DD`), if the file gives one.
    public var expires: String? { period.expires?.description }
    /// The days this version is in force, with where its dates are written.
    let period: ValidityPeriod
    /// Slash-separated region path, most general first: `中国/陕西省/西安市`.
    public let jurisdiction: String
    /// Project kinds this ruleset grades; empty for a base file that only provides shared sections.
    public let appliesTo: [String]
    /// Chinese labels of the kinds in ``appliesTo`` (`house_expropriation` → `房屋征收`), where the file gives them.
    let kindLabels: [String: String]
    /// Whether the ruleset is marked `status: reference`: its local sources are not verified against the current
    /// texts, and every report it grades must say so (``statusBanner``).
    public let isReference: Bool
    /// The documents the ruleset cites, in file order.
    public let basis: [BasisDocument]
    /// The files the ruleset was built from: itself first, then each file it extends.
    public let files: [String]

    let inputs: [Input]
    /// Derived values in dependency order: each reads only inputs and derived values before it.
    let derived: [Derived]
    let probabilityScale: Scale
    let impactScale: Scale
    let degrees: DegreeTable
    /// Grades from least to most severe (低, 中, 高).
    let grades: [Grade]
    let aggregation: Aggregation
    /// Groups whose factor weights were derived by AHP, with their consistency figures.
    let weightGroups: [WeightGroup]
    /// How this ruleset aggregates a project's expert panel (`experts:`); `nil` when the ruleset does not say, and
    /// then the project's panel names its own method.
    let experts: ExpertMethod?
    let factors: [Factor]
    let floors: [Floor]
    /// Number of value slots an evaluation needs: inputs first, then derived values.
    let slotCount: Int
    /// SHA-256 (lowercase hex) of the files' bytes, each preceded by its name: identifies exactly which rules
    /// graded a project.
    public let digest: String
    /// The same rules flattened for the engine.
    let plan: EvaluationPlan
    /// Name tables for binding projects' facts and measures.
    let binding: BindingTables
    /// What every report model of this ruleset shares: citations, short names, per-factor and per-grade texts.
    let reportTables: ReportTables

    init(
        id: String, title: String, version: String, effective: String?, jurisdiction: String, appliesTo: [String],
        kindLabels: [String: String] = [:], isReference: Bool = false, basis: [BasisDocument], files: [String],
        inputs: [Input], derived: [Derived], probabilityScale: Scale,
        impactScale: Scale, degrees: DegreeTable, grades: [Grade], aggregation: Aggregation,
        weightGroups: [WeightGroup], experts: ExpertMethod? = nil, factors: [Factor], floors: [Floor], digest: String,
        period: ValidityPeriod = ValidityPeriod()
    ) {
        self.id = id
        self.title = title
        self.version = version
        self.effective = effective
        self.period = period
        self.jurisdiction = jurisdiction
        self.appliesTo = appliesTo
        self.kindLabels = kindLabels
        self.isReference = isReference
        self.basis = basis
        self.files = files
        self.inputs = inputs
        self.derived = derived
        self.probabilityScale = probabilityScale
        self.impactScale = impactScale
        self.degrees = degrees
        self.grades = grades
        self.aggregation = aggregation
        self.weightGroups = weightGroups
        self.experts = experts
        self.factors = factors
        self.floors = floors
        self.slotCount = inputs.count + derived.count
        self.digest = digest
        self.plan = EvaluationPlan(
            derived: derived, factors: factors, floors: floors, aggregation: aggregation, probability: probabilityScale,
            impact: impactScale, degrees: degrees)
        self.binding = BindingTables(inputs: inputs, factors: factors)
        self.reportTables = ReportTables(
            title: title, basis: basis, inputs: inputs, factors: factors, floors: floors, grades: grades,
            probabilityLevels: probabilityScale.levels.count, impactLevels: impactScale.levels.count)
    }

    /// How many risk factors the ruleset defines.
    public var factorCount: Int { factors.count }

    /// Grade ids from least to most severe (`低`, `中`, `高`).
    public var gradeIDs: [String] { grades.map(\.id) }
    /// The grades' labels (`高风险`), in the same order as ``gradeIDs``.
    public var gradeLabels: [String] { grades.map(\.label) }

    /// True for a base file (no `applies_to`): it is checked but never selected to grade a project.
    public var isBase: Bool { appliesTo.isEmpty }

    /// The banner every report graded by a reference ruleset opens with; `nil` for verified rules.
    public var statusBanner: String? { isReference ? Self.referenceBanner : nil }

    /// The text of the reference-rules banner.
    public static let referenceBanner = "参考规则，正式使用前应以现行文件原文校核"

    /// The Chinese label of a project kind this ruleset grades (`house_expropriation` → `房屋征收`); the kind itself
    /// when the file gives no label; `nil` when the ruleset does not grade `kind` (by key or label).
    public func kindLabel(for kind: String) -> String? {
        guard let key = kindKey(for: kind) else { return nil }
        return kindLabels[key] ?? key
    }

    /// The kind key (`house_expropriation`) for a kind written by key or by its label (`房屋征收`); `nil` when
    /// this ruleset does not grade it.
    public func kindKey(for kind: String) -> String? {
        if appliesTo.contains(kind) { return kind }
        return appliesTo.first { kindLabels[$0] == kind }
    }

    /// The grade's decision sentence as this ruleset words it (`不予审批…`), by grade id or label.
    public func decision(forGrade grade: String) -> String? {
        grades.first { $0.id == grade || $0.label == grade }?.decision
    }
}

/// A document cited as basis, such as `reg590` → 《国有土地上房屋征收与补偿条例》.
public struct BasisDocument: Sendable, Hashable, Codable {
    public let key: String
    public let title: String
}

/// A citation of a basis document with an optional article: `reg590 第十九条`.
struct BasisCitation: Sendable, Hashable {
    let key: String
    let title: String
    let detail: String

    /// `《…》第十九条`, as printed in reports.
    var text: String { detail.isEmpty ? title : "\(title)\(detail)" }
}

extension CompiledRuleSet {
    /// A fact a project gives, with its type and limits.
    struct Input: Sendable {
        enum Kind: String, Sendable {
            case integer, number, percent, boolean
            case enumeration = "enum"
            case text, date
        }
        let name: String
        let label: String
        let kind: Kind
        /// For `enum` inputs: the domain, with keys and labels.
        let domain: EnumDomain?
        let unit: String?
        /// Inclusive bounds, in the input's unit (percent as a fraction: 85% is 0.85).
        let min: Double?
        let max: Double?
        let isRequired: Bool
        let defaultValue: Value?
        let description: String?
        let slot: Int
        let location: SourceLocation
    }

    struct Derived: Sendable {
        let name: String
        let label: String
        let unit: String?
        let expression: CompiledExpression
        let slot: Int
    }

    /// Probability or impact levels, lowest first.
    struct Scale: Sendable {
        struct Level: Sendable {
            let label: String
            /// The number used in products and the composite index.
            let value: Double
        }
        let levels: [Level]
    }

    /// The single-factor degree for every probability × impact pair.
    struct DegreeTable: Sendable {
        /// Degree labels from least to most severe (微小 … 重大).
        let labels: [String]
        /// `table[p][i]` is the degree index for probability index `p` and impact index `i`.
        let table: [[Int]]
    }

    struct Grade: Sendable {
        let id: String
        let label: String
        let description: String?
        /// What the grade means for the project's approval, worded as this ruleset's source words it.
        let decision: String
        /// Where ``decision`` comes from (`ndrc2492 第七条`, `reg590 第十二条`); may be empty.
        let decisionBasis: [BasisCitation]
        /// Whether a project at this grade after measures may proceed.
        let proceeds: Bool
        /// Where the grade's definition (``description``) comes from.
        let basis: [BasisCitation]
    }

    /// What to do when a condition cannot be decided because optional facts are absent.
    enum UnknownPolicy: String, Sendable {
        /// Take the most severe outcome the condition could lead to, and warn.
        case cautious
        /// Treat the condition as not met, and warn.
        case ignore
    }

    struct Aggregation: Sendable {
        struct Cut: Sendable {
            /// Inclusive lower bound of the index for this grade.
            let atLeast: Double
            let grade: Int
        }
        struct Rule: Sendable {
            let id: String
            let condition: CompiledExpression
            let grade: Int
            let because: String?
            let basis: [BasisCitation]
        }
        /// Index thresholds, highest first; the first whose bound the index reaches wins.
        let indexCuts: [Cut]
        /// The grade when the index is below every cut.
        let indexElse: Int
        let rules: [Rule]
        let unknownPolicy: UnknownPolicy
    }

    /// Factors whose weights come from an AHP pairwise comparison matrix.
    struct WeightGroup: Sendable {
        let id: String
        let label: String?
        let factors: [String]
        /// Priority weights within the group (summing to 1), in ``factors`` order.
        let weights: [Double]
        /// The group's share of the total weight; a factor's weight is `share × weights[i]`.
        let share: Double
        let lambdaMax: Double
        let consistencyIndex: Double
        let consistencyRatio: Double
    }

    struct Band: Sendable {
        /// The id measures name in `cures`, if the band has one.
        let id: String?
        /// `nil` for the closing `else` band.
        let condition: CompiledExpression?
        /// 0-based level index on the factor's scale.
        let level: Int
        let because: String?
        let location: SourceLocation
    }

    struct Measure: Sendable {
        let id: String
        let label: String
        let owner: String
        let assisting: String?
        let deadline: String?
        /// Levels the measure lowers probability and impact by (never below the lowest level).
        let lowersProbability: Int
        let lowersImpact: Int
        /// Indexes of the probability and impact bands the measure cures (`nil`: every band).
        ///
        /// A measure lowers a level only when the band that set it is one it cures.
        let curesProbability: Set<Int>?
        let curesImpact: Set<Int>?
        /// When this holds on the facts the measure is already in place: adopting it changes nothing.
        let satisfied: CompiledExpression?

        /// Whether the measure names the bands it cures.
        var namesCures: Bool { curesProbability != nil || curesImpact != nil }
    }

    struct Factor: Sendable {
        let id: String
        let label: String
        let category: String?
        let stage: String?
        let weight: Double
        let basis: [BasisCitation]
        /// `nil` when the factor always applies.
        let applicability: CompiledExpression?
        /// `source: experts`: probability and impact come from the project's expert panel (aggregated by the
        /// ruleset's ``CompiledRuleSet/experts`` method), and the bands are not used while the panel scored it.
        let fromExperts: Bool
        /// Non-empty; the last band is the `else` band.
        let probability: [Band]
        let impact: [Band]
        let measures: [Measure]
        let location: SourceLocation
    }

    /// The aggregation method a ruleset prescribes for expert panels.
    struct ExpertMethod: Sendable {
        let method: ExpertPanel.Method
        let defuzzify: ExpertPanel.Defuzzification
    }

    struct Floor: Sendable {
        let id: String
        let label: String?
        let condition: CompiledExpression
        let grade: Int
        let basis: [BasisCitation]
        let because: String?
        let unknownPolicy: UnknownPolicy
        let location: SourceLocation
    }
}
