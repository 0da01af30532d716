/// The result of grading one project: every factor's estimate before and after measures, the index, the floors
/// and count rules that fired, the grade before and after measures, and what data was missing.
///
/// Levels are 0-based indexes into the ruleset's scales, degrees and grades; the report renderers turn them into
/// labels. An assessment is a pure function of its project and ruleset, so it renders byte-identically every time.
public struct Assessment: Sendable {
    /// Whether a factor takes part in the assessment.
    enum Applicability: UInt8, Sendable {
        case applies
        case notApplicable
        /// The applicability condition could not be decided (missing data) and the cautious policy applied it.
        case assumedApplicable
        /// The applicability condition could not be decided and the ignore policy left the factor out.
        case assumedNotApplicable

        var isApplicable: Bool { self == .applies || self == .assumedApplicable }
    }

    /// One factor's levels at one point (before or after measures).
    struct Estimate: Sendable, Hashable {
        /// Probability and impact level indexes.
        var probability: Int
        var impact: Int
        /// Degree index.
        var degree: Int
    }

    /// What set a factor's probability and impact before measures.
    enum LevelSource: UInt8, Sendable {
        /// The factor's bands (the default).
        case bands
        /// The project's expert panel, as the ruleset prescribes (`source: experts`).
        case experts
        /// The ruleset prescribes the panel, but the project has no scores for this factor: the unknown policy
        /// decided (cautious: the highest levels; ignore: the bands).
        case expertsMissing
    }

    struct FactorResult: Sendable {
        var applicability: Applicability
        /// Which band set each level (index into the factor's band list); -1 when the factor does not apply or
        /// no band set it (the panel, or the cautious policy for a panel that is missing).
        var probabilityBand: Int
        var impactBand: Int
        var before: Estimate
        var after: Estimate
        var source: LevelSource = .bands
    }

    /// The project-level result at one point (before or after measures).
    struct Outcome: Sendable {
        /// Σ wᵢ·Pᵢ·Iᵢ / Σ wᵢ over applicable factors; 0 when none applies.
        var index: Double
        var indexGrade: Int
        /// The aggregation count rules that held: bit `i` set for rule `i` (the compiler allows at most 64 rules).
        var rules: UInt64
        /// The final grade index: the most severe of the index grade, rules and floors.
        var grade: Int
    }

    /// Where a condition could not be decided because optional facts were absent.
    struct Unknown: Sendable, Hashable {
        enum Place: Sendable, Hashable {
            case applicability(factor: Int)
            case probability(factor: Int, band: Int)
            case impact(factor: Int, band: Int)
            case floor(Int)
            case rule(Int)
            /// The ruleset grades the factor by the expert panel and the project has no scores for it.
            case experts(factor: Int)
        }
        var place: Place
    }

    /// What one adopted measure did to one factor that offers it, in the factor's measure order.
    ///
    /// Measures on one factor add up, each from the level the earlier ones left, and stop at the lowest level.
    struct MeasureEffect: Sendable, Hashable {
        enum Outcome: UInt8, Sendable {
            /// The measure lowered probability or impact (by ``probability`` and ``impact`` levels).
            case lowered
            /// The factor does not apply to the project, so the measure has nothing to lower.
            case factorNotApplicable
            /// The measure's `satisfied_when` holds on the facts: it is already in place.
            case alreadySatisfied
            /// The measure names the bands it cures, and the level came from another band (another cause).
            case causeNotCured
            /// The measure names the bands it cures, and the level was set cautiously for missing facts, so its
            /// cause is not known.
            case causeUnknown
            /// The levels it lowers are already at the lowest (from the facts or earlier measures).
            case alreadyLowest
        }
        /// Factor index and index of the measure in that factor's `measures`.
        var factor: Int
        var measure: Int
        var outcome: Outcome
        /// Levels actually lowered (0 unless ``outcome`` is ``Outcome/lowered``).
        var probability: Int = 0
        var impact: Int = 0

        /// Whether the measure changed anything for this factor.
        var changed: Bool { outcome == .lowered }
    }

    public let project: Project
    let factors: [FactorResult]
    let before: Outcome
    let after: Outcome
    /// The floors that fired, bit `i` for floor `i` (they fire the same before and after measures; the compiler
    /// allows at most 64 floors).
    let firedFloors: UInt64

    /// Indexes of the floors that fired, in ruleset order.
    var floors: [Int] { ruleSet.floors.indices.filter { firedFloors & (1 << UInt64($0)) != 0 } }
    /// Every value slot after evaluation: the project's inputs, then the derived values.
    let slots: [Value]

    /// The value of derived value number `index`.
    func derivedValue(_ index: Int) -> Value { slots[project.values.count + index] }
    let unknowns: [Unknown]
    /// One entry per adopted measure and factor offering it; empty when the project adopted none.
    let measureEffects: [MeasureEffect]

    init(
        project: Project, factors: [FactorResult], before: Outcome, after: Outcome, firedFloors: UInt64,
        slots: [Value], unknowns: [Unknown], measureEffects: [MeasureEffect] = []
    ) {
        self.project = project
        self.factors = factors
        self.before = before
        self.after = after
        self.firedFloors = firedFloors
        self.slots = slots
        self.unknowns = unknowns
        self.measureEffects = measureEffects
    }

    public var ruleSet: CompiledRuleSet { project.ruleSet }

    /// The grade id before measures (`低`, `中`, `高`).
    public var gradeBefore: String { ruleSet.grades[before.grade].id }
    /// The grade id after measures; this is the grade that decides whether the project may proceed.
    public var gradeAfter: String { ruleSet.grades[after.grade].id }
    public var indexBefore: Double { before.index }
    public var indexAfter: Double { after.index }
    /// The input slots that the undecided expression of `unknown` reads and the project did not give (worked out
    /// on demand: the engine's hot path only records where it could not decide).
    func missing(_ unknown: Unknown) -> [Int] {
        let ruleSet = project.ruleSet
        let expression: CompiledExpression? =
            switch unknown.place {
            case .applicability(let factor): ruleSet.factors[factor].applicability
            case .probability(let factor, let band): ruleSet.factors[factor].probability[band].condition
            case .impact(let factor, let band): ruleSet.factors[factor].impact[band].condition
            case .floor(let index): ruleSet.floors[index].condition
            case .rule(let index): ruleSet.aggregation.rules[index].condition
            case .experts: nil
            }
        return expression.map { Engine.missing($0, project) } ?? []
    }

    /// Whether the project may proceed: its grade after measures allows it.
    public var mayProceed: Bool { ruleSet.grades[after.grade].proceeds }
    /// 0-based severity of the grade after measures (0 = least severe).
    public var severityAfter: Int { after.grade }
}
