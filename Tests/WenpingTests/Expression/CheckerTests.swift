import Testing

@testable import Wenping

struct CheckerTests {
    /// One expected diagnostic: code, message, column on line 3 of t.yaml (offset + 10) and caret length.
    struct Expected: Sendable, CustomTestStringConvertible {
        let source: String
        let code: DiagnosticCode
        let message: String
        let column: Int
        let length: Int
        var context: ExpressionContext = .condition
        var expected: ExpressionType? = .boolean
        var testDescription: String { source }
    }

    static let errors: [Expected] = [
        Expected(
            source: "a = b", code: .unexpectedCharacter, message: "单个“=”不是运算符；比较是否相等请用“==”。", column: 12,
            length: 1),
        Expected(
            source: "land_type == \"基本", code: .unterminatedString,
            message: "字符串缺少结束的双引号；请在文字末尾补上半角双引号 \"。", column: 23, length: 3),
        Expected(
            source: "households >", code: .expressionSyntax, message: "表达式不完整：结尾缺少数值或名称。", column: 22,
            length: 1),
        Expected(
            source: "housholds >= 300", code: .unknownName, message: "未知名称“housholds”。是否想写“households”？",
            column: 10, length: 9),
        Expected(
            source: "households >= 300 and xyz", code: .unknownName,
            message: "未知名称“xyz”；请检查拼写，或先在 inputs 或 derived 中声明它。", column: 32, length: 3),
        Expected(
            source: "补偿价 < 0.9", code: .unknownName, message: "未知名称“补偿价”。是否想写“补偿比”？", column: 10,
            length: 3),
        Expected(
            source: "max > 3", code: .unknownName, message: "“max”是函数，调用时要加括号，如 max(…)。", column: 10,
            length: 3),
        Expected(
            source: "households + funds_in_place > 3", code: .typeMismatch,
            message: "“+”的运算对象应是数值，这里是真/假值。", column: 23, length: 14),
        Expected(
            source: "notes == \"x\"", code: .typeMismatch,
            message: "“notes”是文字，只用于描述，不能参与比较或计算；可以用 present(notes) 判断是否已填写。", column: 10,
            length: 5),
        Expected(
            source: "households == approval_date", code: .typeMismatch,
            message: "不能用“==”比较数值与日期；两边的类型应相同。", column: 10, length: 27),
        Expected(
            source: "land_type < 基本农田", code: .typeMismatch,
            message: "枚举“land_type”没有大小顺序，只能用 ==、！=、in 或 not in 比较。", column: 10, length: 16),
        Expected(
            source: "households == \"300\"", code: .typeMismatch,
            message: "字符串 \"300\" 只能与枚举比较，如 land_type == \"基本农田\"。", column: 24, length: 5),
        Expected(
            source: "land_type == 基本农天", code: .unknownEnumValue,
            message: "枚举“land_type”没有取值“基本农天”；可选值：基本农田、一般耕地、建设用地（construction）。", column: 23,
            length: 4),
        Expected(
            source: "land_type in [\"基本农田\", \"林地\"]", code: .unknownEnumValue,
            message: "枚举“land_type”没有取值“林地”；可选值：基本农田、一般耕地、建设用地（construction）。", column: 32,
            length: 4),
        Expected(
            source: "mx(households, 1) > 3", code: .badCall, message: "未知函数“mx”。是否想写“max”？", column: 10,
            length: 2),
        Expected(
            source: "round(households, 1, 2) > 3", code: .badCall,
            message: "“round”需要 1 到 2 个参数，这里给了 3 个；用法：round(数值, [位数])。", column: 10, length: 23),
        Expected(
            source: "min(households) > 3", code: .badCall,
            message: "“min”至少需要 2 个参数，这里给了 1 个；用法：min(数值, 数值, …)。", column: 10, length: 15),
        Expected(
            source: "round(households, compensation_ratio) > 3", code: .badCall,
            message: "“round”的位数应是 0 到 10 的整数，如 round(x, 2)。", column: 28, length: 18),
        Expected(
            source: "present(households + 1)", code: .badCall,
            message: "“present”的参数应是输入项或派生值的名称，如 present(opposition_rate)。", column: 18, length: 14),
        Expected(
            source: "days_between(households, approval_date) > 3", code: .typeMismatch,
            message: "“days_between”的第 1 个参数应是日期，这里是数值。", column: 23, length: 10),
        Expected(
            source: "count(较大) >= 1", code: .builtinOutOfContext,
            message: "“count”只能用于汇总规则（aggregation），不能用于条件（when）。", column: 10, length: 5),
        Expected(
            source: "count_at_least(很大) >= 1", code: .unknownEnumValue,
            message: "风险程度没有“很大”；可选值：微小、较小、一般、较大、重大。", column: 25, length: 2,
            context: .aggregation),
        Expected(
            source: "count(6) >= 1", code: .unknownEnumValue,
            message: "风险程度的序号应是 1 到 5 的整数；可选值：微小、较小、一般、较大、重大。", column: 16, length: 1,
            context: .aggregation),
        Expected(
            source: "households * 2", code: .notACondition,
            message: "条件的结果应是真或假，这里得到的是数值；请写成比较，如 households >= 300。", column: 10, length: 14),
        Expected(
            source: "households > 3", code: .typeMismatch, message: "这里需要数值，表达式得到的是真/假值。", column: 10,
            length: 14, context: .derived, expected: .number),
    ]

