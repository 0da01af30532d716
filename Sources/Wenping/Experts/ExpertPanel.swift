import WenpingYAML

/// An expert panel's scores for some of a project's risk factors (the `experts:` block of a project file), checked
/// against the ruleset's factors and scales.
///
/// ```yaml
/// experts:
///   method: fuzzy                  # mean(等级均值) 或 fuzzy(模糊综合评价)
///   defuzzify: max_membership      # fuzzy 时:max_membership(最大隶属度)或 weighted_average(加权平均)
///   weights: [1, 1, 1, 1, 1]       # 可选:各专家权重,默认相等
///   scores:
///     compensation-below-market:
///       probability: [较高, 很高, 较高, 中等, 较高]   # 每位专家一项,按专家顺序
///       impact: [较大, 较大, 严重, 较大, 中等]
/// ```
///
/// Experts are anonymous: the file gives positions, never names, and reports call them 专家1…专家N. Invariants
/// once bound: every list has one level per expert, levels are 0-based indexes on the factor's scale, weights are
/// positive and sum to 1.
struct ExpertPanel: Sendable {
    enum Method: String, Sendable {
        /// The weighted mean of the level ranks (1…n), rounded half up.
        case mean
        /// Fuzzy comprehensive evaluation: memberships from the votes, then defuzzified.
        case fuzzy
    }

    enum Defuzzification: String, Sendable {
        /// The level with the largest membership (ties go to the more severe level).
        case maxMembership = "max_membership"
        /// Σ membership × rank, rounded half up.
        case weightedAverage = "weighted_average"
    }

    /// One factor's scores: `probability[k]` and `impact[k]` are expert `k`'s 0-based levels.
    struct Scores: Sendable {
        let factor: Int
        let probability: [Int]
        let impact: [Int]
    }

    let method: Method
    let defuzzify: Defuzzification
    /// Normalised expert weights (Σ = 1), one per expert.
    let weights: [Double]
    let scores: [Scores]

    var expertCount: Int { weights.count }
}

/// The `experts:` block as written, before it is checked against a ruleset.
///
/// `method` may be left out when the ruleset prescribes one (its own `experts:` block); otherwise it is required.
struct ExpertPanelSyntax: Sendable {
    struct Entry: Sendable {
        let factor: Located<String>
        let probability: [Located<String>]
        let impact: [Located<String>]
    }

    let method: Located<String>?
    let defuzzify: Located<String>?
    let weights: [Located<Double>]?
    let entries: [Entry]
    let location: SourceLocation

    static func read(_ node: YAMLNode, _ reader: inout NodeReader) -> ExpertPanelSyntax? {
        guard let top = reader.mapping(node, "专家评分 experts") else { return nil }
        reader.checkKeys(
            top, allowed: ["method", "defuzzify", "weights", "scores"], required: ["scores"], "专家评分 experts")
        let method = reader.string(top["method"], "experts.method")
        let defuzzify = reader.string(top["defuzzify"], "experts.defuzzify")
        var weights: [Located<Double>]?
        if let node = top["weights"], let items = reader.sequence(node, "experts.weights") {
            weights = items.compactMap { reader.number($0, "专家权重") }
        }
        var entries: [Entry] = []
        if let node = top["scores"], let mapping = reader.mapping(node, "experts.scores") {
            for entry in mapping.entries {
                let what = "因素“\(entry.key.value)”的专家评分"
                guard let scores = reader.mapping(entry.value, what) else { continue }
                reader.checkKeys(
                    scores, allowed: ["probability", "impact"], required: ["probability", "impact"], what)
                let factor = Located(
                    value: entry.key.value, location: reader.location(entry.key.mark),
                    length: NodeReader.width(of: entry.key))
                entries.append(
                    Entry(
                        factor: factor, probability: reader.stringList(scores["probability"], "probability") ?? [],
                        impact: reader.stringList(scores["impact"], "impact") ?? []))
            }
        }
        return ExpertPanelSyntax(
            method: method, defuzzify: defuzzify, weights: weights, entries: entries,
            location: reader.location(of: node))
    }
}
