import Foundation
import GRDB
import Testing

@testable import Wenping
@testable import WenpingLedger

/// The project list's derived table (`project_list`): kept by triggers in the same transaction as every write,
/// filled from the records by its migration, checked by `verify`, and read through an index for every filter.
@Suite("Project list")
struct ProjectListTests {
    static let ruleSets = ["national", "city-a", "city-b"]
    static let grades = ["高", "中", "低"]

    /// Every filter combination the list page can send: no ruleset filter, one ruleset, several (a kind or a
    /// jurisdiction several rulesets share); any grade or one; any state or one.
    static var filters: [ProjectFilter] {
        var filters: [ProjectFilter] = []
        for ruleSets: [String]? in [nil, ["city-b"], ["national", "city-a"], ruleSets] {
            for grade in [nil] + grades {
                for state in [nil] + ReviewState.allCases {
                    filters.append(ProjectFilter(ruleSetIDs: ruleSets, gradeAfter: grade, state: state))
                }
            }
        }
        return filters
    }

    /// A ledger of `count` projects with an uneven mix: most graded by `national`, few by `city-b`; some saved
    /// without an assessment (written directly, as no public call does that yet); several versions and
    /// assessments; reviews that sign off, adjust or return, sometimes of an older assessment.
    static func mixedLedger(_ fixture: LedgerFixture, count: Int) async throws {
        var generator = SplitMix64(seed: 20_261_130)
        for number in 0..<count {
            let id = "P-\(String(format: "%04d", (number * 7919) % 10_000))"
            let roll = generator.next() % 100
            if roll < 12 {
                let versions = 1 + Int(generator.next() % 2)
                try await fixture.ledger.pool.write { db in
                    try db.execute(
                        sql: "INSERT INTO projects (id, created_at, created_by) VALUES (?, 'now', 'li')",
                        arguments: [id])
                    for version in 1...versions {
                        try db.execute(
                            sql: "INSERT INTO project_versions VALUES (?, ?, ?, '{}', 'd', 'now', 'li')",
                            arguments: [id, version, "草稿 \(id) 第\(version)版"])
                    }
                }
                continue
            }
            let ruleSet = roll < 70 ? "national" : roll < 95 ? "city-a" : "city-b"
            for version in 1...(1 + Int(generator.next() % 3)) {
                let grade = grades[Int(generator.next() % 3)]
                let (_, record) = try await fixture.ledger.saveAndAssess(
                    projectID: id, name: "项目 \(id) 第\(version)版", content: "{}", contentDigest: "d"
                ) { version in
                    var content = LedgerFixture.assessment(project: id, version: version, grade: grade)
                    content.ruleSetID = ruleSet
                    return content
                }
                let decisions: [ReviewDecision?] = [nil, nil, .approved, .returned, .adjusted]
                for _ in 0..<Int(generator.next() % 3) {
                    guard let decision = decisions[Int(generator.next() % 5)] else { continue }
                    _ = try await fixture.ledger.recordReview(
                        NewReview(
                            assessmentID: record.id, reviewer: "wang", decision: decision,
                            adjustedGrade: decision == .adjusted ? "高" : nil, comment: "意见"))
                }
            }
        }
    }

    /// The list worked out in Swift from the public record calls, independently of `project_list`.
    static func reference(_ ledger: SQLiteLedger) async throws -> [ProjectOverview] {
        var rows: [ProjectOverview] = []
        let ids = try await ledger.pool.read { try String.fetchAll($0, sql: "SELECT id FROM projects ORDER BY id") }
        for id in ids {
            let versions = try await ledger.versions(projectID: id)
            let latest = try #require(versions.last)
            guard let assessment = try await ledger.assessments(projectID: id).last else {
                rows.append(
                    ProjectOverview(
                        projectID: id, name: latest.name, latestVersion: latest.version, assessmentID: nil,
                        ruleSetID: nil, gradeBefore: nil, gradeAfter: nil, assessedAt: nil, decision: nil))
                continue
            }
            let review = try await ledger.reviews(assessmentID: assessment.id).last
            rows.append(
                ProjectOverview(
                    projectID: id,
                    name: versions.first { $0.version == assessment.content.projectVersion }?.name ?? "",
                    latestVersion: latest.version, assessmentID: assessment.id,
                    ruleSetID: assessment.content.ruleSetID, gradeBefore: assessment.content.gradeBefore,
                    gradeAfter: assessment.content.gradeAfter, assessedAt: assessment.createdAt,
                    decision: review?.content.decision.rawValue))
        }
        return rows
    }

    static func matches(_ row: ProjectOverview, _ filter: ProjectFilter) -> Bool {
        (filter.ruleSetIDs.map { ids in row.ruleSetID.map(ids.contains) ?? false } ?? true)
            && (filter.gradeAfter.map { $0 == row.gradeAfter } ?? true)
            && (filter.state.map { $0 == ReviewState(assessmentID: row.assessmentID, decision: row.decision) } ?? true)
    }

