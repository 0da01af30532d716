import Testing

@testable import Wenping

struct AHPTests {
    @Test func classicThreeByThreeMatrixGivesTextbookWeightsAndRatio() {
        let result = AHP.analyze([[1, 3, 5], [1.0 / 3, 1, 3], [1.0 / 5, 1.0 / 3, 1]])
        #expect(abs(result.weights[0] - 0.6370) < 0.0005)
        #expect(abs(result.weights[1] - 0.2583) < 0.0005)
        #expect(abs(result.weights[2] - 0.1047) < 0.0005)
        #expect(abs(result.lambdaMax - 3.0385) < 0.0005)
        #expect(abs(result.consistencyRatio - 0.0332) < 0.0005)
        #expect(abs(result.weights.reduce(0, +) - 1) < 1e-12)
    }

    @Test func perfectlyConsistentMatrixHasZeroRatio() {
        // Weights 4:2:1 written exactly: a[i][j] = w[i] / w[j].
        let w = [4.0, 2, 1]
        let result = AHP.analyze(w.map { a in w.map { a / $0 } })
        #expect(abs(result.consistencyRatio) < 1e-9)
        #expect(abs(result.weights[0] - 4.0 / 7) < 1e-9)
    }

    @Test func contradictoryMatrixIsInconsistent() {
        let result = AHP.analyze([[1, 5, 1.0 / 3], [1.0 / 5, 1, 5], [3, 1.0 / 5, 1]])
        #expect(result.consistencyRatio >= AHP.consistencyLimit)
    }

    @Test(arguments: [(3, 0.58), (4, 0.90), (10, 1.49), (15, 1.59)])
    func saatyRandomIndexTable(n: Int, ri: Double) {
        #expect(AHP.randomIndex[n - 1] == ri)
    }

    @Test func twoByTwoIsAlwaysConsistent() {
        let result = AHP.analyze([[1, 7], [1.0 / 7, 1]])
        #expect(result.consistencyRatio == 0)
        #expect(abs(result.weights[0] - 0.875) < 1e-9)
    }
}