    @Test(arguments: errors)
    func reportsDiagnosticWithExactLocation(_ expected: Expected) throws {
        let (compiled, diagnostics) = ExpressionFixtures.compile(
            expected.source, context: expected.context, expected: expected.expected)
        #expect(compiled == nil)
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostics.count == 1)
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.code == expected.code)
        #expect(diagnostic.message == expected.message)
        #expect(diagnostic.location == SourceLocation(file: "t.yaml", line: 3, column: expected.column))
        #expect(diagnostic.length == expected.length)
    }

    @Test func reportsEveryIndependentMistakeOnce() {
        let (_, diagnostics) = ExpressionFixtures.compile("housholds > 3 and xyz and land_type == 林地")
        #expect(diagnostics.map(\.code) == [.unknownName, .unknownName, .unknownEnumValue])
        #expect(diagnostics.map(\.location.column) == [10, 28, 49])
    }

    @Test(arguments: [
        "land_type == 基本农田", "land_type == \"基本农田\"", "基本农田 == land_type", "land_type == construction",
        "land_type == 建设用地", "land_type in [一般耕地, \"建设用地\"]",
    ])
    func enumValuesByKeyLabelOrBareName(source: String) throws {
        let (compiled, diagnostics) = ExpressionFixtures.compile(source)
        #expect(diagnostics.isEmpty)
        #expect(try #require(compiled).type == .boolean)
    }

    @Test func normalizesEnumValuesToIndexes() throws {
        let (compiled, _) = ExpressionFixtures.compile("land_type == construction")
        let syntax = try #require(compiled).syntax
        guard case .binary(.equal, _, let right) = syntax.kind else {
            Issue.record("expected ==")
            return
        }
        #expect(right.kind == .constant(.enumeration(2)))
        #expect(syntax.description == "land_type == \"建设用地\"")
    }

    @Test func infersDerivedTypesAndRecordsReferences() throws {
        let (compiled, diagnostics) = ExpressionFixtures.compile(
            "households * compensation_ratio / 补偿比", context: .derived, expected: nil)
        #expect(diagnostics.isEmpty)
        let result = try #require(compiled)
        #expect(result.type == .number)
        #expect(result.references == [0, 1, 8])
    }

    @Test func presentAcceptsTextAndOptionalNames() throws {
        let (compiled, diagnostics) = ExpressionFixtures.compile("present(notes) and not present(opposition_rate)")
        #expect(diagnostics.isEmpty)
        #expect(try #require(compiled).references == [5, 2])
    }

    @Test func foldsConstantArithmetic() throws {
        let (compiled, _) = ExpressionFixtures.compile("households >= 2 * 150 and compensation_ratio > -1")
        #expect(try #require(compiled).syntax.description == "households >= 300 and compensation_ratio > -1")
    }

    @Test func printsWithMinimalParentheses() throws {
        let source = "(households + 1) * 2 > 3 and not (a or b) or land_type not in [基本农田]"
        let (compiled, _) = ExpressionFixtures.compile(source)
        #expect(
            try #require(compiled).syntax.description
                == "(households + 1) * 2 > 3 and not (a or b) or land_type not in [\"基本农田\"]")
    }

    @Test(
        arguments: [
            ("household", ["households", "funds"], "households"),
            ("Households", ["households"], "households"),
            ("补偿价", ["补偿比", "户数"], "补偿比"),
            ("xyz", ["households"], nil),
            ("ab", ["ac", "ad"], "ac"),
        ] as [(String, [String], String?)])
    func suggestsTheClosestName(name: String, candidates: [String], expected: String?) {
        #expect(suggestion(for: name, among: candidates) == expected)
    }

    @Test func editDistanceCountsInsertionsDeletionsAndSubstitutions() {
        #expect(editDistance(Array("kitten"), Array("sitting")) == 3)
        #expect(editDistance(Array(""), Array("abc")) == 3)
        #expect(editDistance(Array("基本农田"), Array("基本农天")) == 1)
        #expect(editDistance(Array("levle"), Array("level")) == 1)
        #expect(editDistance(Array("ca"), Array("abc")) == 3)
    }

    @Test func builtinTableDeclaresEveryBuiltinOnce() {
        #expect(Builtin.all.map(\.id) == Builtin.ID.allCases)
        #expect(Builtin.named("count_at_least")?.contexts == [.aggregation])
        #expect(Builtin.named("round")?.signature == "round(数值, [位数])")
    }
}
