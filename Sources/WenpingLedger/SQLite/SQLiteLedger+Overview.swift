import GRDB

extension SQLiteLedger {
    public func projectOverview(_ filter: ProjectFilter) async throws(LedgerError) -> [ProjectOverview] {
        guard let (sql, arguments) = Self.projectOverviewQuery(filter) else { return [] }
        return try await read { db in
            try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
                ProjectOverview(
                    projectID: row["project_id"], name: row["name"], latestVersion: row["latest_version"],
                    assessmentID: row["assessment_id"], ruleSetID: row["ruleset_id"],
                    gradeBefore: row["grade_before"], gradeAfter: row["grade_after"], assessedAt: row["assessed_at"],
                    decision: row["decision"])
            }
        }
    }

    /// The list page's query on `project_list`, or nil when nothing can match (an empty set of rulesets).
    ///
    /// Each filter is an equality on an indexed column and the page follows the project id (keyset paging), so
    /// SQLite reads one range of the index made for exactly these filters and stops after `limit` rows. Several
    /// rulesets (a kind or jurisdiction several rulesets share) are one such range each, merged: at most
    /// `limit` rows per ruleset are read and sorted, never every project of those rulesets.
    static func projectOverviewQuery(_ filter: ProjectFilter) -> (String, StatementArguments)? {
        let limit = max(1, min(filter.limit, 500))
        let ruleSets = filter.ruleSetIDs.map { Array(Set($0)).sorted() }
        if ruleSets?.isEmpty == true { return nil }
        func range(ruleSet: String?) -> (String, [String]) {
            var conditions: [String] = []
            var arguments: [String] = []
            for (column, value) in [
                ("ruleset_id", ruleSet), ("state", filter.state?.rawValue), ("grade_after", filter.gradeAfter),
                ("project_id >", filter.after),
            ] {
                guard let value else { continue }
                conditions.append(column.hasSuffix(">") ? "\(column) ?" : "\(column) = ?")
                arguments.append(value)
            }
            let whereClause = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
            return ("SELECT * FROM project_list\(whereClause) ORDER BY project_id LIMIT \(limit)", arguments)
        }
        guard let ruleSets, ruleSets.count > 1 else {
            let (sql, arguments) = range(ruleSet: ruleSets?.first)
            return (sql, StatementArguments(arguments))
        }
        let ranges = ruleSets.map { range(ruleSet: $0) }
        let sql =
            ranges.map { "SELECT * FROM (\($0.0))" }.joined(separator: " UNION ALL ")
            + " ORDER BY project_id LIMIT \(limit)"
        return (sql, StatementArguments(ranges.flatMap(\.1)))
    }
}
