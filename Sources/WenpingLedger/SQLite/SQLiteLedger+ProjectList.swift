import GRDB

/// The project list's table: one row per project with its latest version and its latest assessment's ruleset,
/// grades and review state, so that the workbench's list finds a page of any filter through an index instead of
/// working out every project's latest assessment.
///
/// The rows are derived data, written only by triggers on `projects`, `project_versions`, `assessments` and
/// `reviews`: every write of those tables updates the list in the same transaction, whichever code path makes it.
/// ``SQLiteLedger/verify()`` compares the table with ``SQLiteLedger/projectListRecomputed``.
extension SQLiteLedger {
    /// The list as the ledger's records define it, one row per project, in the table's column order.
    ///
    /// The latest version is the highest version number; the latest assessment the highest assessment id; its
    /// state 编制中 without an assessment, 待审核 without a review, 已退回 when its latest review returned it,
    /// 已通过 when that review signed it off or adjusted the grade. The name is that of the assessed version
    /// (of the latest version when none is assessed).
    static let projectListRecomputed = """
        WITH latest AS (
            SELECT p.id AS project_id,
                (SELECT max(version) FROM project_versions WHERE project_id = p.id) AS latest_version,
                (SELECT max(id) FROM assessments WHERE project_id = p.id) AS assessment_id
            FROM projects p
        )
        SELECT l.project_id, coalesce(l.latest_version, 0) AS latest_version,
            coalesce((SELECT name FROM project_versions
                WHERE project_id = l.project_id AND version = coalesce(a.project_version, l.latest_version)), '') AS name,
            l.assessment_id, a.ruleset_id, a.grade_before, a.grade_after, a.created_at AS assessed_at, r.decision,
            CASE WHEN l.assessment_id IS NULL THEN '编制中' WHEN r.decision IS NULL THEN '待审核'
                WHEN r.decision = '退回' THEN '已退回' ELSE '已通过' END AS state
        FROM latest l
        LEFT JOIN assessments a ON a.id = l.assessment_id
        LEFT JOIN reviews r ON r.id = (SELECT max(id) FROM reviews WHERE assessment_id = l.assessment_id)
        """

    static let projectListColumns =
        "project_id, latest_version, name, assessment_id, ruleset_id, grade_before, grade_after, assessed_at, "
        + "decision, state"

    /// The filters' column sets: each filter combination has an index on exactly its columns followed by the
    /// project id, so a page is one index range read in id order (keyset paging) that stops after the page.
    static let projectListIndexes: [[String]] = [
        ["ruleset_id"], ["state"], ["grade_after"], ["ruleset_id", "state"], ["ruleset_id", "grade_after"],
        ["state", "grade_after"], ["ruleset_id", "state", "grade_after"],
    ]

    /// Migration `v2-project-list`: the table, its indexes and triggers, filled from the existing records.
    static func createProjectList(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE project_list (
                    project_id TEXT PRIMARY KEY REFERENCES projects(id),
                    latest_version INTEGER NOT NULL DEFAULT 0,
                    name TEXT NOT NULL DEFAULT '',
                    assessment_id INTEGER REFERENCES assessments(id),
                    ruleset_id TEXT,
                    grade_before TEXT,
                    grade_after TEXT,
                    assessed_at TEXT,
                    decision TEXT,
                    state TEXT NOT NULL DEFAULT '编制中' CHECK (state IN ('编制中', '待审核', '已通过', '已退回'))
                ) WITHOUT ROWID;
                INSERT INTO project_list (\(projectListColumns)) \(projectListRecomputed);
                CREATE TRIGGER projects_list AFTER INSERT ON projects
                BEGIN INSERT INTO project_list (project_id) VALUES (NEW.id); END;
                CREATE TRIGGER project_versions_list AFTER INSERT ON project_versions
                BEGIN
                    UPDATE project_list
                    SET latest_version = NEW.version,
                        name = CASE WHEN assessment_id IS NULL THEN NEW.name ELSE name END
                    WHERE project_id = NEW.project_id AND latest_version < NEW.version;
                END;
                CREATE TRIGGER assessments_list AFTER INSERT ON assessments
                BEGIN
                    UPDATE project_list
                    SET assessment_id = NEW.id, ruleset_id = NEW.ruleset_id, grade_before = NEW.grade_before,
                        grade_after = NEW.grade_after, assessed_at = NEW.created_at, decision = NULL,
                        state = '待审核',
                        name = coalesce((SELECT name FROM project_versions
                            WHERE project_id = NEW.project_id AND version = NEW.project_version), name)
                    WHERE project_id = NEW.project_id AND coalesce(assessment_id, 0) < NEW.id;
                END;
                CREATE TRIGGER reviews_list AFTER INSERT ON reviews
                BEGIN
                    UPDATE project_list
                    SET decision = NEW.decision,
                        state = CASE NEW.decision WHEN '退回' THEN '已退回' ELSE '已通过' END
                    WHERE project_id = (SELECT project_id FROM assessments WHERE id = NEW.assessment_id)
                        AND assessment_id = NEW.assessment_id;
                END;
                CREATE TRIGGER project_list_no_delete BEFORE DELETE ON project_list
                BEGIN SELECT RAISE(ABORT, 'project_list rows are never deleted'); END;
                """)
        for columns in projectListIndexes {
            try db.execute(
                sql: """
                    CREATE INDEX project_list_by_\(columns.joined(separator: "_"))
                    ON project_list(\(columns.joined(separator: ", ")), project_id)
                    """)
        }
    }
}
