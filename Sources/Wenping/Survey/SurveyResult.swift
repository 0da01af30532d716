/// What a survey yields.
///
/// The facts with their samples and intervals, the table of answers, the per-area breakdowns and the rows left
/// out. Built by ``SurveyImport``; written by ``SurveyFragmentWriter`` and
/// ``SurveySummaryRenderer``.
public struct SurveyResult: Sendable {
    /// One computed fact.
    struct Fact: Sendable, Hashable {
        enum Kind: String, Sendable, Hashable {
            /// A sample proportion: `count / n` with a Wilson 95% interval.
            case rate
            /// Valid questionnaires / households: a count against a known total, exact (lower = upper = value).
            case coverage
        }
        let name: String
        let label: String
        let kind: Kind
        /// Numerator: answers counted (or valid questionnaires, for coverage).
        let count: Int
        /// Denominator: the sample size (or households, for coverage).
        let n: Int
        let lower: Double
        let upper: Double
        /// The question it reads (nil for coverage), and the answers in the numerator and the denominator.
        let question: String?
        let counted: [String]
        let base: [String]

        var value: Double { n == 0 ? 0 : Double(count) / Double(n) }
    }

    /// One question's answers among the valid questionnaires.
    struct Question: Sendable, Hashable {
        let id: String
        let label: String
        let column: String
        let answers: [(value: String, count: Int)]
        let unanswered: Int

        static func == (lhs: Question, rhs: Question) -> Bool {
            lhs.id == rhs.id && lhs.answers.map(\.value) == rhs.answers.map(\.value)
                && lhs.answers.map(\.count) == rhs.answers.map(\.count) && lhs.unanswered == rhs.unanswered
        }

        func hash(into hasher: inout Hasher) { hasher.combine(id) }
    }

    struct Area: Sendable {
        let name: String
        let valid: Int
        let facts: [Fact]
    }

    let title: String
    let method: String?
    let from: String?
    let to: String?
    let households: Int?
    /// File name (no folders) and SHA-256 of the responses file.
    let source: String
    let sourceDigest: String
    let specSource: String
    public let rows: Int
    public let blank: Int
    public let valid: Int
    public let invalidRows: [Int]
    let problems: [SurveyTally.Problem]
    let questions: [Question]
    let facts: [Fact]
    let areas: [Area]
    /// The spec's area column, if any.
    let areaColumn: String?

    /// Valid questionnaires / households, when households are known.
    var responseRate: Double? { households.map { Double(valid) / Double($0) } }
}

extension SurveyResult {
    /// The facts of `counts` as the spec defines them.
    static func facts(_ spec: SurveySpec, _ counts: SurveyTally.Counts, households: Int?) -> [Fact] {
        spec.facts.compactMap { fact in
            switch fact.kind {
            case .coverage:
                guard let households else { return nil }
                let value = Double(counts.valid) / Double(households)
                return Fact(
                    name: fact.name, label: fact.label, kind: .coverage, count: counts.valid, n: households,
                    lower: value, upper: value, question: nil, counted: [], base: [])
            case .rate(let q, let counted, let base):
                let question = spec.questions[q]
                let k = counted.reduce(0) { $0 + counts.answers[q][$1] }
                let n = base.reduce(0) { $0 + counts.answers[q][$1] }
                let interval = WilsonInterval(count: k, n: n)
                return Fact(
                    name: fact.name, label: fact.label, kind: .rate, count: k, n: n, lower: interval?.lower ?? 0,
                    upper: interval?.upper ?? 1, question: question.id,
                    counted: counted.map { question.answers[$0].value }, base: base.map { question.answers[$0].value })
            }
        }
    }
}
