/// A ruleset flattened for evaluation: every program in one instruction array and every table as plain values,
/// so grading a project touches no reference-counted object per condition.
///
/// Built once by the compiler; ``Engine`` reads it through unsafe buffer pointers. Indexes mirror the
/// ``CompiledRuleSet`` the plan was built from (factor `i` here is factor `i` there). A class, so that taking
/// the plan for an evaluation costs one reference count rather than one per table.
final class EvaluationPlan: Sendable {
    /// A slice of ``code``.
    ///
    /// `count == 0` means "no condition": an `else` band, or a factor that always applies.
    struct Program: Sendable {
        var start: Int32
        var count: Int32
        var stack: Int32

        static let none = Program(start: 0, count: 0, stack: 0)
    }

    struct Band: Sendable {
        var program: Program
        var level: Int32
    }

    /// A measure as the engine applies it.
    struct Measure: Sendable {
        /// The `satisfied_when` condition; `count == 0` when the measure has none.
        var satisfied: Program
        var lowersProbability: Int32
        var lowersImpact: Int32
        /// Bit `b` set when the measure cures probability (impact) band `b`; all bits when it names no cures.
        var curesProbability: UInt64
        var curesImpact: UInt64
        var namesCures: Bool
    }

    struct Factor: Sendable {
        var applicability: Program
        /// This factor's measures are `measures[firstMeasure..<firstMeasure + measure count]`.
        var firstMeasure: Int32
        /// Probability bands are `bands[firstProbability..<firstImpact]`, impact bands `bands[firstImpact..<end]`.
        var firstProbability: Int32
        var firstImpact: Int32
        var end: Int32
        var weight: Double
        /// Probability and impact come from the project's expert panel (`source: experts`).
        var fromExperts: Bool
    }

    struct Check: Sendable {
        var program: Program
        var grade: Int32
        var cautious: Bool
    }

    let code: [Instruction]
    let derived: [Program]
    let factors: [Factor]
    let bands: [Band]
    let measures: [Measure]
    let floors: [Check]
    let rules: [Check]
    let probabilityValues: [Double]
    let impactValues: [Double]
    /// Degree index of probability `p` and impact `i` at `p * impactCount + i`.
    let degreeTable: [Int32]
    let impactCount: Int
    let degreeCount: Int
    let indexCuts: [CompiledRuleSet.Aggregation.Cut]
    let indexElse: Int
    let cautious: Bool
    /// Whether any condition reads a survey sample (`lower`, `upper`, `sample`): only then does the engine append
    /// the estimate region (see ``EstimateLayout``).
    let readsEstimates: Bool

    init(
        derived: [CompiledRuleSet.Derived], factors: [CompiledRuleSet.Factor], floors: [CompiledRuleSet.Floor],
        aggregation: CompiledRuleSet.Aggregation, probability: CompiledRuleSet.Scale, impact: CompiledRuleSet.Scale,
        degrees: CompiledRuleSet.DegreeTable
    ) {
        var code: [Instruction] = []
        func add(_ expression: CompiledExpression?) -> Program {
            guard let expression else { return .none }
            let program = Program(
                start: Int32(code.count), count: Int32(expression.program.instructions.count),
                stack: Int32(max(1, expression.program.stackCapacity)))
            code.append(contentsOf: expression.program.instructions)
            return program
        }
        self.derived = derived.map { add($0.expression) }
        var bands: [Band] = []
        var measures: [Measure] = []
        func mask(_ cures: Set<Int>?) -> UInt64 {
            guard let cures else { return .max }
            return cures.reduce(0) { $1 < 64 ? $0 | (1 << UInt64($1)) : $0 }
        }
        self.factors = factors.map { factor in
            let applicability = add(factor.applicability)
            let firstMeasure = Int32(measures.count)
            for measure in factor.measures {
                measures.append(
                    Measure(
                        satisfied: add(measure.satisfied), lowersProbability: Int32(measure.lowersProbability),
                        lowersImpact: Int32(measure.lowersImpact), curesProbability: mask(measure.curesProbability),
                        curesImpact: mask(measure.curesImpact), namesCures: measure.namesCures))
            }
            let firstProbability = Int32(bands.count)
            for band in factor.probability {
                bands.append(Band(program: add(band.condition), level: Int32(band.level)))
            }
            let firstImpact = Int32(bands.count)
            for band in factor.impact { bands.append(Band(program: add(band.condition), level: Int32(band.level))) }
            return Factor(
                applicability: applicability, firstMeasure: firstMeasure, firstProbability: firstProbability,
                firstImpact: firstImpact,
                end: Int32(bands.count), weight: factor.weight, fromExperts: factor.fromExperts)
        }
        self.bands = bands
        self.measures = measures
        self.floors = floors.map {
            Check(program: add($0.condition), grade: Int32($0.grade), cautious: $0.unknownPolicy == .cautious)
        }
        self.rules = aggregation.rules.map {
            Check(program: add($0.condition), grade: Int32($0.grade), cautious: aggregation.unknownPolicy == .cautious)
        }
        self.code = code
        probabilityValues = probability.levels.map(\.value)
        impactValues = impact.levels.map(\.value)
        impactCount = impact.levels.count
        degreeTable = degrees.table.flatMap { $0.map(Int32.init) }
        degreeCount = degrees.labels.count
        indexCuts = aggregation.indexCuts
        indexElse = aggregation.indexElse
        cautious = aggregation.unknownPolicy == .cautious
        readsEstimates = code.contains { if case .estimate = $0 { true } else { false } }
    }
}
