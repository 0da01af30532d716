/// Where the samples behind survey facts sit in the evaluation slots, for `lower(x)`, `upper(x)` and `sample(x)`.
///
/// The engine appends a project's ``Project/estimates`` after the input and derived slots, but only for rulesets
/// whose conditions read an estimate (``EvaluationPlan/readsEstimates``), so other projects pay nothing. The
/// region is laid out backwards: part `k` (0 lower bound, 1 upper bound, 2 sample size) of input slot `s` is at
/// `slots.count − 1 − (3s + k)`. Counting from the end lets an instruction find it without knowing how many
/// derived values the ruleset has. Derived values never read estimates (the checker allows the three built-ins
/// only in conditions), so they are computed before the region exists.
enum EstimateLayout {
    enum Part: Int32, Sendable {
        case lower = 0
        case upper = 1
        case sample = 2
    }

    /// A region of `inputCount` inputs with no samples: every part unknown.
    static func empty(inputCount: Int) -> [Value] {
        [Value](repeating: .unknown, count: 3 * inputCount)
    }

    /// The index of `part` of input `slot` in a region (or a whole slot array) of `count` values.
    @inline(__always)
    static func index(slot: Int, part: Int, count: Int) -> Int {
        count - 1 - (3 * slot + part)
    }

    /// The region with input `slot` left without a sample (its fact was replaced by another value).
    static func clearing(_ slot: Int, in estimates: [Value]) -> [Value] {
        guard !estimates.isEmpty else { return estimates }
        var copy = estimates
        for part in 0..<3 {
            let index = index(slot: slot, part: part, count: copy.count)
            if copy.indices.contains(index) { copy[index] = .unknown }
        }
        return copy
    }
}
