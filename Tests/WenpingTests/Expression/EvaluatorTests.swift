import Testing

@testable import Wenping

struct EvaluatorTests {
    typealias F = ExpressionFixtures
    private static let t = Value.boolean(true)
    private static let f = Value.boolean(false)
    private static let u = Value.unknown

    /// Three-valued `and`, `or` and `not` over the optional booleans `a` (slot 9) and `b` (slot 10).
    @Test(arguments: [
        (t, t, t, t), (t, f, f, t), (t, u, u, t),
        (f, t, f, t), (f, f, f, f), (f, u, f, u),
        (u, t, u, t), (u, f, f, u), (u, u, u, u),
    ])
    func threeValuedAndOr(a: Value, b: Value, conjunction: Value, disjunction: Value) {
        let environment = F.environment([9: a, 10: b])
        #expect(F.evaluate("a and b", in: environment) == conjunction)
        #expect(F.evaluate("a or b", in: environment) == disjunction)
    }

    @Test(arguments: [(t, f), (f, t), (u, u)])
    func threeValuedNot(a: Value, negation: Value) {
        #expect(F.evaluate("not a", in: F.environment([9: a])) == negation)
    }

    @Test(arguments: [
        "opposition_rate > 5%", "opposition_rate + 1 > 0", "-opposition_rate < 0", "opposition_rate == 0.12",
        "opposition_rate in [0.12, 0.5]", "min(opposition_rate, 1) > 0", "max(1, opposition_rate) > 0",
        "abs(opposition_rate) > 0", "round(opposition_rate) >= 0", "days_between(approval_date, start_date) > 0",
        "opposition_rate / 2 > 0", "funds_in_place == true",
    ])
    func unknownOperandMakesTheResultUnknown(source: String) {
        let environment = F.environment([2: .unknown, 4: .unknown, 7: .unknown])
        #expect(F.evaluate(source, in: environment) == .unknown)
        #expect(F.evaluate(source) == .boolean(true))
    }

    @Test func absentFactInACompoundCondition() {
        let missing = F.environment([2: .unknown])
        #expect(F.evaluate("compensation_ratio < 0.9 and opposition_rate > 5%", in: missing) == .unknown)
        #expect(F.evaluate("compensation_ratio > 0.9 and opposition_rate > 5%", in: missing) == .boolean(false))
        #expect(F.evaluate("compensation_ratio < 0.9 or opposition_rate > 5%", in: missing) == .boolean(true))
    }

    @Test(arguments: ["households / 0", "households / (compensation_ratio - 0.85)", "1 / 0"])
    func divisionByZeroIsUnknown(source: String) {
        #expect(F.evaluate(source, context: .derived) == .unknown)
    }

    @Test(arguments: [
        ("households * compensation_ratio", 425.0), ("households - 100 * 2", 300), ("-households + 1", -499),
        ("(households + 100) / 4", 150), ("min(households, 300, 400)", 300), ("max(1, 2, households)", 500),
        ("abs(0 - households)", 500), ("round(2.5)", 3), ("round(-2.5)", -3), ("round(compensation_ratio, 1)", 0.9),
        ("round(1.23456, 3)", 1.235), ("days_between(approval_date, start_date)", 30),
        ("days_between(start_date, approval_date)", -30), ("85%", 0.85),
    ])
    func arithmeticAndBuiltins(source: String, expected: Double) {
        #expect(F.evaluate(source, context: .derived) == .number(expected))
    }

    @Test(arguments: [
        ("households >= 300", true), ("300 <= households", true), ("households > 500", false),
        ("households != 400", true), ("补偿比 < 0.9", true), ("compensation_ratio < 0.9 and opposition_rate > 5%", true),
        ("approval_date < start_date", true), ("approval_date == start_date", false),
        ("funds_in_place", true), ("not funds_in_place", false), ("funds_in_place == false", false),
        ("present(notes)", true), ("present(opposition_rate)", true), ("households in [100, 500]", true),
        ("households not in [100, 500]", false), ("(households + 1) * 2 > 1000", true),
    ])
    func conditions(source: String, expected: Bool) {
        #expect(F.evaluate(source) == .boolean(expected))
    }

