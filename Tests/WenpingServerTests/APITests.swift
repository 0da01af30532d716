import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing
import Wenping

@testable import WenpingLedger
@testable import WenpingServer

@Suite("API")
struct APITests {
    @Test func healthMetricsAndOpenAPI() async throws {
        let fixture = try await ServerFixture()
        defer { fixture.remove() }
        try await fixture.test { client in
            let health = try await client.call(.get, "/healthz")
            #expect(health.status == .ok)
            #expect(health.json["status"] as? String == "ok")
            let document = try await client.call(.get, "/api/v1/openapi.json")
            #expect(document.json["openapi"] as? String == "3.1.0")
            try await client.call(.post, "/api/v1/assess", ServerFixture.project)
            let metrics = try await client.call(.get, "/metrics")
            #expect(metrics.text.contains("wenping_http_requests_total"))
            #expect(metrics.text.contains("wenping_assessments_total{grade="))
            #expect(metrics.text.contains("wenping_http_request_duration_seconds"))
        }
    }

    @Test func dryRunGradesInEveryFormatAndStoresNothing() async throws {
        let fixture = try await ServerFixture()
        defer { fixture.remove() }
        try await fixture.test { client in
            let json = try await client.call(.post, "/api/v1/assess", ServerFixture.project)
            #expect(json.status == .ok)
            #expect(json.headers[.contentType]?.hasPrefix("application/json") == true)
            #expect(json.json["schema"] as? String == JSONReportRenderer.schema)
            let markdown = try await client.call(.post, "/api/v1/assess?format=md", ServerFixture.project)
            #expect(markdown.headers[.contentType]?.hasPrefix("text/markdown") == true)
            #expect(markdown.text.contains("长安区某某路拓宽工程房屋征收"))
            let html = try await client.call(.post, "/api/v1/assess?format=html", ServerFixture.project)
            #expect(html.text.hasPrefix("<!DOCTYPE html>") || html.text.contains("<html"))
            let wrong = try await client.call(.post, "/api/v1/assess?format=odt", ServerFixture.project)
            #expect(wrong.status == .badRequest)
        }
        #expect(try await fixture.state.ledger.projects(limit: 10, offset: 0).isEmpty)
    }

    @Test func problemsCarryDiagnosticCodesAndPositions() async throws {
        let fixture = try await ServerFixture()
        defer { fixture.remove() }
        try await fixture.test { client in
            let malformed = try await client.call(.post, "/api/v1/assess", #"{"id": "x", "#)
            #expect(malformed.status == .badRequest)
            #expect(malformed.headers[.contentType]?.hasPrefix("application/problem+json") == true)
            #expect(malformed.json["code"] as? String == "E701")
            let wrongFact = try await client.call(
                .post, "/api/v1/assess",
                ServerFixture.project.replacingOccurrences(of: "\"households\": 180", with: "\"households\": \"很多\""))
            #expect(wrongFact.status == .unprocessableContent)
            #expect(wrongFact.json["code"] as? String == "E717")
            let diagnostics = wrongFact.json["diagnostics"] as? [[String: Any]] ?? []
            let first = try #require(diagnostics.first)
            #expect(first["code"] as? String == "E402")
            #expect(first["file"] as? String == "body")
            #expect((first["line"] as? Int ?? 0) >= 1 && (first["column"] as? Int ?? 0) > 1)
            #expect(
                (first["message"] as? String ?? "").contains("households")
                    || (first["message"] as? String ?? "").contains("户"))
            let empty = try await client.call(.post, "/api/v1/assess", "")
            #expect(empty.status == .badRequest)
            let unknownRoute = try await client.call(.get, "/api/v1/nothing")
            #expect(unknownRoute.status == .notFound)
            #expect(unknownRoute.json["code"] as? String == "E706")
            let wrongMethod = try await client.call(.get, "/api/v1/assess")
            #expect(wrongMethod.status == .methodNotAllowed)
            #expect(wrongMethod.json["code"] as? String == "E707")
            #expect(wrongMethod.headers[.allow] == "POST")
        }
    }

