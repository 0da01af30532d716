/// The analytic hierarchy process (层次分析法): weights from a pairwise comparison matrix, and its consistency.
///
/// `matrix[i][j]` says how much more important item `i` is than item `j` on Saaty's 1–9 scale (reciprocal:
/// `matrix[j][i] == 1 / matrix[i][j]`). The weights are the principal eigenvector, normalized to sum to 1, found by
/// power iteration. CI = (λmax − n) / (n − 1) and CR = CI / RI, where RI is Saaty's random index for n.
enum AHP {
    /// Saaty's random consistency index for n = 1…15, at `randomIndex[n - 1]`.
    ///
    /// The table of the R package AHPWR (`CR.R`). Chinese textbooks also use a second table (0.52, 0.89, 1.12,
    /// 1.26, …); wenping uses this one.
    static let randomIndex: [Double] = [
        0, 0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59,
    ]

    /// The largest matrix the random-index table covers.
    static var maximumSize: Int { randomIndex.count }

    /// A matrix is acceptable when its consistency ratio is below this (Saaty: CR < 0.1).
    static let consistencyLimit = 0.1

    struct Result: Sendable, Hashable {
        /// The priority weights, summing to 1, in matrix order.
        let weights: [Double]
        let lambdaMax: Double
        let consistencyIndex: Double
        /// CI / RI; 0 for n ≤ 2, where every reciprocal matrix is consistent.
        let consistencyRatio: Double
    }

    /// Analyzes a square, positive matrix of at most ``maximumSize`` rows.
    static func analyze(_ matrix: [[Double]]) -> Result {
        let n = matrix.count
        guard n > 1 else { return Result(weights: [1], lambdaMax: 1, consistencyIndex: 0, consistencyRatio: 0) }
        var weights = [Double](repeating: 1 / Double(n), count: n)
        for _ in 0..<1000 {
            var next = multiply(matrix, weights)
            let total = next.reduce(0, +)
            for index in next.indices { next[index] /= total }
            let change = zip(next, weights).map { abs($0 - $1) }.max() ?? 0
            weights = next
            if change < 1e-13 { break }
        }
        let product = multiply(matrix, weights)
        let lambdaMax = zip(product, weights).map { $0 / $1 }.reduce(0, +) / Double(n)
        let consistencyIndex = (lambdaMax - Double(n)) / Double(n - 1)
        let randomIndex = n <= maximumSize ? randomIndex[n - 1] : randomIndex[maximumSize - 1]
        let ratio = randomIndex > 0 ? max(0, consistencyIndex) / randomIndex : 0
        return Result(
            weights: weights, lambdaMax: lambdaMax, consistencyIndex: consistencyIndex, consistencyRatio: ratio)
    }

    private static func multiply(_ matrix: [[Double]], _ vector: [Double]) -> [Double] {
        matrix.map { row in zip(row, vector).reduce(0) { $0 + $1.0 * $1.1 } }
    }
}
