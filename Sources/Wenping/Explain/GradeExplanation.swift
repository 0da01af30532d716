/// Why a project got its grade, as data for a page: how the grade was decided before and after measures, the
/// nearest single-fact changes and the measures not yet adopted, each re-evaluated.
///
/// Made by ``Explainer/explanation(of:)`` from the same parts as ``Explainer/explain(_:factor:)``'s text, so both
/// say the same thing. Text fields use the explanation's light markup: `**bold**` for the factor or floor a line
/// is about, backquotes around a condition as written.
public struct GradeExplanation: Sendable {
    /// How the grade before or after measures was decided.
    public struct Outcome: Sendable {
        /// `措施前：高风险` or `落实措施后：中风险`.
        public let title: String
        /// The index and its grade, the degrees of the applicable factors, the count rules, the floors and which of
        /// them decided, one line each.
        public let lines: [String]
    }

    /// What a re-evaluated grade after measures does compared with the actual one.
    public enum Direction: Sendable {
        case lowers, raises, keeps
    }

    /// One fact set to another value (every other fact and measure kept), re-evaluated.
    public struct FactChange: Sendable {
        /// The fact's name in project files (`opposition_rate`).
        public let fact: String
        /// The new value as a planner types it in a form: `33.01%` for a percent, `1200` for a number, `true` or
        /// `false`, an enum key, a date as `YYYY-MM-DD`.
        public let formValue: String
        /// The new value as reports print it (`33.01%`, `260 户`, `是`, an enum label).
        public let valueLabel: String
        /// The change and what it does to the factor or floor and to the grade.
        public let text: String
        public let direction: Direction
    }

    /// One measure not yet adopted, re-evaluated as if adopted.
    public struct MeasureOption: Sendable {
        public let measure: String
        public let label: String
        /// What adopting it does to its factor and to the grade.
        public let text: String
        public let direction: Direction
    }

    public let outcomes: [Outcome]
    /// Grouped by direction (those that lower the grade after measures first), largest move first in a group.
    public let changes: [FactChange]
    /// Ordered as ``changes``.
    public let measures: [MeasureOption]
    /// True when the grade after measures is already the lowest.
    public let isLowest: Bool
}
