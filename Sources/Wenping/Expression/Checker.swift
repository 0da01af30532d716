/// Resolves names and checks types, turning ``Syntax`` into ``CheckedSyntax``.
///
/// Guarantees to the lowering: every name is a symbol of the scope, every enum value and degree is a valid
/// index, every operator has operands of types it accepts, `text` appears only as the argument of `present`,
/// and built-ins are called with valid arity in a context that allows them. Problems go to ``issues`` (E304–E310);
/// a node with an error checks as nil and its parents stay silent, so each mistake is reported once.
struct Checker {
    let scope: ExpressionScope
    private(set) var issues: [ExpressionIssue] = []

    init(scope: ExpressionScope) {
        self.scope = scope
    }

    /// Checks a whole expression; `expected` is `.boolean` for conditions (E310 otherwise) or nil to infer.
    static func check(
        _ syntax: Syntax, scope: ExpressionScope, expected: ExpressionType?
    ) -> (checked: CheckedSyntax?, issues: [ExpressionIssue]) {
        var checker = Checker(scope: scope)
        guard let checked = checker.check(syntax) else { return (nil, checker.issues) }
        if let expected, checked.type != expected {
            if expected == .boolean {
                checker.report(
                    .notACondition,
                    "条件的结果应是真或假，这里得到的是\(checked.type.displayName)；请写成比较，如 households >= 300。",
                    syntax.range)
            } else {
                checker.report(
                    .typeMismatch, "这里需要\(expected.displayName)，表达式得到的是\(checked.type.displayName)。",
                    syntax.range)
            }
            return (nil, checker.issues)
        }
        return (checked, checker.issues)
    }

    /// Checks one node.
    ///
    /// `hint` is the type on the other side of `==`, `!=` or `in`: when it is an enum, a bare
    /// name that is not a symbol, or a string literal, is read as one of its values.
    mutating func check(_ syntax: Syntax, hint: ExpressionType? = nil) -> CheckedSyntax? {
        let range = syntax.range
        switch syntax.kind {
        case .number(let value):
            return CheckedSyntax(kind: .constant(.number(value)), type: .number, range: range)
        case .boolean(let value):
            return CheckedSyntax(kind: .constant(.boolean(value)), type: .boolean, range: range)
        case .string(let text):
            if case .enumeration(let domain) = hint { return enumValue(text, in: domain, range: range) }
            report(.typeMismatch, "字符串 \"\(text)\" 只能与枚举比较，如 land_type == \"基本农田\"。", range)
            return nil
        case .name(let name):
            return resolve(name, hint: hint, range: range)
        case .unary(.not, let operand):
            guard let operand = checkOperand(operand, as: .boolean, of: "not") else { return nil }
            return CheckedSyntax(kind: .unary(.not, operand), type: .boolean, range: range)
        case .unary(.negate, let operand):
            guard let operand = checkOperand(operand, as: .number, of: "-") else { return nil }
            if case .constant(.number(let value)) = operand.kind {
                return CheckedSyntax(kind: .constant(.number(-value)), type: .number, range: range)
            }
            return CheckedSyntax(kind: .unary(.negate, operand), type: .number, range: range)
        case .binary(let op, let left, let right):
            if op.isComparison { return comparison(op, left, right, range: range) }
            let operandType: ExpressionType = op == .and || op == .or ? .boolean : .number
            let checkedLeft = checkOperand(left, as: operandType, of: op.spelling)
            let checkedRight = checkOperand(right, as: operandType, of: op.spelling)
            guard let checkedLeft, let checkedRight else { return nil }
            if let folded = fold(op, checkedLeft, checkedRight, range: range) { return folded }
            return CheckedSyntax(kind: .binary(op, checkedLeft, checkedRight), type: operandType, range: range)
        case .membership(let subject, let elements, let negated):
            return membership(subject, elements, negated: negated, range: range)
        case .call(let name, let nameRange, let arguments):
            return call(name, nameRange: nameRange, arguments: arguments, range: range)
        }
    }

    /// Resolves a bare name: a symbol, else a value of the enum `hint`, else an unknown name (E304).
    private mutating func resolve(_ name: String, hint: ExpressionType?, range: ExpressionRange) -> CheckedSyntax? {
        if let symbol = scope.symbols[name] {
            if symbol.type == .text {
                report(
                    .typeMismatch,
                    "“\(name)”是文字，只用于描述，不能参与比较或计算；可以用 present(\(name)) 判断是否已填写。", range)
                return nil
            }
            return CheckedSyntax(kind: .symbol(symbol), type: symbol.type, range: range)
        }
        if case .enumeration(let domain) = hint { return enumValue(name, in: domain, range: range) }
        reportUnknownName(name, range: range)
        return nil
    }

    mutating func reportUnknownName(_ name: String, range: ExpressionRange) {
        if Builtin.named(name) != nil {
            report(.unknownName, "“\(name)”是函数，调用时要加括号，如 \(name)(…)。", range)
        } else if let match = suggestion(for: name, among: Array(scope.symbols.keys)) {
            report(.unknownName, "未知名称“\(name)”。是否想写“\(match)”？", range)
        } else {
            report(.unknownName, "未知名称“\(name)”；请检查拼写，或先在 inputs 或 derived 中声明它。", range)
        }
    }