    @Test func presentIsNeverUnknown() {
        let environment = F.environment([2: .unknown, 5: .text(false)])
        #expect(F.evaluate("present(opposition_rate)", in: environment) == .boolean(false))
        #expect(F.evaluate("present(notes)", in: environment) == .boolean(false))
        #expect(F.evaluate("not present(opposition_rate)", in: environment) == .boolean(true))
    }

    @Test(arguments: [
        ("land_type == 基本农田", 0, true), ("land_type == \"基本农田\"", 1, false), ("基本农田 != land_type", 1, true),
        ("land_type == construction", 2, true), ("land_type == 建设用地", 2, true),
        ("land_type in [一般耕地, 建设用地]", 0, false), ("land_type in [一般耕地, 建设用地]", 2, true),
        ("land_type not in [一般耕地, 建设用地]", 0, true),
    ])
    func enumComparisons(source: String, index: Int32, expected: Bool) {
        #expect(F.evaluate(source, in: F.environment([3: .enumeration(index)])) == .boolean(expected))
    }

    @Test func enumComparisonWithAbsentValueIsUnknown() {
        let environment = F.environment([3: .unknown])
        #expect(F.evaluate("land_type == 基本农田", in: environment) == .unknown)
        #expect(F.evaluate("land_type in [基本农田, 一般耕地]", in: environment) == .unknown)
    }

    @Test(arguments: [
        ("count(较大)", 2.0), ("count(\"重大\")", 1), ("count(1)", 4), ("count_at_least(较大)", 3),
        ("count_at_least(1)", 10), ("count_at_least(重大)", 1),
    ])
    func countsFactorsByDegree(source: String, expected: Double) {
        let environment = F.environment(degreeCounts: [4, 2, 1, 2, 1])
        #expect(F.evaluate(source, context: .aggregation, in: environment) == .number(expected))
    }

    @Test func aggregationRuleOverCounts() {
        let environment = F.environment(degreeCounts: [4, 2, 1, 2, 1])
        let source = "count(重大) >= 1 or count_at_least(较大) >= 3"
        #expect(F.evaluate(source, context: .aggregation, in: environment) == .boolean(true))
    }

    @Test func missingSlotsAndWrongCasesReadAsUnknownInsteadOfTrapping() {
        let empty = EvaluationEnvironment(slots: [])
        #expect(F.evaluate("households >= 300", in: empty) == .unknown)
        #expect(F.evaluate("households + 1 > compensation_ratio", in: empty) == .unknown)
        #expect(F.evaluate("count(较大)", context: .aggregation, in: empty) == .number(0))
        #expect(F.evaluate("households >= 300", in: F.environment([0: .boolean(true)])) == .unknown)
    }

    @Test func loweringFusesSlotComparisons() throws {
        let (compiled, _) = F.compile("households >= 300")
        #expect(try #require(compiled).program.instructions == [.compareSlot(slot: 0, .greaterOrEqual, 300)])
        let (flipped, _) = F.compile("300 > households")
        #expect(try #require(flipped).program.instructions == [.compareSlot(slot: 0, .less, 300)])
        let (member, _) = F.compile("land_type in [一般耕地, 建设用地]")
        #expect(try #require(member).program.instructions == [.enumSlotIn(slot: 3, mask: 0b110, negated: false)])
    }

    /// Not a timing test: checks that repeated evaluation over varied facts stays correct.
    @Test func repeatedEvaluationMatchesDirectComputation() throws {
        let (compiled, _) = F.compile("compensation_ratio < 0.9 and opposition_rate > 5% or households >= 1000")
        let condition = try #require(compiled)
        var environment = F.environment()
        for step in 0..<10_000 {
            let households = Double(step % 1500)
            let ratio = 0.7 + Double(step % 7) * 0.05
            let opposition: Value = step % 5 == 0 ? .unknown : .number(Double(step % 13) / 100)
            environment.slots[0] = .number(households)
            environment.slots[1] = .number(ratio)
            environment.slots[2] = opposition
            let expected: Value
            if households >= 1000 {
                expected = .boolean(true)
            } else if ratio >= 0.9 {
                expected = .boolean(false)
            } else if case .number(let rate) = opposition {
                expected = .boolean(rate > 0.05)
            } else {
                expected = .unknown
            }
            #expect(condition.evaluate(in: environment) == expected)
        }
    }
}
