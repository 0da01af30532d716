/// The functions expressions may call, declared once.
///
/// The checker reads ``Builtin/all`` for arity, parameter kinds, result type and allowed contexts; the reference
/// in `Grammar.md` lists the same entries; ``Lowering`` turns each ``Builtin/ID`` into its instruction (an
/// exhaustive switch, so a new entry cannot be forgotten there).
struct Builtin: Sendable, Hashable {
    /// The identity of a built-in, shared by the table, the checker and the lowering.
    enum ID: String, Sendable, Hashable, CaseIterable {
        case min
        case max
        case abs
        case round
        case present
        case daysBetween = "days_between"
        case count
        case countAtLeast = "count_at_least"
        case lower
        case upper
        case sample
    }

    /// What one argument position accepts.
    enum Parameter: Sendable, Hashable {
        /// Any expression of this type.
        case value(ExpressionType)
        /// A literal integer (as in `round(x, 2)`), 0…10.
        case integerLiteral
        /// A bare input or derived-value name, of any type (for `present`).
        case name
        /// A degree: a bare label (`较大`), a string (`"较大"`) or a number 1…n of the scope's degrees.
        case degree
        /// A bare name of a number or percent input, whose survey sample the call reads (`upper`).
        case surveyFact
    }

    let id: ID
    /// Parameters in order; when ``isVariadic``, the last one repeats.
    let parameters: [Parameter]
    /// The fewest arguments a call may pass.
    let minimumArguments: Int
    let isVariadic: Bool
    let result: ExpressionType
    let contexts: Set<ExpressionContext>
    /// One line in Chinese and English, for the language reference.
    let summary: String

    var name: String { id.rawValue }

    /// The signature as users read it, for diagnostics: `round(数值, 位数)`.
    var signature: String {
        let names = parameters.map { parameter -> String in
            switch parameter {
            case .value(let type): return type.displayName
            case .integerLiteral: return "位数"
            case .name: return "名称"
            case .degree: return "风险程度"
            case .surveyFact: return "调查事实"
            }
        }
        var list = names
        if parameters.count > minimumArguments, !isVariadic {
            list = Array(names.prefix(minimumArguments)) + names.dropFirst(minimumArguments).map { "[\($0)]" }
        }
        if isVariadic { list.append("…") }
        return "\(name)(\(list.joined(separator: ", ")))"
    }

    private static let everywhere: Set<ExpressionContext> = [.derived, .condition, .aggregation]

    /// Every built-in, in the order the reference documents them.
    static let all: [Builtin] = [
        Builtin(
            id: .min, parameters: [.value(.number), .value(.number)], minimumArguments: 2, isVariadic: true,
            result: .number, contexts: everywhere, summary: "最小值 / the smallest of two or more numbers"),
        Builtin(
            id: .max, parameters: [.value(.number), .value(.number)], minimumArguments: 2, isVariadic: true,
            result: .number, contexts: everywhere, summary: "最大值 / the largest of two or more numbers"),
        Builtin(
            id: .abs, parameters: [.value(.number)], minimumArguments: 1, isVariadic: false,
            result: .number, contexts: everywhere, summary: "绝对值 / absolute value"),
        Builtin(
            id: .round, parameters: [.value(.number), .integerLiteral], minimumArguments: 1, isVariadic: false,
            result: .number, contexts: everywhere,
            summary: "四舍五入到整数或指定小数位 / round half away from zero, to `digits` decimals (default 0)"),
        Builtin(
            id: .present, parameters: [.name], minimumArguments: 1, isVariadic: false,
            result: .boolean, contexts: everywhere,
            summary: "事实是否已填写（从不为未知） / whether an optional fact is given; never unknown"),
        Builtin(
            id: .daysBetween, parameters: [.value(.date), .value(.date)], minimumArguments: 2, isVariadic: false,
            result: .number, contexts: everywhere,
            summary: "两个日期相差的天数（后者减前者） / days from the first date to the second"),
        Builtin(
            id: .count, parameters: [.degree], minimumArguments: 1, isVariadic: false,
            result: .number, contexts: [.aggregation],
            summary: "风险程度恰为该级的适用因素个数 / number of applicable factors at exactly this degree"),
        Builtin(
            id: .countAtLeast, parameters: [.degree], minimumArguments: 1, isVariadic: false,
            result: .number, contexts: [.aggregation],
            summary: "风险程度达到或高于该级的适用因素个数 / number of applicable factors at this degree or worse"),
        Builtin(
            id: .lower, parameters: [.surveyFact], minimumArguments: 1, isVariadic: false,
            result: .number, contexts: [.condition, .aggregation],
            summary: "调查比率 95% 区间（Wilson）的下限；事实不来自调查时为未知 / lower Wilson 95% bound of a survey rate"),
        Builtin(
            id: .upper, parameters: [.surveyFact], minimumArguments: 1, isVariadic: false,
            result: .number, contexts: [.condition, .aggregation],
            summary: "调查比率 95% 区间（Wilson）的上限；事实不来自调查时为未知 / upper Wilson 95% bound of a survey rate"),
        Builtin(
            id: .sample, parameters: [.surveyFact], minimumArguments: 1, isVariadic: false,
            result: .number, contexts: [.condition, .aggregation],
            summary: "调查比率的样本量（有效作答户数）；事实不来自调查时为未知 / sample size behind a survey rate"),
    ]

    /// The entry named `name`, if any.
    static func named(_ name: String) -> Builtin? {
        all.first { $0.name == name }
    }

    /// The parameter for the argument at `position`.
    func parameter(at position: Int) -> Parameter {
        position < parameters.count ? parameters[position] : parameters[parameters.count - 1]
    }

    /// Whether `count` arguments is a valid arity.
    func accepts(argumentCount count: Int) -> Bool {
        count >= minimumArguments && (isVariadic || count <= parameters.count)
    }
}
