/// Runs a ``Program`` on a fixed-capacity stack of ``Value``s.
///
/// The stack lives in a temporary (stack-allocated) buffer sized by ``Program/stackCapacity``, and the code,
/// slots and degree counts are read through unsafe buffer pointers, so an evaluation does not allocate, retain or
/// look anything up by name. Three-valued logic: `unknown` spreads through comparisons, arithmetic, `in` and the
/// numeric built-ins; `false and unknown` is `false` and `true or unknown` is `true`.
enum Evaluator {
    static func run(_ program: Program, in environment: borrowing EvaluationEnvironment) -> Value {
        program.instructions.withUnsafeBufferPointer { code in
            environment.slots.withUnsafeBufferPointer { slots in
                environment.degreeCounts.withUnsafeBufferPointer { counts in
                    run(code, stackCapacity: program.stackCapacity, slots: slots, counts: counts)
                }
            }
        }
    }

    /// Runs one program given as a buffer of instructions (jump targets are indexes into `code`); the engine's
    /// evaluation plan keeps every program of a ruleset in one array and passes slices of it.
    @inline(__always)
    static func run(
        _ code: UnsafeBufferPointer<Instruction>, stackCapacity: Int, slots: UnsafeBufferPointer<Value>,
        counts: UnsafeBufferPointer<Int>
    ) -> Value {
        // A single leaf (the common `households >= 300`) needs no stack at all.
        if code.count == 1, let value = leaf(code[0], slots: slots, counts: counts) { return value }
        return withUnsafeTemporaryAllocation(of: Value.self, capacity: stackCapacity) { stack in
            execute(code, slots: slots, counts: counts, stack: stack)
        }
    }

    /// The value pushed by an instruction that reads no operand from the stack; nil for the others.
    @inline(__always)
    private static func leaf(
        _ instruction: Instruction, slots: UnsafeBufferPointer<Value>, counts: UnsafeBufferPointer<Int>
    ) -> Value? {
        switch instruction {
        case .push(let value):
            return value
        case .load(let slot):
            return read(slots, slot)
        case .compareSlot(let slot, let op, let constant):
            guard case .number(let number) = read(slots, slot) else { return .unknown }
            return .boolean(op.apply(number, constant))
        case .enumSlotIs(let slot, let index, let negated):
            guard case .enumeration(let value) = read(slots, slot) else { return .unknown }
            return .boolean((value == index) != negated)
        case .enumSlotIn(let slot, let mask, let negated):
            guard case .enumeration(let value) = read(slots, slot) else { return .unknown }
            let isMember = (0..<64).contains(value) && mask & (1 << UInt64(value)) != 0
            return .boolean(isMember != negated)
        case .present(let slot):
            return .boolean(read(slots, slot).isPresent)
        case .estimate(let slot, let part):
            let index = EstimateLayout.index(slot: Int(slot), part: Int(part), count: slots.count)
            return index >= 0 && index < slots.count ? slots[index] : .unknown
        case .count(let degree):
            return .number(Double(degree >= 0 && Int(degree) < counts.count ? counts[Int(degree)] : 0))
        case .countAtLeast(let degree):
            var total = 0
            var index = Int(max(0, degree))
            while index < counts.count {
                total &+= counts[index]
                index &+= 1
            }
            return .number(Double(total))
        default:
            return nil
        }
    }

