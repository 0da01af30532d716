import GRDB

extension SQLiteLedger {
    public func projectOverview(_ filter: ProjectFilter) async throws(LedgerError) -> [ProjectOverview] {
        var conditions: [String] = []
        var arguments: [String] = []
        if let after = filter.after {
            conditions.append("id > ?")
            arguments.append(after)
        }
        if let ids = filter.ruleSetIDs {
            if ids.isEmpty { return [] }
            conditions.append("ruleset_id IN (\(ids.map { _ in "?" }.joined(separator: ",")))")
            arguments.append(contentsOf: ids)
        }
        if let grade = filter.gradeAfter {
            conditions.append("grade_after = ?")
            arguments.append(grade)
        }
        switch filter.state {
        case nil: break
        case .drafting?: conditions.append("aid IS NULL")
        case .pending?: conditions.append("aid IS NOT NULL AND decision IS NULL")
        case .returned?: conditions.append("decision = '退回'")
        case .approved?: conditions.append("decision IN ('通过', '调整')")
        }
        let limit = max(1, min(filter.limit, 500))
        let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        let sql = """
            SELECT * FROM (
                SELECT p.id AS id,
                    (SELECT max(version) FROM project_versions WHERE project_id = p.id) AS latest,
                    a.id AS aid, a.ruleset_id, a.grade_before, a.grade_after, a.created_at AS assessed_at,
                    a.project_version,
                    (SELECT decision FROM reviews r WHERE r.assessment_id = a.id ORDER BY r.id DESC LIMIT 1)
                        AS decision
                FROM projects p
                LEFT JOIN assessments a ON a.id = (SELECT max(id) FROM assessments WHERE project_id = p.id)
            )
            \(whereClause)
            ORDER BY id LIMIT \(limit)
            """
        let rows = try await read { [arguments] db in
            try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments)).map { row in
                let version: Int = row["project_version"] ?? row["latest"]
                let name =
                    try String.fetchOne(
                        db, sql: "SELECT name FROM project_versions WHERE project_id = ? AND version = ?",
                        arguments: [row["id"] as String, version]) ?? ""
                return ProjectOverview(
                    projectID: row["id"], name: name, latestVersion: row["latest"], assessmentID: row["aid"],
                    ruleSetID: row["ruleset_id"], gradeBefore: row["grade_before"], gradeAfter: row["grade_after"],
                    assessedAt: row["assessed_at"], decision: row["decision"])
            }
        }
        return rows
    }
}
