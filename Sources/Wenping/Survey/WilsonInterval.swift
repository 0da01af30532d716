/// The Wilson score interval for a proportion: where the true rate probably lies, given `count` of `n`.
///
/// Unlike the textbook `p ± z·√(p(1−p)/n)`, the Wilson interval stays inside 0…1 and does not collapse to a
/// single point when `count` is 0 or `n`, so a thin sample with no objector still gets a cautious upper bound.
///
///     centre    = (p + z²/2n) / (1 + z²/n)
///     halfWidth = z / (1 + z²/n) · √(p(1−p)/n + z²/4n²)
///
/// with `p = count / n` and `z = 1.959964` (two-sided 95%). Bounds are fractions (0.12 for 12%).
struct WilsonInterval: Sendable, Hashable {
    /// The 97.5% quantile of the standard normal distribution.
    static let z95 = 1.959_963_984_540_054

    let count: Int
    let n: Int
    let lower: Double
    let upper: Double

    /// The interval for `count` successes among `n` answers; `nil` when `n` is 0 or `count` is outside 0…n.
    init?(count: Int, n: Int, z: Double = WilsonInterval.z95) {
        guard n > 0, count >= 0, count <= n else { return nil }
        let total = Double(n)
        let p = Double(count) / total
        let z2 = z * z
        let denominator = 1 + z2 / total
        let centre = (p + z2 / (2 * total)) / denominator
        let half = z / denominator * (p * (1 - p) / total + z2 / (4 * total * total)).squareRoot()
        self.count = count
        self.n = n
        // Clamp rounding noise at the ends (count 0 or n gives exactly 0 or 1 in exact arithmetic).
        lower = count == 0 ? 0 : max(0, centre - half)
        upper = count == n ? 1 : min(1, centre + half)
    }

    /// The point estimate `count / n`.
    var rate: Double { Double(count) / Double(n) }
}