    @Test func oversizedBodiesAreRefused() async throws {
        let fixture = try await ServerFixture { $0.maxBodyBytes = 2048 }
        defer { fixture.remove() }
        try await fixture.test { client in
            let big = "{\"id\": \"" + String(repeating: "x", count: 10_000) + "\"}"
            let response = try await client.call(.post, "/api/v1/assess", big)
            #expect(response.status == .contentTooLarge)
            #expect(response.json["code"] as? String == "E702")
        }
    }

    @Test func storedAssessmentsHistoryReportsAndDiff() async throws {
        let fixture = try await ServerFixture()
        defer { fixture.remove() }
        try await fixture.test { client in
            let admin = try await client.admin()
            let preparer = try await client.user("li", role: "编制", admin: admin)
            let first = try await client.call(.post, "/api/v1/projects", ServerFixture.project, as: preparer)
            #expect(first.status == .created, "\(first.text)")
            let stored = first.json["assessment"] as? [String: Any] ?? [:]
            let firstID = try #require(stored["id"] as? Int)
            #expect(first.headers[.location] == "/api/v1/assessments/\(firstID)")
            #expect(stored["createdBy"] as? String == "li")
            #expect((stored["ruleset"] as? [String: Any])?["digest"] as? String != nil)
            let second = try await client.call(
                .post, "/api/v1/projects", ServerFixture.project(households: 2400), as: preparer)
            #expect(second.json["projectVersion"] as? Int == 2)
            let secondID = try #require((second.json["assessment"] as? [String: Any])?["id"] as? Int)

            let history = try await client.call(.get, "/api/v1/projects/XA-2025-002", as: preparer)
            #expect((history.json["versions"] as? [Any])?.count == 2)
            #expect((history.json["assessments"] as? [Any])?.count == 2)
            let encoded = try await client.call(
                .get, "/api/v1/projects/XA-2025-002".addingPercentEncoding(withAllowedCharacters: .urlPathAllowed)!,
                as: preparer)
            #expect(encoded.status == .ok)

            let report = try await client.call(.get, "/api/v1/assessments/\(firstID)/report", as: preparer)
            #expect(report.json["schema"] as? String == JSONReportRenderer.schema)
            #expect(report.json["reviews"] as? [Any] != nil)
            for format in ["md", "html"] {
                let rendered = try await client.call(
                    .get, "/api/v1/assessments/\(firstID)/report?format=\(format)", as: preparer)
                #expect(rendered.status == .ok)
                #expect(rendered.text.contains("审核意见"))
            }

            let diff = try await client.call(
                .get, "/api/v1/projects/XA-2025-002/diff?from=\(firstID)&to=\(secondID)", as: preparer)
            #expect(diff.status == .ok, "\(diff.text)")
            let facts = diff.json["facts"] as? [[String: Any]] ?? []
            #expect(facts.contains { $0["name"] as? String == "households" })
            #expect(diff.json["rulesetChanged"] as? Bool == false)
            let missing = try await client.call(.get, "/api/v1/projects/NOPE", as: preparer)
            #expect(missing.status == .notFound)
        }
        #expect(try await fixture.state.ledger.verify().isIntact)
    }

    @Test func comparisonPageNamesARemovedMeasure() async throws {
        let fixture = try await ServerFixture()
        defer { fixture.remove() }
        try await fixture.test { client in
            let admin = try await client.admin()
            let preparer = try await client.user("li", role: "编制", admin: admin)
            let first = try await client.call(.post, "/api/v1/projects", ServerFixture.project, as: preparer)
            let firstID = try #require((first.json["assessment"] as? [String: Any])?["id"] as? Int)
            let withoutMeasure = ServerFixture.project.replacingOccurrences(
                of: #""measures": ["opinion-monitoring"]"#, with: #""measures": []"#)
            let second = try await client.call(.post, "/api/v1/projects", withoutMeasure, as: preparer)
            let secondID = try #require((second.json["assessment"] as? [String: Any])?["id"] as? Int)

            let page = try await client.call(
                .get, "/projects/XA-2025-002/compare?from=\(firstID)&to=\(secondID)", as: preparer)
            #expect(page.status == .ok)
            let list = page.text.firstRange(of: "<ul id=\"compare-measures\">").map { page.text[$0.lowerBound...] }
            let measures = String(list?.prefix { $0 != "\n" } ?? "")
            #expect(
                measures.contains(
                    "<li>取消：建立舆情监测和快速回应机制，及时发布权威信息<span class=\"muted\">（opinion-monitoring）</span></li>"),
                "\(measures)")
            let back = try await client.call(
                .get, "/projects/XA-2025-002/compare?from=\(secondID)&to=\(firstID)", as: preparer)
            #expect(back.text.contains("<li>新增：建立舆情监测和快速回应机制，及时发布权威信息<span class=\"muted\">"))
            // The API keeps listing ids.
            let diff = try await client.call(
                .get, "/api/v1/projects/XA-2025-002/diff?from=\(firstID)&to=\(secondID)", as: preparer)
            #expect(diff.json["measuresRemoved"] as? [String] == ["opinion-monitoring"])
            #expect(diff.json["measureLabels"] == nil)
        }
    }

