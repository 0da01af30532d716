import Testing

@testable import Wenping

/// `lower`, `upper` and `sample`: checked like other built-ins, read from the estimate region.
struct BuiltinSampleTests {
    static func compile(_ source: String, context: ExpressionContext = .condition) -> (
        CompiledExpression?, [Diagnostic]
    ) {
        var scope = ExpressionFixtures.scope(context)
        scope.inputCount = 8
        var bag = DiagnosticBag()
        let compiled = ExpressionCompiler.compile(
            source, scope: scope, expected: nil, locate: ExpressionFixtures.locate, diagnostics: &bag)
        return (compiled, bag.diagnostics)
    }

    @Test func readsTheBoundsAndSampleFromTheEndOfTheSlots() throws {
        var environment = ExpressionFixtures.environment()
        var region = EstimateLayout.empty(inputCount: 8)
        for (part, value) in [(0, 0.1), (1, 0.2), (2, 300.0)] {
            region[EstimateLayout.index(slot: 2, part: part, count: region.count)] = .number(value)
        }
        environment.slots += region
        for (source, expected) in [
            ("lower(opposition_rate)", 0.1), ("upper(opposition_rate)", 0.2), ("sample(opposition_rate)", 300),
        ] {
            let compiled = try #require(Self.compile(source).0)
            #expect(compiled.evaluate(in: environment) == .number(expected))
        }
        let households = try #require(Self.compile("sample(households)").0)
        #expect(households.evaluate(in: environment) == .unknown)
    }

    @Test func takesOnlyNumberInputs() {
        #expect(Self.compile("upper(funds_in_place) > 1").1.first?.code == .typeMismatch)
        #expect(Self.compile("upper(补偿比) > 1").1.first?.message == "“upper”只能用于数值或百分数输入项（调查比率），“补偿比”是派生值。")
        #expect(Self.compile("upper(0.3) > 1").1.first?.code == .badCall)
        #expect(Self.compile("upper(opposition_rate)", context: .derived).1.first?.code == .builtinOutOfContext)
    }
}
