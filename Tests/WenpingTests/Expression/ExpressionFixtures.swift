@testable import Wenping

/// Shared symbols and helpers for the expression tests: a small house-expropriation scope.
enum ExpressionFixtures {
    static let landType = EnumDomain(
        name: "land_type",
        values: [
            EnumValue(key: "基本农田", label: "基本农田"),
            EnumValue(key: "一般耕地", label: "一般耕地"),
            EnumValue(key: "construction", label: "建设用地"),
        ])

    static let degrees = EnumDomain(
        name: "风险程度", values: ["微小", "较小", "一般", "较大", "重大"].map { EnumValue(key: $0, label: $0) })

    static let symbols: [Symbol] = [
        Symbol(name: "households", type: .number, isOptional: false, slot: 0),
        Symbol(name: "compensation_ratio", type: .number, isOptional: false, slot: 1),
        Symbol(name: "opposition_rate", type: .number, isOptional: true, slot: 2),
        Symbol(name: "land_type", type: .enumeration(landType), isOptional: false, slot: 3),
        Symbol(name: "funds_in_place", type: .boolean, isOptional: true, slot: 4),
        Symbol(name: "notes", type: .text, isOptional: true, slot: 5),
        Symbol(name: "approval_date", type: .date, isOptional: false, slot: 6),
        Symbol(name: "start_date", type: .date, isOptional: true, slot: 7),
        Symbol(name: "补偿比", type: .number, isOptional: false, slot: 8),
        Symbol(name: "a", type: .boolean, isOptional: true, slot: 9),
        Symbol(name: "b", type: .boolean, isOptional: true, slot: 10),
    ]

    static func scope(_ context: ExpressionContext = .condition) -> ExpressionScope {
        ExpressionScope(
            symbols: Dictionary(uniqueKeysWithValues: symbols.map { ($0.name, $0) }), context: context,
            degrees: context == .aggregation ? degrees : nil)
    }

    /// Maps offset `o` to column `10 + o` on line 3 of `t.yaml`, as if the expression started there.
    static func locate(_ offset: Int) -> SourceLocation {
        SourceLocation(file: "t.yaml", line: 3, column: 10 + offset)
    }

    static func compile(
        _ source: String, context: ExpressionContext = .condition, expected: ExpressionType? = .boolean
    ) -> (CompiledExpression?, [Diagnostic]) {
        var bag = DiagnosticBag()
        let compiled = ExpressionCompiler.compile(
            source, scope: scope(context), expected: expected, locate: locate, diagnostics: &bag)
        return (compiled, bag.diagnostics)
    }

    /// Slots with every fact given: 500 households, ratio 0.85, opposition 12%, 基本农田, funds in place.
    static func environment(
        _ overrides: [Int: Value] = [:], degreeCounts: [Int] = []
    ) -> EvaluationEnvironment {
        var slots: [Value] = [
            .number(500), .number(0.85), .number(0.12), .enumeration(0), .boolean(true), .text(true),
            .date(19_000), .date(19_030), .number(0.85), .boolean(true), .boolean(false),
        ]
        for (slot, value) in overrides { slots[slot] = value }
        return EvaluationEnvironment(slots: slots, degreeCounts: degreeCounts)
    }

    /// Compiles (which must succeed) and evaluates.
    static func evaluate(
        _ source: String, context: ExpressionContext = .condition, expected: ExpressionType? = nil,
        in environment: EvaluationEnvironment = environment()
    ) -> Value? {
        let (compiled, _) = compile(source, context: context, expected: expected)
        return compiled?.evaluate(in: environment)
    }
}
