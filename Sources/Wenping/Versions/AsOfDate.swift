/// The date that chooses which version of a ruleset grades a project (`--as-of`).
///
/// By default each project's own `assessment_date` decides; an explicit date overrides it for every project.
/// The library never reads the clock: a caller that wants today's rules passes today's date, and the report
/// names the date used.
public struct AsOfDate: Sendable, Hashable, CustomStringConvertible {
    /// The date given, or nil for “each project's own assessment date”.
    let date: CalendarDate?

    /// Each project's own `assessment_date` (the default).
    public static let projectDate = AsOfDate(date: nil)

    init(date: CalendarDate?) {
        self.date = date
    }

    /// A fixed date written `YYYY-MM-DD` (a day that exists); nil for anything else.
    public init?(_ text: String) {
        guard let date = CalendarDate(text) else { return nil }
        self.date = date
    }

    /// The calendar date (UTC) `seconds` after 1970-01-01, for a caller that was asked for today's rules.
    public init(secondsSinceEpoch seconds: Double) {
        let days = Int((seconds / 86_400).rounded(.down))
        self.date = CalendarDate(daysSinceEpoch: days)
    }

    /// `YYYY-MM-DD`, or `项目评估日期` for the default.
    public var description: String { date?.description ?? "项目评估日期" }
}
