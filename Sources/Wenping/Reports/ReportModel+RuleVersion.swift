extension ReportModel {
    /// The 评估依据 line that names the rules, in plain text (each format escapes it).
    ///
    /// Title, id, version and period, then how the version was chosen when a date or a named version took part
    /// (``VersionChoice``):
    ///
    /// `风险等级评判标准：…（national/x，版本 2025.1，2025-01-01 起施行，2026-01-01 起停止施行）；按评估日期 2025-06-30 施行的版本评估`
    var standardLine: String {
        "风险等级评判标准：\(ruleSet.title)（\(ruleSet.id)，版本 \(ruleSet.version)\(periodClause)）\(versionClause)"
    }

    /// The version's period after its number: `，2024-01-01 起施行，2025-01-01 起停止施行` (empty when undated).
    var periodClause: String {
        (ruleSet.effective.map { "，\($0) 起施行" } ?? "") + (ruleSet.expires.map { "，\($0) 起停止施行" } ?? "")
    }

    /// How the version was chosen, after the closing bracket: `；按评估日期 … 施行的版本评估` (empty when no date
    /// or named version took part).
    var versionClause: String { project.versionChoice.map { "；" + $0.sentence } ?? "" }
}
