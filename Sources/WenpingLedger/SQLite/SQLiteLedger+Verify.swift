import GRDB

extension SQLiteLedger {
    /// Runs SQLite's integrity and foreign-key checks, then walks the chain in sequence order: each row must
    /// follow the previous one without a gap, carry the previous row's hash, and hash to what it says.
    public func verify() async throws(LedgerError) -> ChainReport {
        try await read { db in
            let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check")
            if integrity != ["ok"] {
                return ChainReport(
                    rowsChecked: 0, headHash: "",
                    firstBreak: .init(
                        table: "database", rowID: 0, chainSeq: 0,
                        reason: "SQLite 完整性检查失败：\(integrity.prefix(3).joined(separator: ";"))"))
            }
            if let row = try Row.fetchOne(db, sql: "PRAGMA foreign_key_check") {
                return ChainReport(
                    rowsChecked: 0, headHash: "",
                    firstBreak: .init(
                        table: row["table"] ?? "database", rowID: row["rowid"] ?? 0, chainSeq: 0,
                        reason: "引用了不存在的记录（\(row["parent"] ?? "?") 表）"))
            }
            let assessments = try Row.fetchCursor(db, sql: "SELECT * FROM assessments ORDER BY chain_seq")
            let reviews = try Row.fetchCursor(db, sql: "SELECT * FROM reviews ORDER BY chain_seq")
            var nextAssessment = try assessments.next().map(Self.decodeAssessment)
            var nextReview = try reviews.next().flatMap(Self.decodeReview)
            var previous = ChainHasher.genesis
            var expected: Int64 = 1
            var checked = 0
            while nextAssessment != nil || nextReview != nil {
                let table: String
                let rowID: Int64
                let seq: Int64
                let claimedPrevious: String
                let claimedHash: String
                let fields: [(String, String)]
                if let assessment = nextAssessment, nextReview.map({ assessment.chainSeq < $0.chainSeq }) ?? true {
                    (table, rowID, seq) = ("assessments", assessment.id, assessment.chainSeq)
                    (claimedPrevious, claimedHash) = (assessment.previousHash, assessment.rowHash)
                    fields = ChainHasher.fields(assessment)
                    nextAssessment = try assessments.next().map(Self.decodeAssessment)
                } else if let review = nextReview {
                    (table, rowID, seq) = ("reviews", review.id, review.chainSeq)
                    (claimedPrevious, claimedHash) = (review.previousHash, review.rowHash)
                    fields = ChainHasher.fields(review)
                    nextReview = try reviews.next().flatMap(Self.decodeReview)
                } else {
                    break
                }
                func broken(_ reason: String) -> ChainReport {
                    ChainReport(
                        rowsChecked: checked, headHash: previous,
                        firstBreak: .init(table: table, rowID: rowID, chainSeq: seq, reason: reason))
                }
                if seq != expected {
                    return broken("链序号应为 \(expected)，实际为 \(seq)（之前的行被删除或插入）")
                }
                if claimedPrevious != previous {
                    return broken("记录的上一行哈希与上一行不符（上一行被改动或链被接错）")
                }
                if ChainHasher.rowHash(previous: previous, fields: fields) != claimedHash {
                    return broken("内容与其哈希不符（这一行在写入后被改动）")
                }
                previous = claimedHash
                expected += 1
                checked += 1
            }
            if let project = try String.fetchOne(db, sql: Self.projectListMismatch) {
                return ChainReport(
                    rowsChecked: checked, headHash: previous,
                    firstBreak: .init(
                        table: "project_list", rowID: 0, chainSeq: 0,
                        reason: "项目“\(project)”的列表行（最新版本、评估、等级或审核状态）与账本记录不符："
                            + "该表在 wenping 之外被改动过；请从备份恢复账本"))
            }
            return ChainReport(rowsChecked: checked, headHash: previous, firstBreak: nil)
        }
    }

    /// The first project whose `project_list` row differs from what the records say, if any.
    static let projectListMismatch = """
        SELECT project_id FROM (
            \(projectListRecomputed)
            EXCEPT SELECT \(projectListColumns) FROM project_list
        )
        UNION
        SELECT project_id FROM (
            SELECT \(projectListColumns) FROM project_list
            EXCEPT SELECT * FROM (\(projectListRecomputed))
        )
        ORDER BY project_id LIMIT 1
        """
}
