/// The fact values worth trying when looking for the nearest change that moves a factor's level.
///
/// Read from the checked conditions: for `x op c` on a numeric input, values at and just either side of `c`
/// (`c - 1`, `c`, `c + 1` for integers; a small step for numbers and percents); for `d op c` on a numeric
/// derived value, the same around the value of each numeric input `d` reads that makes `d` equal `c` (found by
/// the secant method, the other facts kept); for booleans the other value; for enums every other value. Each
/// candidate is only a guess: ``WhatIf`` re-evaluates the project to see what it really changes.
struct ChangeCandidates {
    let project: Project
    /// Thresholds per input slot (inputs only; derived thresholds are turned into input values).
    private(set) var thresholds: [Int: Set<Double>] = [:]
    /// Boolean and enum input slots the conditions read.
    private(set) var discrete: Set<Int> = []
    private var visitedDerived: Set<Int> = []

    init(project: Project) {
        self.project = project
    }

    /// Candidates for every input slot the `expressions` read, by slot; values equal to the project's are left out.
    static func values(for expressions: [CompiledExpression], in project: Project) -> [Int: [Value]] {
        var scan = ChangeCandidates(project: project)
        for expression in expressions { scan.walk(expression.syntax) }
        return scan.candidates()
    }

    var ruleSet: CompiledRuleSet { project.ruleSet }

    mutating func walk(_ syntax: CheckedSyntax) {
        switch syntax.kind {
        case .constant: break
        case .symbol(let symbol): note(symbol)
        case .unary(_, let operand): walk(operand)
        case .binary(let op, let left, let right):
            if op.isComparison {
                if case .symbol(let symbol) = left.kind, case .constant(.number(let constant)) = right.kind {
                    threshold(symbol, constant)
                } else if case .symbol(let symbol) = right.kind, case .constant(.number(let constant)) = left.kind {
                    threshold(symbol, constant)
                }
            }
            walk(left)
            walk(right)
        case .membership(let subject, let elements, _):
            walk(subject)
            for element in elements { walk(element) }
        case .call(_, let arguments):
            for argument in arguments { walk(argument) }
        }
    }

    /// A name read anywhere: boolean and enum inputs are tried with their other values; a derived value's own
    /// expression is walked too, so `late = months > 24` used as `late` still finds 24.
    private mutating func note(_ symbol: Symbol) {
        if let input = input(at: symbol.slot) {
            if input.kind == .boolean || input.kind == .enumeration { discrete.insert(symbol.slot) }
        } else if let derived = derived(at: symbol.slot), visitedDerived.insert(symbol.slot).inserted {
            walk(derived.expression.syntax)
        }
    }

    private mutating func threshold(_ symbol: Symbol, _ constant: Double) {
        guard constant.isFinite else { return }
        if let input = input(at: symbol.slot) {
            guard [.integer, .number, .percent].contains(input.kind) else { return }
            thresholds[symbol.slot, default: []].insert(constant)
            return
        }
        guard let derived = derived(at: symbol.slot), derived.expression.type == .number else { return }
        for slot in numericInputs(of: derived.expression) {
            if let solution = solve(derivedSlot: symbol.slot, for: slot, equal: constant) {
                thresholds[slot, default: []].insert(solution)
            }
        }
    }

    /// Numeric input slots an expression reads, through derived values, in slot order.
    private func numericInputs(of expression: CompiledExpression) -> [Int] {
        var found: Set<Int> = []
        var pending = Array(expression.references)
        var seen: Set<Int> = []
        while let slot = pending.popLast() {
            guard seen.insert(slot).inserted else { continue }
            if let input = input(at: slot) {
                if [.integer, .number, .percent].contains(input.kind) { found.insert(slot) }
            } else if let derived = derived(at: slot) {
                pending.append(contentsOf: derived.expression.references)
            }
        }
        return found.sorted()
    }

