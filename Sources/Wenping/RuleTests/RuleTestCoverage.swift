/// What the rule tests reached in one ruleset: every band, floor, count rule and measure, and whether some case
/// reached it.
///
/// An item is reached when, in at least one case graded by this ruleset:
/// - a band set its factor's probability or impact level (its condition held, or it is the `else` band that
///   closed the list); a band chosen only because missing data made an earlier condition undecidable does not
///   count;
/// - a floor fired because its condition held (not only by the cautious policy on missing data);
/// - a count rule held, before or after measures;
/// - a measure was adopted and the factor's level that the measure lowers is lower after measures than before.
public struct RuleTestCoverage: Sendable {
    /// The kinds of item coverage counts.
    public enum Kind: Sendable, CaseIterable {
        case band
        case floor
        case rule
        case measure

        /// `分档`, `兜底条件`, `数量规则` or `措施`.
        public var name: String {
            switch self {
            case .band: "分档"
            case .floor: "兜底条件"
            case .rule: "数量规则"
            case .measure: "措施"
            }
        }
    }

    /// One band, floor, count rule or measure.
    public struct Item: Sendable {
        public let kind: Kind
        /// What the item is, in Chinese: `风险因素 opposition 风险概率第 2 档:opposition_rate > 30% → 较高`.
        public let description: String
        /// Where the item is written, when it can be found.
        public let location: SourceLocation?
        public let reached: Bool
    }

    public let ruleSetID: String
    /// Every item, in ruleset order: bands factor by factor, then floors, count rules and measures.
    public let items: [Item]

    /// How many items of `kind` were reached, and how many there are.
    public func count(_ kind: Kind) -> (reached: Int, total: Int) {
        let all = items.filter { $0.kind == kind }
        return (all.count { $0.reached }, all.count)
    }

    /// The items no case reached, in ruleset order.
    public var unreached: [Item] { items.filter { !$0.reached } }
}

/// Collects, per ruleset, what the assessments of rule test cases reached.
struct CoverageRecorder {
    /// What the cases graded by one ruleset reached.
    struct Reach {
        /// `[factor, 0 or 1 (probability or impact), band]`.
        var bands: Set<[Int]> = []
        var floors: UInt64 = 0
        var rules: UInt64 = 0
        /// `[factor, measure]`.
        var measures: Set<[Int]> = []
    }

    private(set) var reach: [ObjectIdentifier: Reach] = [:]

    mutating func record(_ assessment: Assessment) {
        let ruleSet = assessment.ruleSet
        let project = assessment.project
        var reached = reach[ObjectIdentifier(ruleSet)] ?? Reach()
        var undecided: Set<Assessment.Unknown.Place> = []
        for unknown in assessment.unknowns { undecided.insert(unknown.place) }
        for (index, result) in assessment.factors.enumerated() where result.applicability.isApplicable {
            if !undecided.contains(.probability(factor: index, band: result.probabilityBand)) {
                reached.bands.insert([index, 0, result.probabilityBand])
            }
            if !undecided.contains(.impact(factor: index, band: result.impactBand)) {
                reached.bands.insert([index, 1, result.impactBand])
            }
            for (number, measure) in ruleSet.factors[index].measures.enumerated()
            where project.measures.contains(measure.id) {
                let lowersProbability =
                    measure.lowersProbability > 0 && result.after.probability < result.before.probability
                let lowersImpact = measure.lowersImpact > 0 && result.after.impact < result.before.impact
                if lowersProbability || lowersImpact { reached.measures.insert([index, number]) }
            }
        }
        for index in ruleSet.floors.indices where !undecided.contains(.floor(index)) {
            reached.floors |= assessment.firedFloors & (1 << UInt64(index))
        }
        for index in ruleSet.aggregation.rules.indices where !undecided.contains(.rule(index)) {
            reached.rules |= (assessment.before.rules | assessment.after.rules) & (1 << UInt64(index))
        }
        reach[ObjectIdentifier(ruleSet)] = reached
    }

    /// The coverage of `ruleSet`, every item listed.
    func coverage(of ruleSet: CompiledRuleSet, locator: inout RuleSourceLocator) -> RuleTestCoverage {
        let reached = reach[ObjectIdentifier(ruleSet)] ?? Reach()
        var items: [RuleTestCoverage.Item] = []
        for (index, factor) in ruleSet.factors.enumerated() {
            for (side, bands, scale) in [
                (0, factor.probability, ruleSet.probabilityScale), (1, factor.impact, ruleSet.impactScale),
            ] {
                for (number, band) in bands.enumerated() {
                    let what = side == 0 ? "风险概率" : "影响程度"
                    let description =
                        "风险因素 \(factor.id) \(what)"
                        + (band.condition.map { "第 \(number + 1) 档:\($0.source)" } ?? " else 档")
                        + " → \(scale.levels[band.level].label)"
                    items.append(
                        .init(
                            kind: .band, description: description, location: band.location,
                            reached: reached.bands.contains([index, side, number])))
                }
            }
        }
        for (index, floor) in ruleSet.floors.enumerated() {
            items.append(
                .init(
                    kind: .floor,
                    description: "兜底条件 \(floor.id):\(floor.condition.source) → 至少\(ruleSet.grades[floor.grade].id)",
                    location: floor.location, reached: reached.floors & (1 << UInt64(index)) != 0))
        }
        for (index, rule) in ruleSet.aggregation.rules.enumerated() {
            items.append(
                .init(
                    kind: .rule,
                    description: "数量规则 \(rule.id):\(rule.condition.source) → \(ruleSet.grades[rule.grade].id)",
                    location: locator.rule(rule.id, in: ruleSet), reached: reached.rules & (1 << UInt64(index)) != 0))
        }
        for (index, factor) in ruleSet.factors.enumerated() {
            for (number, measure) in factor.measures.enumerated() {
                items.append(
                    .init(
                        kind: .measure, description: "风险因素 \(factor.id) 的措施 \(measure.id)「\(measure.label)」",
                        location: locator.measure(measure.id, of: factor),
                        reached: reached.measures.contains([index, number])))
            }
        }
        return RuleTestCoverage(ruleSetID: ruleSet.id, items: items)
    }
}
