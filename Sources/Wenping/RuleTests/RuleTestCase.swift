/// One rule test case, ready to run: a project typed against its ruleset, and what grading it must give.
///
/// Built by ``RuleTestLoader`` from a case in a `*.test.yaml` file. Every expectation keeps the place it was
/// written, so a failure points at the line to look at.
struct RuleTestCase: Sendable {
    /// The case's `name`, unique within its file.
    var name: String
    /// Where the case's `name` is written.
    var location: SourceLocation
    /// The test file the case is in.
    var file: String
    var project: Project
    var expectations: [RuleTestExpectation]
}

/// One expected value of a rule test case, with where it is written in the test file.
struct RuleTestExpectation: Sendable {
    /// A level of a factor that a case may pin.
    enum Aspect: Sendable {
        case probability
        case impact
        case degree
    }

    /// What is checked against the assessment.
    enum Check: Sendable {
        /// The project grade (index into the ruleset's grades) before or after measures.
        case grade(afterMeasures: Bool, Int)
        /// The composite index before or after measures, within a tolerance.
        case index(afterMeasures: Bool, Double, tolerance: Double)
        /// Whether factor `factor` takes part in the assessment.
        case applies(factor: Int, Bool)
        /// A level index of factor `factor` before or after measures.
        case level(factor: Int, Aspect, afterMeasures: Bool, Int)
        /// The floors that fire: exactly these (`exact`) or at least these.
        case floors(Set<Int>, exact: Bool)
        /// Exactly these count rules hold, before or after measures.
        case rules(Set<Int>, afterMeasures: Bool)
        /// Exactly these input slots are reported missing, and exactly these factors (indexes into the ruleset's
        /// factors, all with `source: experts`) lack the expert scores the rules decide them by.
        case missing(facts: Set<Int>, experts: Set<Int>)
    }

    var check: Check
    /// Where the expected value is written.
    var location: SourceLocation
    /// Columns to underline under the expected value.
    var length: Int
}
