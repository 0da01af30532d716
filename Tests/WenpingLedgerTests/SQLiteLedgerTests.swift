import Foundation
import GRDB
import Testing

@testable import WenpingLedger

@Suite("SQLite ledger")
struct SQLiteLedgerTests {
    @Test func savesVersionsAndChainsAssessments() async throws {
        let fixture = try LedgerFixture()
        defer { fixture.remove() }
        let records = try await fixture.save(count: 3)
        #expect(records.map(\.content.projectVersion) == [1, 2, 3])
        #expect(records.map(\.chainSeq) == [1, 2, 3])
        #expect(records[0].previousHash == ChainHasher.genesis)
        #expect(records[1].previousHash == records[0].rowHash)
        let versions = try await fixture.ledger.versions(projectID: "P-1")
        #expect(versions.map(\.version) == [1, 2, 3])
        let report = try await fixture.ledger.verify()
        #expect(report.isIntact)
        #expect(report.rowsChecked == 3)
        #expect(report.headHash == records[2].rowHash)
        let stored = try #require(try await fixture.ledger.assessment(id: records[1].id))
        #expect(stored == records[1])
    }

    @Test func reviewsJoinTheChainAndOverridesNeedAReason() async throws {
        let fixture = try LedgerFixture()
        defer { fixture.remove() }
        let assessment = try await fixture.save()[0]
        await #expect(throws: LedgerError.self) {
            try await fixture.ledger.recordReview(
                NewReview(
                    assessmentID: assessment.id, reviewer: "wang", decision: .adjusted, adjustedGrade: "高",
                    comment: "  "))
        }
        await #expect(throws: LedgerError.self) {
            try await fixture.ledger.recordReview(
                NewReview(assessmentID: 999, reviewer: "wang", decision: .approved, adjustedGrade: nil, comment: ""))
        }
        let review = try await fixture.ledger.recordReview(
            NewReview(
                assessmentID: assessment.id, reviewer: "wang", decision: .adjusted, adjustedGrade: "高",
                comment: "现场核查发现群众意见较大"))
        #expect(review.chainSeq == 2)
        #expect(review.previousHash == assessment.rowHash)
        try await fixture.save()
        let reviews = try await fixture.ledger.reviews(assessmentID: assessment.id)
        #expect(reviews == [review])
        // The computed grade stays as it was.
        #expect(try await fixture.ledger.assessment(id: assessment.id)?.content.gradeAfter == "中")
        let report = try await fixture.ledger.verify()
        #expect(report.isIntact && report.rowsChecked == 3)
        let audit = try await fixture.ledger.auditLog(limit: 10).map(\.action)
        #expect(
            audit.contains("review.create") && audit.contains("assessment.create") && audit.contains("project.save"))
    }

    @Test func theDatabaseRefusesUpdatesAndDeletes() async throws {
        let fixture = try LedgerFixture()
        defer { fixture.remove() }
        try await fixture.save()
        for sql in [
            "UPDATE assessments SET grade_after = '低'", "DELETE FROM assessments", "DELETE FROM audit_log",
            "UPDATE project_versions SET content = 'x'",
        ] {
            #expect(throws: DatabaseError.self) { try fixture.ledger.pool.write { try $0.execute(sql: sql) } }
        }
        #expect(try await fixture.ledger.verify().isIntact)
    }

    @Test(arguments: [
        ("UPDATE assessments SET grade_after = '低' WHERE id = 2", "assessments", Int64(2), "内容与其哈希不符"),
        ("UPDATE reviews SET comment = '无' WHERE id = 1", "reviews", Int64(1), "内容与其哈希不符"),
        ("DELETE FROM assessments WHERE id = 2", "reviews", Int64(1), "链序号应为 2"),
        ("UPDATE assessments SET prev_hash = row_hash WHERE id = 3", "assessments", Int64(3), "上一行哈希"),
    ])
    func verifyNamesTheFirstBrokenRow(sql: String, table: String, row: Int64, reason: String) async throws {
        let fixture = try LedgerFixture()
        defer { fixture.remove() }
        let first = try await fixture.save(count: 2)
        _ = try await fixture.ledger.recordReview(
            NewReview(
                assessmentID: first[0].id, reviewer: "wang", decision: .approved, adjustedGrade: nil, comment: "同意"))
        try await fixture.save()
        try fixture.tamper(sql)
        let reopened = try SQLiteLedger(path: fixture.path, create: false)
        let report = try await reopened.verify()
        let broken = try #require(report.firstBreak)
        #expect(broken.table == table)
        #expect(broken.rowID == row)
        #expect(broken.reason.contains(reason))
        try await reopened.close()
    }

    @Test func injectionStringsAreStoredAsText() async throws {
        let fixture = try LedgerFixture()
        defer { fixture.remove() }
        let hostile = "x'); DROP TABLE assessments; --"
        let user = try await fixture.ledger.createUser(name: hostile, role: .preparer, passwordHash: "h", by: "admin")
        #expect(try await fixture.ledger.user(named: hostile) == user)
        try await fixture.save(hostile, content: "<script>alert(1)</script>")
        #expect(try await fixture.ledger.versions(projectID: hostile).first?.content == "<script>alert(1)</script>")
        #expect(try await fixture.ledger.verify().isIntact)
    }

    @Test func usersAreUniqueAndTokensRevocable() async throws {
        let fixture = try LedgerFixture()
        defer { fixture.remove() }
        #expect(try await fixture.ledger.userCount() == 0)
        let user = try await fixture.ledger.createUser(name: "li", role: .preparer, passwordHash: "h", by: "admin")
        await #expect(throws: LedgerError.self) {
            try await fixture.ledger.createUser(name: "li", role: .reviewer, passwordHash: "h", by: "admin")
        }
        let token = try await fixture.ledger.createToken(
            userID: user.id, name: "档案系统", role: .preparer, tokenHash: "abc", by: "li")
        #expect(try await fixture.ledger.token(hash: "abc")?.revokedAt == nil)
        #expect(try await fixture.ledger.revokeToken(id: token.id, by: "li"))
        #expect(try await fixture.ledger.token(hash: "abc")?.revokedAt != nil)
        #expect(try await fixture.ledger.revokeToken(id: 404, by: "li") == false)
    }

    @Test func backupIsAVerifiableCopyAndNeverOverwrites() async throws {
        let fixture = try LedgerFixture()
        defer { fixture.remove() }
        try await fixture.save(count: 2)
        let copy = fixture.folder + "/backup.sqlite"
        try await fixture.ledger.backup(to: copy)
        await #expect(throws: LedgerError.self) { try await fixture.ledger.backup(to: copy) }
        let restored = try SQLiteLedger(path: copy, create: false)
        let report = try await restored.verify()
        #expect(report.isIntact && report.rowsChecked == 2)
        try await restored.close()
        #expect(throws: LedgerError.self) { try SQLiteLedger(path: fixture.folder + "/missing.sqlite", create: false) }
    }

    @Test func aFileThatIsNotALedgerIsRefused() throws {
        let folder = NSTemporaryDirectory() + "wenping-ledger-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/junk.sqlite"
        try Data("this is not sqlite".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: LedgerError.self) { try SQLiteLedger(path: path, create: false) }
    }
}
