/// A comparison, applied to two numbers, dates or enum indexes.
enum ComparisonOperator: UInt8, Sendable, Hashable {
    case equal
    case notEqual
    case less
    case lessOrEqual
    case greater
    case greaterOrEqual

    init?(_ op: BinaryOperator) {
        switch op {
        case .equal: self = .equal
        case .notEqual: self = .notEqual
        case .less: self = .less
        case .lessOrEqual: self = .lessOrEqual
        case .greater: self = .greater
        case .greaterOrEqual: self = .greaterOrEqual
        default: return nil
        }
    }

    /// The operator with its operands swapped: `3 < x` is `x > 3`.
    var flipped: ComparisonOperator {
        switch self {
        case .equal, .notEqual: return self
        case .less: return .greater
        case .lessOrEqual: return .greaterOrEqual
        case .greater: return .less
        case .greaterOrEqual: return .lessOrEqual
        }
    }

    @inline(__always)
    func apply<T: Comparable>(_ a: T, _ b: T) -> Bool {
        switch self {
        case .equal: return a == b
        case .notEqual: return a != b
        case .less: return a < b
        case .lessOrEqual: return a <= b
        case .greater: return a > b
        case .greaterOrEqual: return a >= b
        }
    }
}

/// One step of the evaluator's stack machine; a trivial enum, so a program is a flat array with no references.
///
/// Slots, counts and jump targets are `Int32` to keep instructions small. Every instruction that reads a value of
/// the wrong case (which the checker rules out) produces `unknown` rather than trapping.
enum Instruction: Sendable, Hashable {
    /// Pushes a constant.
    case push(Value)
    /// Pushes a slot's value (`unknown` past the end of the slots).
    case load(slot: Int32)
    /// Pushes `slots[slot] op constant` for a number slot: the shape of most conditions, in one step.
    case compareSlot(slot: Int32, ComparisonOperator, Double)
    /// Replaces the number on top with `top op constant`.
    case compareTop(ComparisonOperator, Double)
    /// Pushes whether an enum slot holds the value `index` (or not, when `negated`).
    case enumSlotIs(slot: Int32, index: Int32, negated: Bool)
    /// Pushes whether an enum slot's index is a bit of `mask` (or not, when `negated`); for `in` lists.
    case enumSlotIn(slot: Int32, mask: UInt64, negated: Bool)
    /// Pops two values and pushes their comparison.
    case compare(ComparisonOperator)
    case not
    case negate
    case add
    case subtract
    case multiply
    /// Division; by zero gives `unknown`.
    case divide
    /// Jumps to the absolute index when the top is `false`, leaving it there (short-circuit `and`).
    case jumpIfFalse(Int32)
    /// Jumps to the absolute index when the top is `true`, leaving it there (short-circuit `or`).
    case jumpIfTrue(Int32)
    /// Pops two values and pushes their three-valued conjunction.
    case and
    /// Pops two values and pushes their three-valued disjunction.
    case or
    /// Pops `count` elements and the subject below them; pushes whether the subject is among them.
    case membership(count: Int32, negated: Bool)
    case minimum(count: Int32)
    case maximum(count: Int32)
    case absolute
    /// Rounds half away from zero at `1 / scale` (scale = 10^digits).
    case round(scale: Double)
    /// Pops two dates and pushes the second minus the first, in days.
    case daysBetween
    /// Pushes whether a slot holds a given value (never `unknown`).
    case present(slot: Int32)
    /// Pushes the number of factors at a degree index.
    case count(degree: Int32)
    /// Pushes the number of factors at a degree index or above.
    case countAtLeast(degree: Int32)
    /// Pushes part `part` (0 lower bound, 1 upper bound, 2 sample size) of the survey sample behind input `slot`,
    /// read from the estimate region at the end of the slots (see ``EstimateLayout``).
    case estimate(slot: Int32, part: Int32)
}

/// A lowered expression: instructions plus the stack depth they need, computed when lowering.
struct Program: Sendable, Hashable {
    let instructions: [Instruction]
    /// The most values on the stack at any point; the evaluator reserves exactly this much.
    let stackCapacity: Int
}
