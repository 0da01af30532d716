/// How the version of a dated ruleset was chosen for a project, so that the report can say it.
///
/// Recorded whenever a date took part in the choice (the ruleset has several versions, or it is dated and the
/// project has a date) or the version was named (`--ruleset ID@VERSION`); `nil` on ``Project`` otherwise, and the
/// report is then exactly as it was before versions existed.
public struct VersionChoice: Sendable, Hashable {
    /// What decided the version.
    public enum Basis: String, Sendable, Hashable {
        /// The version in force on the project's own `assessment_date`.
        case assessmentDate = "assessment_date"
        /// The version in force on a date given for the run (`--as-of`).
        case asOf = "as_of"
        /// The project has no date: the newest version (latest `effective`) was used (W545).
        case newest
        /// The version was named (`--ruleset ID@VERSION`), whatever the date.
        case named
    }

    public let basis: Basis
    /// The date the choice was made for, `YYYY-MM-DD`: the project's or the run's date; for ``Basis/newest`` the
    /// newest version's `effective`; for ``Basis/named`` the project's or run's date if there is one.
    public let date: String?
    /// How many versions of the ruleset's id the rules hold.
    public let versionCount: Int
    /// Whether the version used is in force on ``date`` (always true unless the version was named).
    public let isInForce: Bool

    /// The sentence for the report's 基本情况, after the ruleset's name and period.
    public var sentence: String {
        var notes: [String] = []
        let head: String
        switch basis {
        case .assessmentDate: head = "按评估日期 \(date ?? "") 施行的版本评估"
        case .asOf: head = "按指定日期 \(date ?? "") 施行的版本评估"
        case .newest: head = "项目未写评估日期，按最新版本评估"
        case .named:
            head = "按指定的版本评估"
            if let date { notes.append(isInForce ? "该版本在 \(date) 施行" : "该版本在 \(date) 不在施行期内") }
        }
        if versionCount > 1 { notes.append("该规则共有 \(versionCount) 个版本") }
        return notes.isEmpty ? head : head + "（" + notes.joined(separator: "；") + "）"
    }
}

extension VersionChoice {
    /// `{"basis": …, "date": …, "versions": …, "in_force": …, "text": …}`, as JSON reports and batch summaries
    /// write it.
    func write(_ json: inout JSONWriter) {
        json.object { json in
            json.field("basis", basis.rawValue)
            json.field("date", date)
            json.field("versions", versionCount)
            json.field("in_force", isInForce)
            json.field("text", sentence)
        }
    }
}
