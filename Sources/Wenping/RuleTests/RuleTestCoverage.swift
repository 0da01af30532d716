/// What the rule tests reached in one ruleset: every band, floor, count rule and measure, and whether some case
/// reached it.
///
/// An item is reached when, in at least one case graded by this ruleset:
/// - a band set its factor's probability or impact level (its condition held, or it is the `else` band that
///   closed the list); a band chosen only because missing data made an earlier condition undecidable does not
///   count;
/// - a floor fired because its condition held (not only by the cautious policy on missing data);
/// - a count rule held, before or after measures;
/// - a measure was adopted and lowered the level of a factor that offers it;
/// - a measure that names the bands it cures (`cures`) was adopted where the band that set the level is not one
///   it cures, so it changed nothing (the "cure does not apply" case);
/// - an index threshold decided the grade alone: the index grade was more severe than every count rule and floor
///   that held (before or after measures).
public struct RuleTestCoverage: Sendable {
    /// The kinds of item coverage counts.
    public enum Kind: Sendable, CaseIterable {
        case band
        case floor
        case rule
        case measure
        case cure
        case index

        /// `分档`, `兜底条件`, `数量规则`, `措施`, `措施不对症` or `综合指数单独定级`.
        public var name: String {
            switch self {
            case .band: "分档"
            case .floor: "兜底条件"
            case .rule: "数量规则"
            case .measure: "措施"
            case .cure: "措施不对症"
            case .index: "综合指数单独定级"
            }
        }
    }

    /// One band, floor, count rule or measure.
    public struct Item: Sendable {
        public let kind: Kind
        /// What the item is, in Chinese: `风险因素 opposition 风险概率第 2 档：opposition_rate > 30% → 较高`.
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
        /// `[factor, measure]` of measures whose cure did not apply.
        var uncured: Set<[Int]> = []
        /// Index cut numbers that decided a grade alone.
        var indexCuts: Set<Int> = []
    }

    private(set) var reach: [ObjectIdentifier: Reach] = [:]

    mutating func record(_ assessment: Assessment) {
        let ruleSet = assessment.ruleSet
        var reached = reach[ObjectIdentifier(ruleSet)] ?? Reach()
        var undecided: Set<Assessment.Unknown.Place> = []
        for unknown in assessment.unknowns { undecided.insert(unknown.place) }
        // A factor the expert panel graded (or the strict rule for a missing panel) reached no band.
        for (index, result) in assessment.factors.enumerated()
        where result.applicability.isApplicable && result.probabilityBand >= 0 {
            if !undecided.contains(.probability(factor: index, band: result.probabilityBand)) {
                reached.bands.insert([index, 0, result.probabilityBand])
            }
            if !undecided.contains(.impact(factor: index, band: result.impactBand)) {
                reached.bands.insert([index, 1, result.impactBand])
            }
        }
        for effect in assessment.measureEffects {
            switch effect.outcome {
            case .lowered: reached.measures.insert([effect.factor, effect.measure])
            case .causeNotCured: reached.uncured.insert([effect.factor, effect.measure])
            default: break
            }
        }
        let floorGrade = assessment.floors.map { ruleSet.floors[$0].grade }.max() ?? -1
        for outcome in [assessment.before, assessment.after] {
            let ruleGrade =
                ruleSet.aggregation.rules.indices.filter { outcome.rules & (1 << UInt64($0)) != 0 }
                .map { ruleSet.aggregation.rules[$0].grade }.max() ?? -1
            guard outcome.indexGrade > max(ruleGrade, floorGrade) else { continue }
            if let cut = ruleSet.aggregation.indexCuts.firstIndex(where: { $0.grade == outcome.indexGrade }) {
                reached.indexCuts.insert(cut)
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
                        + (band.condition.map { "第 \(number + 1) 档：\($0.source)" } ?? " else 档")
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
                if measure.namesCures {
                    items.append(
                        .init(
                            kind: .cure,
                            description: "风险因素 \(factor.id) 的措施 \(measure.id) 在成因不对症时不降低等级",
                            location: locator.measure(measure.id, of: factor),
                            reached: reached.uncured.contains([index, number])))
                }
            }
        }
        if !ruleSet.factors.isEmpty {
            for (number, cut) in ruleSet.aggregation.indexCuts.enumerated() {
                items.append(
                    .init(
                        kind: .index,
                        description:
                            "综合风险指数 ≥ \(Formatting.number(cut.atLeast, digits: 4)) 单独得出\(ruleSet.grades[cut.grade].id)（数量规则和兜底条件得出的等级更低）",
                        location: nil, reached: reached.indexCuts.contains(number)))
            }
        }
        return RuleTestCoverage(ruleSetID: ruleSet.id, items: items)
    }
}
