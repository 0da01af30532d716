/// The days on which one version of a ruleset is in force: from `effective` (inclusive) up to `expires`
/// (exclusive).
///
/// `expires` is the first day the version no longer applies, so a new version whose `effective` is the old
/// version's `expires` follows it with neither a gap nor an overlap (“本规则自 2025-01-01 起施行，原规则同时停止施行”).
/// A missing `effective` means in force since before any project; a missing `expires`, still in force.
/// Invariant (checked when compiling, E250): `effective < expires` when both are given.
struct ValidityPeriod: Sendable, Hashable {
    var effective: CalendarDate?
    var expires: CalendarDate?
    /// Where the dates are written (the `effective` line may be in a file this one extends).
    var effectiveLocation: SourceLocation?
    var expiresLocation: SourceLocation?

    /// True when the ruleset gives neither date: it is in force on every day, and dates never choose it.
    var isUndated: Bool { effective == nil && expires == nil }

    /// Whether the version is in force on `date`.
    func contains(_ date: CalendarDate) -> Bool {
        if let effective, date < effective { return false }
        if let expires, date >= expires { return false }
        return true
    }

    /// The period in words for messages and reports: `2024-01-01 起施行，2025-01-01 起停止施行`.
    var text: String {
        switch (effective, expires) {
        case (let effective?, let expires?): "\(effective) 起施行，\(expires) 起停止施行"
        case (let effective?, nil): "\(effective) 起施行"
        case (nil, let expires?): "\(expires) 起停止施行"
        case (nil, nil): "未写施行日期"
        }
    }

    /// Orders versions for listing: by `effective` (undated first), then by `expires`.
    static func precedes(_ lhs: ValidityPeriod, _ rhs: ValidityPeriod) -> Bool {
        let left = lhs.effective?.daysSinceEpoch ?? Int.min
        let right = rhs.effective?.daysSinceEpoch ?? Int.min
        if left != right { return left < right }
        return (lhs.expires?.daysSinceEpoch ?? Int.max) < (rhs.expires?.daysSinceEpoch ?? Int.max)
    }
}
