/// What became of one input of a batch: the line it gets in the summary files.
///
/// Rows are kept small (a few short strings and numbers, plus shared references to the ruleset): the batch holds
/// only the rows still waiting for an earlier input to finish, never one per input.
struct BatchRow: Sendable {
    /// The grading of a project that was graded.
    struct Grading: Sendable {
        let ruleSet: CompiledRuleSet
        let gradeBefore: String
        let gradeAfter: String
        /// 0-based severity of ``gradeAfter`` in its ruleset.
        let severityAfter: Int
        let indexBefore: Double
        let indexAfter: Double
        /// Indexes into the ruleset's factors of the main risk factors (at most three, largest contribution to the
        /// index before measures first), as in the report's 评估结论.
        let mainFactors: [Int]
        /// Labels of the facts whose absence left a decision to the unknown policy (``Assessment/missingFacts``).
        let missingFacts: [String]
        /// How many facts the ruleset's defaults replaced.
        let defaultedCount: Int
        /// How the ruleset's version was chosen, when a date or a named version took part.
        let versionChoice: VersionChoice?
    }

    /// A warning about a project that was still graded (W545, W546, W547 …).
    struct Warning: Sendable {
        let code: String
        let message: String
    }

    /// 1-based position of the input in the batch (序号).
    var sequence: Int
    /// Where the input came from: the file and, for JSON Lines and CSV, the line or row.
    var file: String
    var line: Int?
    /// The project's own fields, when it was read far enough to know them.
    var id: String?
    var name: String?
    var kind: String?
    /// The kind's Chinese name from the project's ruleset (`房屋征收`), nil when the ruleset gives none.
    var kindLabel: String?
    var jurisdiction: String?
    /// Set when the project was graded.
    var grading: Grading?
    /// Report files written, relative to the output folder (`reports/XA-2025-001.json`).
    var reports: [String] = []
    /// The project's line of `reports.jsonl` (``ReportStream``), when the batch writes one and it was graded.
    var streamed: [UInt8]?
    /// Set when the input was not graded (or its reports could not be written).
    var issue: BatchIssue?
    /// Warnings from reading the project, which was graded all the same (usually none).
    var warnings: [Warning] = []
    /// Whether the grade after measures is at or above `--fail-on`.
    var reachedThreshold = false
    /// The row as written in `summary.csv`, `summary.json` and `index.html`, rendered by the worker thread.
    var lines: SummaryWriter.Lines?

    var isGraded: Bool { issue == nil && grading != nil }

    /// Labels of the main risk factors.
    var mainFactorLabels: [String] {
        guard let grading else { return [] }
        return grading.mainFactors.map { grading.ruleSet.factors[$0].label }
    }

    /// Ids of the main risk factors.
    var mainFactorIDs: [String] {
        guard let grading else { return [] }
        return grading.mainFactors.map { grading.ruleSet.factors[$0].id }
    }
}