    @Test func reviewsAndGovernedOverrideAppearBesideTheComputedGrade() async throws {
        let fixture = try await ServerFixture()
        defer { fixture.remove() }
        try await fixture.test { client in
            let admin = try await client.admin()
            let preparer = try await client.user("li", role: "编制", admin: admin)
            let reviewer = try await client.user("wang", role: "审核", admin: admin)
            let saved = try await client.call(.post, "/api/v1/projects", ServerFixture.project, as: preparer)
            let id = try #require((saved.json["assessment"] as? [String: Any])?["id"] as? Int)
            let computed = (saved.json["assessment"] as? [String: Any])?["gradeAfter"] as? String
            let noReason = try await client.call(
                .post, "/api/v1/assessments/\(id)/reviews", #"{"decision": "调整", "adjustedGrade": "高"}"#, as: reviewer)
            #expect(noReason.status == .unprocessableContent)
            #expect(noReason.json["code"] as? String == "E712")
            let unknownGrade = try await client.call(
                .post, "/api/v1/assessments/\(id)/reviews",
                #"{"decision": "调整", "adjustedGrade": "极高", "comment": "x"}"#,
                as: reviewer)
            #expect(unknownGrade.status == .unprocessableContent)
            let override = try await client.call(
                .post, "/api/v1/assessments/\(id)/reviews",
                #"{"decision": "调整", "adjustedGrade": "高", "comment": "现场核查：反对意见集中"}"#, as: reviewer)
            #expect(override.status == .created, "\(override.text)")
            let info = try await client.call(.get, "/api/v1/assessments/\(id)", as: reviewer)
            #expect(info.json["gradeAfter"] as? String == computed)
            #expect(info.json["reviewedGrade"] as? String == "高")
            let markdown = try await client.call(.get, "/api/v1/assessments/\(id)/report?format=md", as: reviewer)
            #expect(markdown.text.contains("wang") && markdown.text.contains("现场核查") && markdown.text.contains("**高**"))
            let json = try await client.call(.get, "/api/v1/assessments/\(id)/report", as: reviewer)
            let reviews = json.json["reviews"] as? [[String: Any]] ?? []
            #expect(reviews.first?["adjusted_grade"] as? String == "高")
            #expect((json.json["conclusion"] as? [String: Any])?["grade_after"] as? String == computed)
        }
        #expect(try await fixture.state.ledger.verify().rowsChecked == 2)
    }

    @Test func reloadSwapsOnlyCleanRules() async throws {
        let rules = NSTemporaryDirectory() + "wenping-rules-\(UUID().uuidString)"
        try FileManager.default.copyItem(atPath: ServerFixture.root + "/Rules", toPath: rules)
        defer { try? FileManager.default.removeItem(atPath: rules) }
        let fixture = try await ServerFixture(rules: [rules])
        defer { fixture.remove() }
        try await fixture.test { client in
            let admin = try await client.admin()
            let before = try await client.call(.get, "/api/v1/rulesets")
            let ids = (before.json["rulesets"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
            #expect(!ids.isEmpty)
            let encoded = ids[0].replacingOccurrences(of: "/", with: "%2F")
            let schema = try await client.call(.get, "/api/v1/rulesets/\(encoded)/schema")
            #expect(schema.status == .ok)
            #expect(schema.json["$schema"] != nil)
            try "id: [broken\n".write(toFile: rules + "/zz-broken.yaml", atomically: true, encoding: .utf8)
            let rejected = try await client.call(.post, "/api/v1/rulesets/reload", as: admin)
            #expect(rejected.status == .unprocessableContent)
            #expect(rejected.json["code"] as? String == "E711")
            #expect(!(rejected.json["diagnostics"] as? [Any] ?? []).isEmpty)
            let still = try await client.call(.post, "/api/v1/assess", ServerFixture.project)
            #expect(still.status == .ok)
            try FileManager.default.removeItem(atPath: rules + "/zz-broken.yaml")
            let accepted = try await client.call(.post, "/api/v1/rulesets/reload", as: admin)
            #expect(accepted.status == .ok, "\(accepted.text)")
        }
    }

    @Test func everyRouteIsInTheOpenAPIDocument() async throws {
        let fixture = try await ServerFixture()
        defer { fixture.remove() }
        let document = try JSONSerialization.jsonObject(with: Data(OpenAPIDocument.text.utf8)) as? [String: Any]
        let paths = document?["paths"] as? [String: [String: Any]] ?? [:]
        var documented = Set<String>()
        for (path, operations) in paths {
            for method in operations.keys { documented.insert("\(method.uppercased()) \(path)") }
        }
        let served = Set(WenpingService.routeTable(fixture.state).entries.map { "\($0.method) \($0.path)" })
        #expect(served == documented)
        let committed = try String(
            contentsOfFile: ServerFixture.root + "/Sources/WenpingServer/Resources/openapi.json", encoding: .utf8)
        #expect(committed == OpenAPIDocument.text)
    }
}

@Suite("Batch API")
struct BatchAPITests {
    @Test func jsonLinesAndCSVBatchesGiveSummariesAndReports() async throws {
        let fixture = try await ServerFixture {
            $0.jobsFolder = NSTemporaryDirectory() + "wenping-jobs-\(UUID().uuidString)"
        }
        defer {
            fixture.remove()
            try? FileManager.default.removeItem(atPath: fixture.state.configuration.jobsFolder)
        }
        let lines = try String(contentsOfFile: ServerFixture.root + "/Fixtures/batch/projects.jsonl", encoding: .utf8)
        let csv = try String(contentsOfFile: ServerFixture.root + "/Fixtures/batch/projects.csv", encoding: .utf8)
        try await fixture.test { client in
            let admin = try await client.admin()
            let preparer = try await client.user("li", role: "编制", admin: admin)
            let reviewer = try await client.user("wang", role: "审核", admin: admin)
            #expect(try await client.call(.post, "/api/v1/batches", lines, as: reviewer).status == .forbidden)
            let wrongType = try await client.call(.post, "/api/v1/batches", lines, as: preparer)
            #expect(wrongType.status == .unsupportedMediaType)
            let job = try await client.call(
                .post, "/api/v1/batches", lines, as: preparer, headers: [.contentType: "application/jsonl"])
            #expect(job.status == .created, "\(job.text)")
            let jobID = try #require(job.json["jobId"] as? String)
            let summary = try #require(job.json["summary"] as? [String: Any])
            let counts = try #require(summary["counts"] as? [String: Int])
            #expect(counts["total"] == 5 && counts["invalid"]! >= 1)
            #expect(!job.text.contains(fixture.state.configuration.jobsFolder))
            let again = try await client.call(.get, "/api/v1/batches/\(jobID)", as: reviewer)
            #expect(again.status == .ok)
            let report = try await client.call(.get, "/api/v1/batches/\(jobID)/reports/XA-2025-002.json", as: reviewer)
            #expect(report.status == .ok, "\(report.text)")
            #expect(report.json["schema"] as? String == JSONReportRenderer.schema)
            for traversal in [
                "..%2F..%2Fout%2Fsummary.json", "..%2Finput.jsonl", "%2Fetc%2Fpasswd", ".hidden.json", "..",
                "..%5C..%5Csummary.json",
            ] {
                let response = try await client.call(
                    .get, "/api/v1/batches/\(jobID)/reports/\(traversal)", as: reviewer)
                #expect(response.status == .notFound, "\(traversal)")
            }
            #expect(try await client.call(.get, "/api/v1/batches/../../etc", as: reviewer).status == .notFound)
            let table = try await client.call(
                .post, "/api/v1/batches", csv, as: preparer, headers: [.contentType: "text/csv"])
            #expect(table.status == .created, "\(table.text)")
        }
    }
}