    /// The value of input `slot` at which derived value `derivedSlot` equals `target`, others unchanged; nil when
    /// the secant method does not get there (unknown values, a flat function, or no convergence in 50 steps).
    func solve(derivedSlot: Int, for slot: Int, equal target: Double) -> Double? {
        guard case .number(let start) = project.values[slot] else { return nil }
        func value(at x: Double) -> Double? {
            var values = project.values
            values[slot] = .number(x)
            guard case .number(let result) = project.slotValues(values)[derivedSlot], result.isFinite else {
                return nil
            }
            return result
        }
        let tolerance = 1e-9 * max(1, abs(target))
        var x0 = start
        var x1 = start == 0 ? 1 : start * 1.01
        guard var f0 = value(at: x0), var f1 = value(at: x1) else { return nil }
        if abs(f0 - target) <= tolerance { return x0 }
        for _ in 0..<50 {
            guard f1 != f0 else { return nil }
            let x2 = x1 - (f1 - target) * (x1 - x0) / (f1 - f0)
            guard x2.isFinite, let f2 = value(at: x2) else { return nil }
            (x0, f0, x1, f1) = (x1, f1, x2, f2)
            if abs(f1 - target) <= tolerance { return x1 }
        }
        return nil
    }

    /// The values to try per slot, sorted, within each input's range, without the project's own value.
    func candidates() -> [Int: [Value]] {
        var out: [Int: [Value]] = [:]
        for (slot, constants) in thresholds {
            guard let input = input(at: slot) else { continue }
            var numbers: Set<Double> = []
            for constant in constants { numbers.formUnion(Self.around(constant, input.kind)) }
            let values = numbers.filter { number in
                (input.min.map { number >= $0 - 1e-12 } ?? true) && (input.max.map { number <= $0 + 1e-12 } ?? true)
            }
            out[slot] = values.sorted().map(Value.number)
        }
        for slot in discrete {
            guard let input = input(at: slot) else { continue }
            switch input.kind {
            case .boolean: out[slot] = [.boolean(false), .boolean(true)]
            case .enumeration:
                out[slot] = (input.domain?.values.indices ?? 0..<0).map { .enumeration(Int32($0)) }
            default: break
            }
        }
        for (slot, values) in out {
            let own = project.values[slot]
            out[slot] = values.filter { $0 != own }
        }
        return out.filter { !$0.value.isEmpty }
    }

    /// Numbers at and either side of `constant`: `c - 1`, `c`, `c + 1` (whole numbers) for integers; one step of
    /// 0.1 percentage point for percents; a step of the fourth significant digit for other numbers.
    ///
    /// Non-integer candidates are whole multiples of a power of ten divided exactly, so `0.9` here is the same
    /// number as `0.9` written in a rule or project file.
    static func around(_ constant: Double, _ kind: CompiledRuleSet.Input.Kind) -> [Double] {
        switch kind {
        case .integer:
            let low = constant.rounded(.down)
            let high = constant.rounded(.up)
            return [low - 1, low, high, high + 1]
        case .percent:
            return decimals(around: constant, exponent: -3)
        default:
            return decimals(around: constant, exponent: constant == 0 ? -2 : decimalExponent(of: constant) - 3)
        }
    }

    /// The multiple of 10^`exponent` nearest `value` and its two neighbours.
    private static func decimals(around value: Double, exponent: Int) -> [Double] {
        var scale = 1.0
        for _ in 0..<abs(exponent) { scale *= 10 }
        let steps = exponent < 0 ? (value * scale).rounded() : (value / scale).rounded()
        return [steps - 1, steps, steps + 1].map { exponent < 0 ? $0 / scale : $0 * scale }
    }

    /// ⌊log₁₀ |value|⌋ for a finite non-zero value.
    private static func decimalExponent(of value: Double) -> Int {
        var magnitude = abs(value)
        var exponent = 0
        while magnitude >= 10 {
            magnitude /= 10
            exponent += 1
        }
        while magnitude < 1 {
            magnitude *= 10
            exponent -= 1
        }
        return exponent
    }

    private func input(at slot: Int) -> CompiledRuleSet.Input? {
        slot < ruleSet.inputs.count ? ruleSet.inputs[slot] : nil
    }

    private func derived(at slot: Int) -> CompiledRuleSet.Derived? {
        let index = slot - ruleSet.inputs.count
        return index >= 0 && index < ruleSet.derived.count ? ruleSet.derived[index] : nil
    }
}
