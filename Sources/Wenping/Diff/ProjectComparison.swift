/// One project graded by the old and the new rules, and what differs between the two results.
///
/// A project *changed* when its grade before or after measures, its index (by more than 0.0001), any factor's
/// applicability or degree, or the floors that fire differ, or when it could be graded by one version only.
/// Factors are matched by id; for each factor whose levels moved, ``factors`` says which band matched before and
/// which matches now.
struct ProjectComparison: Sendable {
    /// One difference in one factor: what it is and its value under each version.
    struct Item: Sendable, Hashable {
        /// Machine name for JSON: `applies`, `probability`, `impact`, `degree_before`, `degree_after`, `weight`,
        /// `presence`.
        var key: String
        /// The same in Chinese for reports: `风险概率`.
        var name: String
        var old: String
        var new: String
    }

    /// The differences in one factor.
    struct Factor: Sendable {
        var id: String
        var label: String
        var items: [Item]
    }

    /// Differences smaller than this in the index are rounding, not change.
    static let indexTolerance = 0.0001

    var file: String
    var old: Assessment?
    var new: Assessment?
    /// Why the project could not be graded by a version (the first error), when it could not.
    var oldError: String?
    var newError: String?
    private(set) var factors: [Factor] = []

    init(file: String, old: Assessment?, new: Assessment?, oldError: String?, newError: String?) {
        self.file = file
        self.old = old
        self.new = new
        self.oldError = oldError
        self.newError = newError
        if let old, let new { factors = Self.compareFactors(old, new) }
    }

    var id: String { (new ?? old)?.project.id ?? "" }
    var name: String { (new ?? old)?.project.name ?? "" }

    /// Whether anything a report shows differs.
    var isChanged: Bool {
        guard let old, let new else { return (old == nil) != (new == nil) }
        return gradeChanged || indexChanged || !factors.filter { $0.items.contains { $0.key != "weight" } }.isEmpty
            || old.floors.map { old.ruleSet.floors[$0].id } != new.floors.map { new.ruleSet.floors[$0].id }
            || old.ruleSet.id != new.ruleSet.id
    }

    /// Whether the grade before or after measures differs.
    var gradeChanged: Bool {
        guard let old, let new else { return false }
        return old.gradeBefore != new.gradeBefore || old.gradeAfter != new.gradeAfter
    }

    var indexChanged: Bool {
        guard let old, let new else { return false }
        return abs(old.indexBefore - new.indexBefore) > Self.indexTolerance
            || abs(old.indexAfter - new.indexAfter) > Self.indexTolerance
    }

    private static func compareFactors(_ old: Assessment, _ new: Assessment) -> [Factor] {
        var result: [Factor] = []
        let oldIndex = Dictionary(uniqueKeysWithValues: old.ruleSet.factors.enumerated().map { ($1.id, $0) })
        let newIndex = Dictionary(uniqueKeysWithValues: new.ruleSet.factors.enumerated().map { ($1.id, $0) })
        var ids = new.ruleSet.factors.map(\.id)
        ids += old.ruleSet.factors.map(\.id).filter { newIndex[$0] == nil }
        for id in ids {
            let before = oldIndex[id].map { (definition: old.ruleSet.factors[$0], result: old.factors[$0]) }
            let after = newIndex[id].map { (definition: new.ruleSet.factors[$0], result: new.factors[$0]) }
            let label = after?.definition.label ?? before?.definition.label ?? id
            var items: [Item] = []
            switch (before, after) {
            case (let before?, nil) where before.result.applicability.isApplicable:
                items.append(Item(key: "presence", name: "因素", old: describe(before.result, old), new: "新规则中已删除"))
            case (nil, let after?) where after.result.applicability.isApplicable:
                items.append(Item(key: "presence", name: "因素", old: "原规则中没有", new: describe(after.result, new)))
            case (let before?, let after?):
                items = compare(before, after, old, new)
            default:
                break
            }
            if !items.isEmpty { result.append(Factor(id: id, label: label, items: items)) }
        }
        return result
    }

    private static func compare(
        _ before: (definition: CompiledRuleSet.Factor, result: Assessment.FactorResult),
        _ after: (definition: CompiledRuleSet.Factor, result: Assessment.FactorResult), _ old: Assessment,
        _ new: Assessment
    ) -> [Item] {
        let applies = (before.result.applicability.isApplicable, after.result.applicability.isApplicable)
        guard applies.0 && applies.1 else {
            guard applies.0 != applies.1 else { return [] }
            let show = { (applies: Bool) in applies ? "适用" : "不适用" }
            return [Item(key: "applies", name: "是否适用", old: show(applies.0), new: show(applies.1))]
        }
        var items: [Item] = []
        if before.result.before.probability != after.result.before.probability {
            items.append(
                Item(
                    key: "probability", name: "风险概率",
                    old: level(
                        before.result.before.probability, before.definition.probability, before.result.probabilityBand,
                        old.ruleSet.probabilityScale),
                    new: level(
                        after.result.before.probability, after.definition.probability, after.result.probabilityBand,
                        new.ruleSet.probabilityScale)))
        }
        if before.result.before.impact != after.result.before.impact {
            items.append(
                Item(
                    key: "impact", name: "影响程度",
                    old: level(
                        before.result.before.impact, before.definition.impact, before.result.impactBand,
                        old.ruleSet.impactScale),
                    new: level(
                        after.result.before.impact, after.definition.impact, after.result.impactBand,
                        new.ruleSet.impactScale)))
        }
        let degree = { (assessment: Assessment, index: Int) in assessment.ruleSet.degrees.labels[index] }
        let degreesBefore = (degree(old, before.result.before.degree), degree(new, after.result.before.degree))
        if degreesBefore.0 != degreesBefore.1 {
            items.append(Item(key: "degree_before", name: "措施前风险程度", old: degreesBefore.0, new: degreesBefore.1))
        }
        let degreesAfter = (degree(old, before.result.after.degree), degree(new, after.result.after.degree))
        if degreesAfter.0 != degreesAfter.1 {
            items.append(Item(key: "degree_after", name: "措施后风险程度", old: degreesAfter.0, new: degreesAfter.1))
        }
        if before.definition.weight != after.definition.weight {
            items.append(
                Item(
                    key: "weight", name: "权重", old: Formatting.number(before.definition.weight, digits: 6),
                    new: Formatting.number(after.definition.weight, digits: 6)))
        }
        return items
    }

    /// `较低（第 4 档：opposition_rate > 5%）`: a level and the band that set it.
    private static func level(
        _ level: Int, _ bands: [CompiledRuleSet.Band], _ index: Int, _ scale: CompiledRuleSet.Scale
    ) -> String {
        guard bands.indices.contains(index) else { return scale.levels[level].label }
        let place = bands[index].condition.map { "第 \(index + 1) 档：\($0.source)" } ?? "else 档"
        return "\(scale.levels[level].label)（\(place)）"
    }

    /// `风险程度 较大（概率 中等、影响 较大）`, for a factor only one version has.
    private static func describe(_ result: Assessment.FactorResult, _ assessment: Assessment) -> String {
        let ruleSet = assessment.ruleSet
        return "风险程度 \(ruleSet.degrees.labels[result.before.degree])"
            + "（概率 \(ruleSet.probabilityScale.levels[result.before.probability].label)、"
            + "影响 \(ruleSet.impactScale.levels[result.before.impact].label)）"
    }
}
