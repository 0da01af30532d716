/// Finds conditions that can never decide a band because earlier bands already match whatever they match.
///
/// Only simple shapes are analysed: `true`, and conjunctions (`and`) of `number_name op number`,
/// `number op number_name`, `enum_name == value` / `!=`, `enum_name in [values]` / `not in`, `bool_name`,
/// `not bool_name` and `bool_name == true/false`. Anything else gives no ``Constraint`` and is never reported,
/// so the analysis is sound: it says "covered" only when that is certain. Absent optional facts (`unknown`) are
/// the engine's business and are ignored here.
enum ConditionAnalysis {
    /// The constraint a checked boolean expression puts on its slots, or nil when its shape is not analysed.
    static func constraint(of syntax: CheckedSyntax) -> Constraint? {
        var constraint = Constraint()
        return collect(syntax, into: &constraint) ? constraint : nil
    }

    /// Whether every assignment satisfying `later` satisfies at least one of `earlier`.
    ///
    /// Sound, not complete: false when unsure. Exact for one variable (`x < 0.9`, `x < 1.0` cover `x < 0.95`;
    /// `x >= 300` covers `x >= 1000`), and for several variables when, for one of them, each useful earlier
    /// condition constrains the others no more than `later` does. A `true` earlier condition covers everything;
    /// an unsatisfiable `later` is covered vacuously. Nil entries in `earlier` are skipped.
    static func covers(_ earlier: [Constraint?], _ later: Constraint?) -> Bool {
        guard let later else { return false }
        if later.isUnsatisfiable { return true }
        let usable = earlier.compactMap { $0 }.filter { !$0.isUnsatisfiable }
        if usable.contains(where: { $0.slots.isEmpty }) { return true }
        var slots = Set(later.slots.keys)
        for condition in usable { slots.formUnion(condition.slots.keys) }
        for slot in slots.sorted() {
            guard let sample = later.slots[slot] ?? usable.lazy.compactMap({ $0.slots[slot] }).first else { continue }
            let target = later.slots[slot] ?? sample.unconstrained
            var parts: [SlotConstraint] = []
            for condition in usable {
                let othersImplied = condition.slots.allSatisfy { other, required in
                    other == slot || later.slots[other]?.isCovered(by: [required]) == true
                }
                if othersImplied { parts.append(condition.slots[slot] ?? target.unconstrained) }
            }
            if target.isCovered(by: parts) { return true }
        }
        return false
    }

    private static func collect(_ node: CheckedSyntax, into constraint: inout Constraint) -> Bool {
        switch node.kind {
        case .constant(.boolean(true)):
            return true
        case .binary(.and, let left, let right):
            return collect(left, into: &constraint) && collect(right, into: &constraint)
        case .binary(let op, let left, let right):
            guard let comparison = ComparisonOperator(op) else { return false }
            return comparisonConstraint(comparison, left, right, into: &constraint)
                || comparisonConstraint(comparison.flipped, right, left, into: &constraint)
        case .membership(let subject, let elements, let negated):
            guard case .symbol(let symbol) = subject.kind, case .enumeration(let domain) = symbol.type else {
                return false
            }
            var values = Set<Int32>()
            for element in elements {
                guard case .constant(.enumeration(let index)) = element.kind else { return false }
                values.insert(index)
            }
            constraint.require(enumConstraint(values, negated: negated, size: domain.values.count), at: symbol.slot)
            return true
        case .symbol(let symbol) where symbol.type == .boolean:
            constraint.require(.boolean([true]), at: symbol.slot)
            return true
        case .unary(.not, let operand):
            guard case .symbol(let symbol) = operand.kind, symbol.type == .boolean else { return false }
            constraint.require(.boolean([false]), at: symbol.slot)
            return true
        default:
            return false
        }
    }

    /// Adds the constraint of `symbol op constant`, if `left` and `right` have that shape.
    private static func comparisonConstraint(
        _ op: ComparisonOperator, _ left: CheckedSyntax, _ right: CheckedSyntax, into constraint: inout Constraint
    ) -> Bool {
        guard case .symbol(let symbol) = left.kind, case .constant(let value) = right.kind else { return false }
        switch (value, symbol.type) {
        case (.number(let number), .number):
            guard let interval = Interval(op, number) else { return false }
            constraint.require(.interval(interval), at: symbol.slot)
        case (.enumeration(let index), .enumeration(let domain)) where op == .equal || op == .notEqual:
            constraint.require(
                enumConstraint([index], negated: op == .notEqual, size: domain.values.count), at: symbol.slot)
        case (.boolean(let flag), .boolean) where op == .equal || op == .notEqual:
            constraint.require(.boolean([flag != (op == .notEqual)]), at: symbol.slot)
        default:
            return false
        }
        return true
    }

    private static func enumConstraint(_ values: Set<Int32>, negated: Bool, size: Int) -> SlotConstraint {
        let all = Set((0..<Int32(size)).map { $0 })
        return .enumeration(negated ? all.subtracting(values) : values, domainSize: size)
    }
}

extension CompiledExpression {
    /// The constraint of this condition for ``ConditionAnalysis/covers(_:_:)``, or nil when not analysed.
    var constraint: Constraint? { ConditionAnalysis.constraint(of: syntax) }
}
