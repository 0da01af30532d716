import Foundation
import GRDB
import Testing

@testable import WenpingLedger

/// A fresh ledger in a temporary folder, removed when the test ends.
struct LedgerFixture {
    let folder: String
    let path: String
    let ledger: SQLiteLedger

    init() throws {
        folder = NSTemporaryDirectory() + "wenping-ledger-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        path = folder + "/wenping.sqlite"
        ledger = try SQLiteLedger(path: path)
    }

    func remove() { try? FileManager.default.removeItem(atPath: folder) }

    static func assessment(project: String = "P-1", version: Int = 1, grade: String = "中", user: String = "li")
        -> NewAssessment
    {
        NewAssessment(
            projectID: project, projectVersion: version, ruleSetID: "national-major", ruleSetVersion: "1.0",
            ruleSetDigest: String(repeating: "ab", count: 32), engineVersion: "0.1.0", user: user,
            gradeBefore: "高", gradeAfter: grade, indexBefore: 0.41, indexAfter: 0.2333333333333333,
            reportJSON: #"{"schema":"wenping/assessment/1"}"#)
    }

    /// Saves `count` versions of project `project` and returns their assessments.
    @discardableResult
    func save(_ project: String = "P-1", count: Int = 1, content: String = "{}") async throws -> [AssessmentRecord] {
        var records: [AssessmentRecord] = []
        for _ in 0..<count {
            let (_, record) = try await ledger.saveAndAssess(
                projectID: project, name: "项目 \(project)", content: content, contentDigest: "d",
                assessment: { Self.assessment(project: project, version: $0) })
            records.append(record)
        }
        return records
    }

    /// Changes the file behind the service's back, as an attacker with the file would: drops the immutability
    /// triggers and runs `sql`.
    func tamper(_ sql: String) throws {
        try ledger.pool.close()
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            for name in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger'") {
                try db.execute(sql: "DROP TRIGGER \(name)")
            }
            try db.execute(sql: sql)
        }
        try queue.close()
    }
}
