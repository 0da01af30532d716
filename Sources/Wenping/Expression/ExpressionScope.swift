/// One value of an enum input: a stable key (used in project files) and the label people read.
struct EnumValue: Sendable, Hashable {
    /// The key as written in rule and project files, such as `basic_farmland` or `基本农田`.
    let key: String
    /// The Chinese label shown in reports; equal to `key` when the rule file gives none.
    let label: String
}

/// The closed set of values of one enum input (or of the risk degrees), in declaration order.
///
/// At runtime an enum value is its 0-based index in ``values`` (see ``Value/enumeration(_:)``), so comparing two
/// enum values is an integer comparison.
struct EnumDomain: Sendable, Hashable {
    /// The name shown in diagnostics, usually the input's name (`land_type`).
    let name: String
    /// The values in declaration order; the index of a value is its runtime representation.
    let values: [EnumValue]

    /// The 0-based index of the value whose key, or else whose label, equals `keyOrLabel`.
    func index(of keyOrLabel: String) -> Int? {
        if let index = values.firstIndex(where: { $0.key == keyOrLabel }) { return index }
        return values.firstIndex { $0.label == keyOrLabel }
    }

    /// The values as a Chinese list for diagnostics: `基本农田、一般耕地`, with the key in parentheses when it
    /// differs from the label.
    var valueList: String {
        values.map { $0.key == $0.label ? $0.label : "\($0.label)（\($0.key)）" }.joined(separator: "、")
    }
}

/// The static type of an expression.
///
/// Integer, number and percent inputs are all `number` (a `Double`).
enum ExpressionType: Sendable, Hashable {
    case number
    case boolean
    /// Free text: only `present(x)` may look at it.
    case text
    /// A calendar date, compared with other dates and used by `days_between`.
    case date
    case enumeration(EnumDomain)

    /// The type's name in diagnostics, in Chinese.
    var displayName: String {
        switch self {
        case .number: return "数值"
        case .boolean: return "真/假值"
        case .text: return "文字"
        case .date: return "日期"
        case .enumeration(let domain): return "枚举“\(domain.name)”"
        }
    }
}

/// A name an expression may use: an input or a derived value, bound to a slot of the evaluation environment.
struct Symbol: Sendable, Hashable {
    let name: String
    let type: ExpressionType
    /// True when a project may omit the fact; an absent fact evaluates to ``Value/unknown``.
    let isOptional: Bool
    /// The index of the symbol's value in ``EvaluationEnvironment/slots``.
    let slot: Int
}

/// Where an expression appears, which decides the built-ins it may call.
enum ExpressionContext: Sendable, Hashable {
    /// The `expr` of a derived value.
    case derived
    /// A `when` of a band, floor or applicability condition.
    case condition
    /// A rule of the aggregation section, where `count` and `count_at_least` see the factor results.
    case aggregation

    /// The context's name in diagnostics, in Chinese.
    var displayName: String {
        switch self {
        case .derived: return "派生值（derived）"
        case .condition: return "条件（when）"
        case .aggregation: return "汇总规则（aggregation）"
        }
    }
}

/// Everything the checker needs to resolve the names of one expression.
struct ExpressionScope: Sendable {
    /// Inputs and derived values by name.
    var symbols: [String: Symbol]
    var context: ExpressionContext
    /// The degree labels (微小…重大, least to most severe) for `count` and `count_at_least`; the number `i`
    /// written in an expression means index `i - 1`.
    var degrees: EnumDomain?
    /// Slots below this belong to inputs (the rest to derived values); `lower`, `upper` and `sample` take inputs.
    var inputCount = Int.max

    init(symbols: [String: Symbol], context: ExpressionContext, degrees: EnumDomain? = nil) {
        self.symbols = symbols
        self.context = context
        self.degrees = degrees
    }
}
