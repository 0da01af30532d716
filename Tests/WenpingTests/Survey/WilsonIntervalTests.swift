import Testing

@testable import Wenping

struct WilsonIntervalTests {
    /// Worked by hand in `Fixtures/survey/README.md`.
    @Test func fourOfNineteenMatchesTheHandCalculation() throws {
        let interval = try #require(WilsonInterval(count: 4, n: 19))
        #expect(abs(interval.lower - 0.085077) < 1e-5)
        #expect(abs(interval.upper - 0.433343) < 1e-5)
        #expect(abs(interval.rate - 4.0 / 19) < 1e-12)
    }

    @Test func oneOfFortyHasACautiousUpperBound() throws {
        let interval = try #require(WilsonInterval(count: 1, n: 40))
        #expect(Formatting.number(interval.lower, digits: 4) == "0.0044")
        #expect(Formatting.number(interval.upper, digits: 4) == "0.1288")
    }

    @Test func noObjectorStillLeavesRoomAbove() throws {
        let interval = try #require(WilsonInterval(count: 0, n: 10))
        #expect(interval.lower == 0)
        // z² / (n + z²) = 3.841459 / 13.841459
        #expect(abs(interval.upper - 0.277533) < 1e-5)
        let all = try #require(WilsonInterval(count: 10, n: 10))
        #expect(all.upper == 1)
        #expect(abs(all.lower - (1 - 0.277533)) < 1e-5)
    }

    @Test func boundsStayInsideTheRateAndNarrowWithTheSample() throws {
        for (count, n) in [(1, 3), (169, 1209), (500, 1000), (999, 1000)] {
            let interval = try #require(WilsonInterval(count: count, n: n))
            #expect(interval.lower <= interval.rate && interval.rate <= interval.upper)
            #expect(interval.lower >= 0 && interval.upper <= 1)
        }
        let small = try #require(WilsonInterval(count: 10, n: 100))
        let large = try #require(WilsonInterval(count: 100, n: 1000))
        #expect(large.upper - large.lower < small.upper - small.lower)
    }

    @Test func rejectsAnEmptySampleOrACountAboveIt() {
        #expect(WilsonInterval(count: 0, n: 0) == nil)
        #expect(WilsonInterval(count: 5, n: 4) == nil)
        #expect(WilsonInterval(count: -1, n: 4) == nil)
    }
}
