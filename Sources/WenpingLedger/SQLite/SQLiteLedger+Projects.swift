import Foundation
import GRDB

extension SQLiteLedger {
    public func saveAndAssess(
        projectID: String, name: String, content: String, contentDigest: String,
        assessment: @escaping @Sendable (Int) -> NewAssessment
    ) async throws(LedgerError) -> (ProjectVersion, AssessmentRecord) {
        try await write { db in
            let createdAt = Self.now()
            let made = assessment(0)
            let latest =
                try Int.fetchOne(
                    db, sql: "SELECT max(version) FROM project_versions WHERE project_id = ?", arguments: [projectID])
                ?? 0
            if latest == 0 {
                try db.execute(
                    sql: "INSERT INTO projects (id, created_at, created_by) VALUES (?, ?, ?)",
                    arguments: [projectID, createdAt, made.user])
            }
            let version = ProjectVersion(
                projectID: projectID, version: latest + 1, name: name, content: content, contentDigest: contentDigest,
                createdAt: createdAt, createdBy: made.user)
            try db.execute(
                sql: """
                    INSERT INTO project_versions (project_id, version, name, content, content_digest, created_at,
                        created_by) VALUES (?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [projectID, version.version, name, content, contentDigest, createdAt, made.user])
            try Self.appendAudit(
                db, actor: made.user, action: "project.save", target: "project:\(projectID)",
                detail: "version \(version.version)")
            let record = try Self.insertAssessment(db, assessment(version.version), at: createdAt)
            return (version, record)
        }
    }

    static func insertAssessment(_ db: Database, _ content: NewAssessment, at createdAt: String) throws
        -> AssessmentRecord
    {
        let head = try chainHead(db)
        let id = (try Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = 'assessments'") ?? 0) + 1
        var record = AssessmentRecord(
            id: id, chainSeq: head.seq + 1, content: content, createdAt: createdAt, previousHash: head.hash,
            rowHash: "")
        record.rowHash = ChainHasher.rowHash(previous: head.hash, fields: ChainHasher.fields(record))
        try db.execute(
            sql: """
                INSERT INTO assessments (id, chain_seq, project_id, project_version, ruleset_id, ruleset_version,
                    ruleset_digest, engine_version, created_at, created_by, grade_before, grade_after, index_before,
                    index_after, report_json, prev_hash, row_hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                record.id, record.chainSeq, content.projectID, content.projectVersion, content.ruleSetID,
                content.ruleSetVersion, content.ruleSetDigest, content.engineVersion, createdAt, content.user,
                content.gradeBefore, content.gradeAfter, content.indexBefore, content.indexAfter, content.reportJSON,
                record.previousHash, record.rowHash,
            ])
        try appendAudit(
            db, actor: content.user, action: "assessment.create", target: "assessment:\(id)",
            detail:
                "\(content.projectID) v\(content.projectVersion) \(content.ruleSetID)@\(content.ruleSetDigest.prefix(12)) "
                + "\(content.gradeBefore)→\(content.gradeAfter)")
        return record
    }

    /// The last row of the chain (sequence 0 and the genesis hash on an empty ledger).
    static func chainHead(_ db: Database) throws -> (seq: Int64, hash: String) {
        var best: (seq: Int64, hash: String) = (0, ChainHasher.genesis)
        for table in ["assessments", "reviews"] {
            if let row = try Row.fetchOne(
                db, sql: "SELECT chain_seq, row_hash FROM \(table) ORDER BY chain_seq DESC LIMIT 1")
            {
                let seq: Int64 = row["chain_seq"]
                if seq > best.seq { best = (seq, row["row_hash"]) }
            }
        }
        return best
    }

    static func decodeAssessment(_ row: Row) -> AssessmentRecord {
        AssessmentRecord(
            id: row["id"], chainSeq: row["chain_seq"],
            content: NewAssessment(
                projectID: row["project_id"], projectVersion: row["project_version"], ruleSetID: row["ruleset_id"],
                ruleSetVersion: row["ruleset_version"], ruleSetDigest: row["ruleset_digest"],
                engineVersion: row["engine_version"], user: row["created_by"], gradeBefore: row["grade_before"],
                gradeAfter: row["grade_after"], indexBefore: row["index_before"], indexAfter: row["index_after"],
                reportJSON: row["report_json"]),
            createdAt: row["created_at"], previousHash: row["prev_hash"], rowHash: row["row_hash"])
    }

    static func decodeVersion(_ row: Row) -> ProjectVersion {
        ProjectVersion(
            projectID: row["project_id"], version: row["version"], name: row["name"], content: row["content"],
            contentDigest: row["content_digest"], createdAt: row["created_at"], createdBy: row["created_by"])
    }

    public func projects(limit: Int, offset: Int) async throws(LedgerError) -> [ProjectSummary] {
        try await read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT p.id, p.created_at, v.version, v.name FROM projects p
                    JOIN project_list l ON l.project_id = p.id
                    JOIN project_versions v ON v.project_id = p.id AND v.version = l.latest_version
                    ORDER BY p.id LIMIT ? OFFSET ?
                    """, arguments: [limit, offset]
            ).map {
                ProjectSummary(
                    projectID: $0["id"], name: $0["name"], latestVersion: $0["version"], createdAt: $0["created_at"])
            }
        }
    }

    public func versions(projectID: String) async throws(LedgerError) -> [ProjectVersion] {
        try await read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM project_versions WHERE project_id = ? ORDER BY version", arguments: [projectID]
            ).map(Self.decodeVersion)
        }
    }

    public func projectVersion(projectID: String, version: Int) async throws(LedgerError) -> ProjectVersion? {
        try await read { db in
            try Row.fetchOne(
                db, sql: "SELECT * FROM project_versions WHERE project_id = ? AND version = ?",
                arguments: [projectID, version]
            ).map(Self.decodeVersion)
        }
    }

    public func assessment(id: Int64) async throws(LedgerError) -> AssessmentRecord? {
        try await read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM assessments WHERE id = ?", arguments: [id]).map(
                Self.decodeAssessment)
        }
    }

    public func assessments(projectID: String) async throws(LedgerError) -> [AssessmentRecord] {
        try await read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM assessments WHERE project_id = ? ORDER BY id", arguments: [projectID]
            )
            .map(Self.decodeAssessment)
        }
    }

    // MARK: Reviews

    public func recordReview(_ review: NewReview) async throws(LedgerError) -> ReviewRecord {
        if review.decision == .adjusted {
            guard let grade = review.adjustedGrade, !grade.isEmpty else {
                throw .invalid("调整等级时必须给出调整后的等级")
            }
            guard !review.comment.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                throw .invalid("调整等级时必须写明理由")
            }
        } else if review.adjustedGrade != nil {
            throw .invalid("只有“调整”才能给出调整后的等级；通过或退回时请不要填写 adjustedGrade")
        }
        return try await write { db in
            guard
                try Bool.fetchOne(db, sql: "SELECT 1 FROM assessments WHERE id = ?", arguments: [review.assessmentID])
                    == true
            else { throw LedgerError.notFound("评估记录 \(review.assessmentID) 不存在") }
            let head = try Self.chainHead(db)
            let id = (try Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = 'reviews'") ?? 0) + 1
            var record = ReviewRecord(
                id: id, chainSeq: head.seq + 1, content: review, createdAt: Self.now(), previousHash: head.hash,
                rowHash: "")
            record.rowHash = ChainHasher.rowHash(previous: head.hash, fields: ChainHasher.fields(record))
            try db.execute(
                sql: """
                    INSERT INTO reviews (id, chain_seq, assessment_id, reviewer, decision, adjusted_grade, comment,
                        created_at, prev_hash, row_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    id, record.chainSeq, review.assessmentID, review.reviewer, review.decision.rawValue,
                    review.adjustedGrade, review.comment, record.createdAt, record.previousHash, record.rowHash,
                ])
            try Self.appendAudit(
                db, actor: review.reviewer, action: "review.create", target: "assessment:\(review.assessmentID)",
                detail: review.decision.rawValue + (review.adjustedGrade.map { " → \($0)" } ?? ""))
            return record
        }
    }

    static func decodeReview(_ row: Row) -> ReviewRecord? {
        guard let decision = ReviewDecision(rawValue: row["decision"]) else { return nil }
        return ReviewRecord(
            id: row["id"], chainSeq: row["chain_seq"],
            content: NewReview(
                assessmentID: row["assessment_id"], reviewer: row["reviewer"], decision: decision,
                adjustedGrade: row["adjusted_grade"], comment: row["comment"]),
            createdAt: row["created_at"], previousHash: row["prev_hash"], rowHash: row["row_hash"])
    }

    public func reviews(assessmentID: Int64) async throws(LedgerError) -> [ReviewRecord] {
        try await read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM reviews WHERE assessment_id = ? ORDER BY id", arguments: [assessmentID]
            ).compactMap(Self.decodeReview)
        }
    }
}
