import Testing

@testable import Wenping

struct ConditionAnalysisTests {
    private func constraint(_ source: String) -> Constraint? {
        let (compiled, diagnostics) = ExpressionFixtures.compile(source)
        precondition(diagnostics.isEmpty, "\(source): \(diagnostics)")
        return compiled?.constraint
    }

    private func covers(_ earlier: [String], _ later: String) -> Bool {
        ConditionAnalysis.covers(earlier.map(constraint), constraint(later))
    }

    @Test func extractsIntervalsEnumSetsAndBooleans() throws {
        let result = try #require(constraint("households >= 300 and 0.9 > compensation_ratio and land_type == 基本农田"))
        #expect(result.slots[0] == .interval(Interval(lower: 300, lowerIncluded: true)))
        #expect(result.slots[1] == .interval(Interval(upper: 0.9, upperIncluded: false)))
        #expect(result.slots[3] == .enumeration([0], domainSize: 3))
        #expect(constraint("not funds_in_place")?.slots[4] == .boolean([false]))
        #expect(constraint("land_type not in [基本农田]")?.slots[3] == .enumeration([1, 2], domainSize: 3))
        #expect(constraint("true")?.slots.isEmpty == true)
    }

    @Test(arguments: [
        "households >= 300 or households < 10", "households + 1 > 3", "households != 3", "present(notes)",
        "compensation_ratio < households", "not (households > 3)",
    ])
    func otherShapesAreNotAnalysed(source: String) {
        #expect(constraint(source) == nil)
    }

    @Test(
        arguments: [
            (["compensation_ratio < 0.9", "compensation_ratio < 1.0"], "compensation_ratio < 0.95", true),
            (["households >= 300"], "households >= 1000", true),
            (["households >= 1000"], "households >= 300", false),
            (["true"], "households >= 300 and land_type == 基本农田", true),
            (["households < 300", "households >= 300"], "compensation_ratio < 0.5", true),
            (["households < 300", "households > 300"], "households >= 0", false),
            (["households <= 300", "households >= 300"], "households >= 0", true),
            (["households < 100", "households >= 100 and households < 300"], "households <= 250", true),
            (["households < 100", "households > 100 and households < 300"], "households <= 250", false),
            (["land_type in [基本农田, 一般耕地]"], "land_type == 一般耕地", true),
            (["land_type == 基本农田", "land_type == 一般耕地"], "land_type != 建设用地", true),
            (["land_type == 基本农田"], "land_type != 建设用地", false),
            (["funds_in_place", "not funds_in_place"], "households > 3", true),
            (["households >= 300 and land_type == 基本农田"], "households >= 500 and land_type == 基本农田", true),
            (["households >= 300 and land_type == 基本农田"], "households >= 500", false),
            (["households >= 300", "land_type == 基本农田"], "households >= 300 or land_type == 基本农田", false),
            (["households > 5 and households < 3"], "households == 4", false),
            (["households >= 300"], "households > 5 and households < 3", true),
            ([String](), "households >= 300", false),
        ] as [([String], String, Bool)])
    func coversLaterConditions(earlier: [String], later: String, expected: Bool) {
        #expect(covers(earlier, later) == expected)
    }

    @Test func unanalysedEarlierConditionsAreSkipped() {
        let earlier = [constraint("households + 1 > 3"), constraint("households >= 300")]
        #expect(ConditionAnalysis.covers(earlier, constraint("households >= 400")))
        #expect(!ConditionAnalysis.covers(earlier, nil))
    }

    @Test(arguments: [
        (Interval(lower: 0, lowerIncluded: true, upper: 1, upperIncluded: false), true),
        (Interval(lower: 0, lowerIncluded: true, upper: 1, upperIncluded: true), false),
        (Interval(lower: 1, lowerIncluded: false, upper: 1, upperIncluded: false), true),
    ])
    func intervalCoverageHandlesOpenAndClosedEnds(target: Interval, expected: Bool) {
        let parts = [Interval(upper: 0.5, upperIncluded: true), Interval(lower: 0.5, lowerIncluded: false, upper: 1)]
        #expect(target.isCovered(by: parts) == expected)
    }
}
