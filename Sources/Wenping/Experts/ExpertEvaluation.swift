/// The panel's scores worked into levels: per factor and dimension the memberships, the aggregated level, the
/// spread and whether experts disagree strongly; and, for the fuzzy method, the weighted synthesis B = A∘R over the
/// scored factors.
///
/// Ranks are 1…n (n levels on the scale, 1 the lowest). Rounding is half up, and a tie for the largest membership
/// goes to the more severe level, so the panel's result never leans towards less risk than its votes allow.
struct ExpertEvaluation: Sendable {
    /// One factor and dimension (probability or impact).
    struct Judgement: Sendable, Hashable {
        /// Each expert's level, 0-based.
        let votes: [Int]
        /// Membership of each level: the weighted share of experts who chose it (Σ = 1).
        let membership: [Double]
        /// Weighted mean rank Σ wₖ·rankₖ.
        let mean: Double
        /// The aggregated level, 0-based.
        let level: Int
        /// Highest minus lowest level chosen.
        let range: Int
        /// Weighted standard deviation of the ranks.
        let deviation: Double

        /// Strong disagreement: experts at least three levels apart (such as 较低 against 很高).
        var disagrees: Bool { range >= ExpertEvaluation.disagreementRange }
    }

    struct Factor: Sendable {
        let factor: Int
        let probability: Judgement
        let impact: Judgement
    }

    /// Levels apart at which the report flags strong disagreement.
    ///
    /// A default: no source fixes it (`docs/experts.md` says so).
    static let disagreementRange = 3

    let panel: ExpertPanel
    let factors: [Factor]
    /// The factor weights used in the synthesis (A), normalised over the scored factors.
    let synthesisWeights: [Double]
    /// B = A∘R for probability and impact (weighted-average operator), when the method is fuzzy.
    let probabilitySynthesis: Judgement?
    let impactSynthesis: Judgement?

    init(panel: ExpertPanel, ruleSet: CompiledRuleSet) {
        self.panel = panel
        func judge(_ votes: [Int], levels: Int) -> Judgement { Self.judge(votes, levels: levels, panel: panel) }
        let p = ruleSet.probabilityScale.levels.count
        let i = ruleSet.impactScale.levels.count
        factors = panel.scores.map {
            Factor(
                factor: $0.factor, probability: judge($0.probability, levels: p), impact: judge($0.impact, levels: i))
        }
        let raw = factors.map { ruleSet.factors[$0.factor].weight }
        let total = raw.reduce(0, +)
        synthesisWeights = raw.map { total > 0 ? $0 / total : 1 / Double(max(1, raw.count)) }
        let a = synthesisWeights
        func synthesise(_ rows: [[Double]], levels: Int) -> Judgement {
            var b = [Double](repeating: 0, count: levels)
            for (weight, row) in zip(a, rows) {
                for j in 0..<levels { b[j] += weight * row[j] }
            }
            return Self.judgement(votes: [], membership: b, panel: panel)
        }
        let fuzzy = panel.method == .fuzzy && !factors.isEmpty
        probabilitySynthesis = fuzzy ? synthesise(factors.map(\.probability.membership), levels: p) : nil
        impactSynthesis = fuzzy ? synthesise(factors.map(\.impact.membership), levels: i) : nil
    }

    /// One factor's dimension from the experts' `votes` (0-based levels) on a scale of `levels` levels.
    static func judge(_ votes: [Int], levels: Int, panel: ExpertPanel) -> Judgement {
        var membership = [Double](repeating: 0, count: levels)
        for (k, vote) in votes.enumerated() where membership.indices.contains(vote) {
            membership[vote] += panel.weights[k]
        }
        return judgement(votes: votes, membership: membership, panel: panel)
    }

    private static func judgement(votes: [Int], membership: [Double], panel: ExpertPanel) -> Judgement {
        let mean = membership.enumerated().reduce(0.0) { $0 + $1.element * Double($1.offset + 1) }
        let rounded = min(membership.count, max(1, Int((mean + 0.5 + 1e-9).rounded(.down)))) - 1
        let level: Int
        switch (panel.method, panel.defuzzify) {
        case (.mean, _), (.fuzzy, .weightedAverage):
            level = rounded
        case (.fuzzy, .maxMembership):
            let largest = membership.max() ?? 0
            level = membership.lastIndex { abs($0 - largest) < 1e-9 } ?? 0
        }
        let variance =
            votes.isEmpty
            ? 0 : zip(votes, panel.weights).reduce(0.0) { $0 + $1.1 * pow2(Double($1.0 + 1) - mean) }
        return Judgement(
            votes: votes, membership: membership, mean: mean, level: level,
            range: (votes.max() ?? 0) - (votes.min() ?? 0), deviation: variance.squareRoot())
    }

    private static func pow2(_ x: Double) -> Double { x * x }
}

extension ExpertPanel {
    /// The panel's aggregated probability and impact levels (0-based) for factor `index` of `ruleSet`, by the
    /// panel's method; `nil` when the panel did not score that factor.
    func levels(ofFactor index: Int, on ruleSet: CompiledRuleSet) -> (probability: Int, impact: Int)? {
        guard let scores = scores.first(where: { $0.factor == index }) else { return nil }
        let probability = ExpertEvaluation.judge(
            scores.probability, levels: ruleSet.probabilityScale.levels.count, panel: self)
        let impact = ExpertEvaluation.judge(scores.impact, levels: ruleSet.impactScale.levels.count, panel: self)
        return (probability.level, impact.level)
    }
}