    // The checker guarantees operand types; a wrong case from a mis-filled environment reads as unknown.
    private static func execute(
        _ code: UnsafeBufferPointer<Instruction>, slots: UnsafeBufferPointer<Value>,
        counts: UnsafeBufferPointer<Int>, stack: UnsafeMutableBufferPointer<Value>
    ) -> Value {
        var top = -1
        var pc = 0
        while pc < code.count {
            switch code[pc] {
            case .push, .load, .compareSlot, .enumSlotIs, .enumSlotIn, .present, .count, .countAtLeast, .estimate:
                top &+= 1
                stack[top] = leaf(code[pc], slots: slots, counts: counts) ?? .unknown
            case .compareTop(let op, let constant):
                if case .number(let number) = stack[top] {
                    stack[top] = .boolean(op.apply(number, constant))
                } else {
                    stack[top] = .unknown
                }
            case .compare(let op):
                top &-= 1
                stack[top] = compare(stack[top], op, stack[top &+ 1])
            case .not:
                if case .boolean(let flag) = stack[top] { stack[top] = .boolean(!flag) } else { stack[top] = .unknown }
            case .negate:
                stack[top] = arithmetic(stack[top], .number(-1), *)
            case .add:
                top &-= 1
                stack[top] = arithmetic(stack[top], stack[top &+ 1], +)
            case .subtract:
                top &-= 1
                stack[top] = arithmetic(stack[top], stack[top &+ 1], -)
            case .multiply:
                top &-= 1
                stack[top] = arithmetic(stack[top], stack[top &+ 1], *)
            case .divide:
                top &-= 1
                if case .number(0) = stack[top &+ 1] {
                    stack[top] = .unknown
                } else {
                    stack[top] = arithmetic(stack[top], stack[top &+ 1], /)
                }
            case .jumpIfFalse(let target):
                if case .boolean(false) = stack[top] {
                    pc = Int(target)
                    continue
                }
            case .jumpIfTrue(let target):
                if case .boolean(true) = stack[top] {
                    pc = Int(target)
                    continue
                }
            case .and:
                top &-= 1
                stack[top] = logic(stack[top], stack[top &+ 1], deciding: false)
            case .or:
                top &-= 1
                stack[top] = logic(stack[top], stack[top &+ 1], deciding: true)
            case .membership(let count, let negated):
                let first = top - Int(count) + 1
                stack[first - 1] = membership(
                    stack[first - 1], UnsafeBufferPointer(rebasing: stack[first...top]),
                    negated: negated)
                top = first - 1
            case .minimum(let count), .maximum(let count):
                let first = top - Int(count) + 1
                var isMinimum = false
                if case .minimum = code[pc] { isMinimum = true }
                stack[first] = extremum(UnsafeBufferPointer(rebasing: stack[first...top]), minimum: isMinimum)
                top = first
            case .absolute:
                if case .number(let number) = stack[top] {
                    stack[top] = .number(Swift.abs(number))
                } else {
                    stack[top] = .unknown
                }
            case .round(let scale):
                stack[top] = arithmetic(stack[top], .number(scale)) { value, scale in
                    (value * scale).rounded(.toNearestOrAwayFromZero) / scale
                }
            case .daysBetween:
                top &-= 1
                if case .date(let first) = stack[top], case .date(let second) = stack[top &+ 1] {
                    stack[top] = .number(Double(second) - Double(first))
                } else {
                    stack[top] = .unknown
                }
            }
            pc &+= 1
        }
        return top >= 0 ? stack[top] : .unknown
    }

    @inline(__always)
    private static func read(_ slots: UnsafeBufferPointer<Value>, _ slot: Int32) -> Value {
        Int(slot) < slots.count ? slots[Int(slot)] : .unknown
    }

    /// A finite number result, or `unknown` when an operand is not a number or the result overflows.
    @inline(__always)
    private static func arithmetic(_ left: Value, _ right: Value, _ operation: (Double, Double) -> Double) -> Value {
        guard case .number(let a) = left, case .number(let b) = right else { return .unknown }
        let result = operation(a, b)
        return result.isFinite ? .number(result) : .unknown
    }

    @inline(__always)
    private static func compare(_ left: Value, _ op: ComparisonOperator, _ right: Value) -> Value {
        switch (left, right) {
        case (.number(let a), .number(let b)): return .boolean(op.apply(a, b))
        case (.date(let a), .date(let b)): return .boolean(op.apply(a, b))
        case (.enumeration(let a), .enumeration(let b)): return .boolean(op.apply(a, b))
        case (.boolean(let a), .boolean(let b)):
            if op == .equal { return .boolean(a == b) }
            if op == .notEqual { return .boolean(a != b) }
            return .unknown
        default: return .unknown
        }
    }

    /// Three-valued `and` (`deciding` false) or `or` (`deciding` true): the deciding value wins over unknown.
    @inline(__always)
    private static func logic(_ left: Value, _ right: Value, deciding: Bool) -> Value {
        if case .boolean(deciding) = left { return left }
        if case .boolean(deciding) = right { return right }
        if case .boolean = left, case .boolean = right { return .boolean(!deciding) }
        return .unknown
    }

    private static func membership(_ subject: Value, _ elements: UnsafeBufferPointer<Value>, negated: Bool) -> Value {
        guard subject != .unknown else { return .unknown }
        var sawUnknown = false
        for element in elements {
            if element == .unknown {
                sawUnknown = true
            } else if case .boolean(true) = compare(subject, .equal, element) {
                return .boolean(!negated)
            }
        }
        return sawUnknown ? .unknown : .boolean(negated)
    }

    private static func extremum(_ values: UnsafeBufferPointer<Value>, minimum: Bool) -> Value {
        var result: Double?
        for value in values {
            guard case .number(let number) = value else { return .unknown }
            if let current = result {
                result = minimum ? Swift.min(current, number) : Swift.max(current, number)
            } else {
                result = number
            }
        }
        return result.map(Value.number) ?? .unknown
    }
}
