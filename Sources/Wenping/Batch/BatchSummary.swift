/// The totals of a batch: how many inputs were graded and how many were not, the grade distribution, and which
/// rulesets graded them.
///
/// Built one row at a time as rows complete, so it stays the same size however large the batch is.
/// `graded + invalid == total` always holds.
public struct BatchSummary: Sendable {
    /// Inputs accounted for (every input, or every input finished before an interruption).
    public private(set) var total = 0
    public private(set) var graded = 0
    /// Inputs that were not graded (or whose reports could not be written); each has an error entry.
    public private(set) var invalid = 0
    /// Graded projects at or above the `--fail-on` grade after measures.
    public private(set) var reachedThreshold = 0
    /// Graded projects with facts missing where the grade needed them (``Assessment/isComplete`` false).
    public private(set) var incomplete = 0
    /// True when the batch was stopped (Ctrl-C) before every input was read.
    public internal(set) var interrupted = false
    /// The names of the report formats written for each project (``ReportWriter/name``).
    public let formats: [String]
    /// Grade ids in order from least to most severe, as the rules define them.
    let gradeOrder: [String]
    private(set) var gradesBefore: [String: Int] = [:]
    private(set) var gradesAfter: [String: Int] = [:]
    /// The rulesets that graded at least one project, by digest: each version of a dated ruleset counts apart.
    private(set) var ruleSets: [String: CompiledRuleSet] = [:]

    init(formats: [String], gradeOrder: [String]) {
        self.formats = formats
        self.gradeOrder = gradeOrder
    }

    /// Grade ids of every ruleset of `catalog`, least severe first, in the order the rulesets define them.
    static func gradeOrder(_ catalog: RuleSetCatalog) -> [String] {
        var order: [String] = []
        for ruleSet in catalog.ruleSets {
            for grade in ruleSet.gradeIDs where !order.contains(grade) { order.append(grade) }
        }
        return order
    }

    mutating func add(_ row: BatchRow) {
        total += 1
        guard row.isGraded, let grading = row.grading else {
            invalid += 1
            return
        }
        graded += 1
        if row.reachedThreshold { reachedThreshold += 1 }
        if !grading.missingFacts.isEmpty { incomplete += 1 }
        gradesBefore[grading.gradeBefore, default: 0] += 1
        gradesAfter[grading.gradeAfter, default: 0] += 1
        if ruleSets[grading.ruleSet.digest] == nil { ruleSets[grading.ruleSet.digest] = grading.ruleSet }
    }

    /// Every known grade with its count of projects after measures, least severe first.
    public var distributionAfter: [(grade: String, count: Int)] { distribution(gradesAfter) }
    var distributionBefore: [(grade: String, count: Int)] { distribution(gradesBefore) }

    /// The rulesets used, sorted by id, then the versions of one id by effective date (undated first) and version.
    var ruleSetsUsed: [CompiledRuleSet] {
        ruleSets.values.sorted { ($0.id, $0.effective ?? "", $0.version) < ($1.id, $1.effective ?? "", $1.version) }
    }

    private func distribution(_ counts: [String: Int]) -> [(grade: String, count: Int)] {
        let extra = counts.keys.filter { !gradeOrder.contains($0) }.sorted()
        return (gradeOrder + extra).map { ($0, counts[$0, default: 0]) }
    }
}
