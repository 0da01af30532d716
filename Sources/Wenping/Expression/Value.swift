/// A runtime value: a trivial enum (no references), so evaluation never allocates, retains or releases.
///
/// Integer, number and percent facts are all `number`. An optional fact that is absent is `unknown`, and
/// `unknown` spreads through comparisons and arithmetic by three-valued logic (see `Grammar.md`).
enum Value: Sendable, Hashable {
    case unknown
    case number(Double)
    case boolean(Bool)
    /// An enum value: the 0-based index of the value in its ``EnumDomain``.
    case enumeration(Int32)
    /// A date as days since 1970-01-01 (negative before).
    case date(Int32)
    /// A text fact; only whether it is given matters to expressions.
    case text(Bool)

    /// Whether `present(x)` holds for this value.
    var isPresent: Bool {
        switch self {
        case .unknown, .text(false): return false
        default: return true
        }
    }
}

/// The values an expression reads.
///
/// The engine fills ``slots`` from a project's facts and derived values (slot `i` holds the symbol whose
/// ``Symbol/slot`` is `i`), and ``degreeCounts`` before aggregation rules run.
struct EvaluationEnvironment: Sendable {
    /// One value per symbol slot.
    ///
    /// A slot past the end reads as `unknown`.
    var slots: [Value]
    /// For aggregation: how many applicable factors reached each degree, indexed like ``ExpressionScope/degrees``.
    var degreeCounts: [Int]

    init(slots: [Value], degreeCounts: [Int] = []) {
        self.slots = slots
        self.degreeCounts = degreeCounts
    }
}