    /// Every page of `filter`, `size` rows at a time, following each page's last id.
    static func allPages(_ ledger: SQLiteLedger, _ filter: ProjectFilter, size: Int) async throws -> [ProjectOverview] {
        var filter = filter
        filter.limit = size
        var rows: [ProjectOverview] = []
        while true {
            let page = try await ledger.projectOverview(filter)
            rows += page
            guard page.count == size, let last = page.last else { return rows }
            filter.after = last.projectID
        }
    }

    @Test func everyFilterPagesThroughExactlyTheMatchingProjects() async throws {
        let fixture = try LedgerFixture()
        defer { fixture.remove() }
        try await Self.mixedLedger(fixture, count: 150)
        let reference = try await Self.reference(fixture.ledger)
        #expect(Set(reference.map { ReviewState(assessmentID: $0.assessmentID, decision: $0.decision) }).count == 4)
        for filter in Self.filters {
            let pages = try await Self.allPages(fixture.ledger, filter, size: 7)
            #expect(pages == reference.filter { Self.matches($0, filter) }, "\(filter)")
        }
        #expect(try await fixture.ledger.projectOverview(ProjectFilter(ruleSetIDs: [])).isEmpty)
        #expect(try await fixture.ledger.verify().isIntact)
    }

    @Test func theMigrationFillsTheListOfAnExistingLedger() async throws {
        let fixture = try LedgerFixture()
        defer { fixture.remove() }
        try await Self.mixedLedger(fixture, count: 40)
        let reference = try await Self.reference(fixture.ledger)
        // Back to the ledger as the first release wrote it: no list table, its triggers or its migration.
        try await fixture.ledger.pool.write { db in
            for name in try String.fetchAll(
                db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%\\_list' ESCAPE '\\'")
            {
                try db.execute(sql: "DROP TRIGGER \(name)")
            }
            try db.execute(sql: "DROP TABLE project_list")
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'v2-project-list'")
        }
        try await fixture.ledger.close()
        let reopened = try SQLiteLedger(path: fixture.path, create: false)
        #expect(try await Self.allPages(reopened, ProjectFilter(), size: 500) == reference)
        #expect(try await reopened.verify().isIntact)
        try await reopened.close()
    }

    @Test func verifyNamesAListRowChangedBehindTheLedgersBack() async throws {
        let fixture = try LedgerFixture()
        defer { fixture.remove() }
        try await fixture.save("P-1")
        try await fixture.save("P-2")
        try fixture.tamper("UPDATE project_list SET state = '已通过' WHERE project_id = 'P-2'")
        let reopened = try SQLiteLedger(path: fixture.path, create: false)
        let broken = try #require(try await reopened.verify().firstBreak)
        #expect(broken.table == "project_list")
        #expect(broken.reason.contains("P-2"))
        #expect(broken.description.hasPrefix("project_list 表："))
        try await reopened.close()
    }

    /// SQLite's plan for every filter combination is one index range per ruleset, never sorted.
    ///
    /// It reads the index made for exactly that combination (or the primary key when nothing is filtered), so a
    /// page costs the same at 100,000 projects as at 100. Checked with and without the statistics `ANALYZE`
    /// leaves for the planner.
    @Test(arguments: [false, true])
    func everyFilterIsOneIndexRange(analyzed: Bool) async throws {
        let fixture = try LedgerFixture()
        defer { fixture.remove() }
        try await Self.mixedLedger(fixture, count: 60)
        if analyzed { try await fixture.ledger.pool.write { try $0.execute(sql: "ANALYZE") } }
        for var filter in Self.filters {
            for after in [nil, "P-5000"] {
                filter.after = after
                let (sql, arguments) = try #require(SQLiteLedger.projectOverviewQuery(filter))
                let nodes = try await fixture.ledger.pool.read { db in
                    try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql, arguments: arguments).map {
                        (parent: $0["parent"] as Int, detail: $0["detail"] as String)
                    }
                }
                let plan = nodes.map(\.detail)
                let reads = nodes.filter { $0.detail.contains("project_list") }
                #expect(reads.count == max(1, filter.ruleSetIDs?.count ?? 1), "\(filter): \(plan)")
                var columns: [String] = []
                if filter.ruleSetIDs != nil { columns.append("ruleset_id") }
                if filter.state != nil { columns.append("state") }
                if filter.gradeAfter != nil { columns.append("grade_after") }
                let index = "project_list_by_" + columns.joined(separator: "_")
                for read in reads.map(\.detail) {
                    if columns.isEmpty {
                        let start = after == nil ? "SCAN project_list" : "SEARCH project_list USING PRIMARY KEY"
                        #expect(read.hasPrefix(start), "\(filter): \(plan)")
                    } else {
                        #expect(read.hasPrefix("SEARCH project_list USING INDEX \(index) "), "\(filter): \(plan)")
                    }
                }
                // No range is sorted: the reads come in id order and stop after a page. (With several rulesets
                // SQLite sorts each range's page, at most `limit` rows, before merging them.)
                let sortedSelects = Set(nodes.filter { $0.detail.contains("TEMP B-TREE") }.map(\.parent))
                #expect(reads.allSatisfy { !sortedSelects.contains($0.parent) }, "\(filter): \(plan)")
            }
        }
    }
}