    /// The enum constant for a key or label, or E306 listing the valid values.
    private mutating func enumValue(_ text: String, in domain: EnumDomain, range: ExpressionRange) -> CheckedSyntax? {
        guard let index = domain.index(of: text) else {
            report(.unknownEnumValue, "枚举“\(domain.name)”没有取值“\(text)”；可选值：\(domain.valueList)。", range)
            return nil
        }
        return CheckedSyntax(kind: .constant(.enumeration(Int32(index))), type: .enumeration(domain), range: range)
    }

    /// Checks an operand that must have `type`, naming the operator in the message otherwise.
    private mutating func checkOperand(_ syntax: Syntax, as type: ExpressionType, of op: String) -> CheckedSyntax? {
        guard let checked = check(syntax) else { return nil }
        guard checked.type == type else {
            report(
                .typeMismatch, "“\(op)”的运算对象应是\(type.displayName)，这里是\(checked.type.displayName)。",
                syntax.range)
            return nil
        }
        return checked
    }

    /// `==`, `!=`, `<`, `<=`, `>`, `>=`: the side that is not a bare word is checked first and gives the hint.
    private mutating func comparison(
        _ op: BinaryOperator, _ left: Syntax, _ right: Syntax, range: ExpressionRange
    ) -> CheckedSyntax? {
        let rightFirst = isBareWord(left) && !isBareWord(right)
        let first = rightFirst ? right : left
        let second = rightFirst ? left : right
        guard let checkedFirst = check(first) else {
            if !isBareWord(second) { _ = check(second) }
            return nil
        }
        guard let checkedSecond = check(second, hint: checkedFirst.type) else { return nil }
        let (checkedLeft, checkedRight) = rightFirst ? (checkedSecond, checkedFirst) : (checkedFirst, checkedSecond)
        guard comparable(checkedLeft.type, checkedRight.type, op: op.spelling, range: range) else { return nil }
        let isEquality = op == .equal || op == .notEqual
        if !isEquality {
            switch checkedLeft.type {
            case .number, .date: break
            case .enumeration(let domain):
                report(.typeMismatch, "枚举“\(domain.name)”没有大小顺序，只能用 ==、！=、in 或 not in 比较。", range)
                return nil
            default:
                report(.typeMismatch, "\(checkedLeft.type.displayName)不能比较大小，只能用 == 或 != 比较。", range)
                return nil
            }
        }
        return CheckedSyntax(kind: .binary(op, checkedLeft, checkedRight), type: .boolean, range: range)
    }

    /// Whether two operand types may be compared; reports E305 if not.
    private mutating func comparable(
        _ left: ExpressionType, _ right: ExpressionType, op: String, range: ExpressionRange
    ) -> Bool {
        if left == right { return true }
        if case .enumeration(let a) = left, case .enumeration(let b) = right {
            report(.typeMismatch, "枚举“\(a.name)”与枚举“\(b.name)”的取值不同，不能用“\(op)”相互比较。", range)
        } else {
            report(.typeMismatch, "不能用“\(op)”比较\(left.displayName)与\(right.displayName)；两边的类型应相同。", range)
        }
        return false
    }

    private mutating func membership(
        _ subject: Syntax, _ elements: [Syntax], negated: Bool, range: ExpressionRange
    ) -> CheckedSyntax? {
        let keyword = negated ? "not in" : "in"
        guard let checkedSubject = check(subject) else { return nil }
        var checkedElements: [CheckedSyntax] = []
        var failed = false
        for element in elements {
            guard let checked = check(element, hint: checkedSubject.type) else {
                failed = true
                continue
            }
            if !comparable(checkedSubject.type, checked.type, op: keyword, range: element.range) { failed = true }
            checkedElements.append(checked)
        }
        if failed { return nil }
        return CheckedSyntax(
            kind: .membership(checkedSubject, checkedElements, negated: negated), type: .boolean, range: range)
    }

    /// A string literal or a name that is not a symbol: its meaning depends on the other side.
    private func isBareWord(_ syntax: Syntax) -> Bool {
        switch syntax.kind {
        case .string: return true
        case .name(let name): return scope.symbols[name] == nil
        default: return false
        }
    }

    /// Folds arithmetic on two number constants, unless the result would not be finite (`1 / 0` stays as is and
    /// evaluates to unknown).
    private func fold(
        _ op: BinaryOperator, _ left: CheckedSyntax, _ right: CheckedSyntax, range: ExpressionRange
    ) -> CheckedSyntax? {
        guard case .constant(.number(let a)) = left.kind, case .constant(.number(let b)) = right.kind else {
            return nil
        }
        let result: Double
        switch op {
        case .add: result = a + b
        case .subtract: result = a - b
        case .multiply: result = a * b
        case .divide: result = b == 0 ? .nan : a / b
        default: return nil
        }
        guard result.isFinite else { return nil }
        return CheckedSyntax(kind: .constant(.number(result)), type: .number, range: range)
    }

    mutating func report(_ code: DiagnosticCode, _ message: String, _ range: ExpressionRange) {
        issues.append(ExpressionIssue(code: code, message: message, range: range))
    }
}
