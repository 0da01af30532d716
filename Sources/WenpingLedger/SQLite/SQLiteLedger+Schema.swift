import GRDB

extension SQLiteLedger {
    /// The schema, as migrations applied in order; a migration once released is never edited, only followed.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-ledger") { db in
            try db.execute(
                sql: """
                    CREATE TABLE users (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        name TEXT NOT NULL UNIQUE,
                        role TEXT NOT NULL CHECK (role IN ('编制', '审核', '管理')),
                        password_hash TEXT NOT NULL,
                        created_at TEXT NOT NULL
                    );
                    CREATE TABLE tokens (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        user_id INTEGER NOT NULL REFERENCES users(id),
                        name TEXT NOT NULL,
                        role TEXT NOT NULL CHECK (role IN ('编制', '审核', '管理')),
                        token_hash TEXT NOT NULL UNIQUE,
                        created_at TEXT NOT NULL
                    );
                    CREATE TABLE token_revocations (
                        token_id INTEGER PRIMARY KEY REFERENCES tokens(id),
                        revoked_at TEXT NOT NULL,
                        revoked_by TEXT NOT NULL
                    );
                    CREATE TABLE projects (
                        id TEXT PRIMARY KEY,
                        created_at TEXT NOT NULL,
                        created_by TEXT NOT NULL
                    );
                    CREATE TABLE project_versions (
                        project_id TEXT NOT NULL REFERENCES projects(id),
                        version INTEGER NOT NULL CHECK (version >= 1),
                        name TEXT NOT NULL,
                        content TEXT NOT NULL,
                        content_digest TEXT NOT NULL,
                        created_at TEXT NOT NULL,
                        created_by TEXT NOT NULL,
                        PRIMARY KEY (project_id, version)
                    );
                    CREATE TABLE assessments (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        chain_seq INTEGER NOT NULL UNIQUE,
                        project_id TEXT NOT NULL,
                        project_version INTEGER NOT NULL,
                        ruleset_id TEXT NOT NULL,
                        ruleset_version TEXT NOT NULL,
                        ruleset_digest TEXT NOT NULL,
                        engine_version TEXT NOT NULL,
                        created_at TEXT NOT NULL,
                        created_by TEXT NOT NULL,
                        grade_before TEXT NOT NULL,
                        grade_after TEXT NOT NULL,
                        index_before REAL NOT NULL,
                        index_after REAL NOT NULL,
                        report_json TEXT NOT NULL,
                        prev_hash TEXT NOT NULL,
                        row_hash TEXT NOT NULL,
                        FOREIGN KEY (project_id, project_version) REFERENCES project_versions(project_id, version)
                    );
                    CREATE INDEX assessments_project ON assessments(project_id, id);
                    CREATE TABLE reviews (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        chain_seq INTEGER NOT NULL UNIQUE,
                        assessment_id INTEGER NOT NULL REFERENCES assessments(id),
                        reviewer TEXT NOT NULL,
                        decision TEXT NOT NULL CHECK (decision IN ('通过', '退回', '调整')),
                        adjusted_grade TEXT,
                        comment TEXT NOT NULL,
                        created_at TEXT NOT NULL,
                        prev_hash TEXT NOT NULL,
                        row_hash TEXT NOT NULL,
                        CHECK ((decision = '调整') = (adjusted_grade IS NOT NULL))
                    );
                    CREATE INDEX reviews_assessment ON reviews(assessment_id, id);
                    CREATE TABLE audit_log (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        at TEXT NOT NULL,
                        actor TEXT NOT NULL,
                        action TEXT NOT NULL,
                        target TEXT NOT NULL,
                        detail TEXT NOT NULL
                    );
                    """)
            // Nothing is updated or deleted in place: the database itself refuses it.
            for table in ["project_versions", "assessments", "reviews", "audit_log", "token_revocations"] {
                try db.execute(
                    sql: """
                        CREATE TRIGGER \(table)_no_update BEFORE UPDATE ON \(table)
                        BEGIN SELECT RAISE(ABORT, '\(table) rows are immutable'); END;
                        CREATE TRIGGER \(table)_no_delete BEFORE DELETE ON \(table)
                        BEGIN SELECT RAISE(ABORT, '\(table) rows are immutable'); END;
                        """)
            }
            for table in ["users", "tokens", "projects"] {
                try db.execute(
                    sql: """
                        CREATE TRIGGER \(table)_no_delete BEFORE DELETE ON \(table)
                        BEGIN SELECT RAISE(ABORT, '\(table) rows are never deleted'); END;
                        """)
            }
        }
        migrator.registerMigration("v2-project-list") { db in try createProjectList(db) }
        return migrator
    }
}
