import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing
import Wenping

@testable import WenpingServer

/// `POST /api/v1/survey` and `POST /api/v1/assess?as_of=`: the evidence steps of the command line, over HTTP.
@Suite("API: surveys and rules in force on a date")
struct SurveyAPITests {
    /// The survey fixture's spec and its first 20 questionnaires, counted by hand in `Fixtures/survey/README.md`.
    static func body(spec: String? = nil) throws -> String {
        let root = ServerFixture.root
        let specText = try spec ?? String(contentsOfFile: root + "/Fixtures/survey/spec.yaml", encoding: .utf8)
        let lines = try String(contentsOfFile: root + "/Fixtures/survey/responses.csv", encoding: .utf8)
            .components(separatedBy: "\r\n").prefix(21)
        return
            #"{"spec": \#(JSONLiteral.string(specText)), "responses": \#(JSONLiteral.string(lines.joined(separator: "\r\n") + "\r\n"))}"#
    }

    @Test func surveyAnswersTheBlockAndListsTheRowsLeftOut() async throws {
        let fixture = try await ServerFixture()
        defer { fixture.remove() }
        try await fixture.test { client in
            let response = try await client.call(.post, "/api/v1/survey", try Self.body())
            #expect(response.status == .ok, "\(response.text)")
            #expect(response.json["valid"] as? Int == 19)
            #expect(response.json["invalid"] as? Int == 1)
            let diagnostics = response.json["diagnostics"] as? [[String: Any]] ?? []
            #expect(diagnostics.map { $0["code"] as? String } == ["W540"])
            #expect(diagnostics.first?["file"] as? String == "responses")
            #expect(diagnostics.first?["line"] as? Int == 19)
            let fragment = try #require(response.json["fragment"] as? [String: Any])
            let survey = try #require(fragment["survey"] as? [String: Any])
            let facts = try #require(survey["facts"] as? [String: Any])
            let opposition = try #require(facts["opposition_rate"] as? [String: Any])
            #expect(opposition["count"] as? Int == 4)
            #expect(opposition["n"] as? Int == 19)
        }
    }

    @Test func aBrokenSpecOrBodyIsAProblemWithPositions() async throws {
        let fixture = try await ServerFixture()
        defer { fixture.remove() }
        try await fixture.test { client in
            let wrongFormat = try String(
                contentsOfFile: ServerFixture.root + "/Fixtures/survey/spec.yaml", encoding: .utf8
            ).replacingOccurrences(of: "wenping-survey/1", with: "wenping-survey/9")
            let spec = try await client.call(.post, "/api/v1/survey", try Self.body(spec: wrongFormat))
            #expect(spec.status == .unprocessableContent)
            #expect(spec.json["code"] as? String == "E460")
            let diagnostics = spec.json["diagnostics"] as? [[String: Any]] ?? []
            #expect(diagnostics.first?["file"] as? String == "spec")
            let missing = try await client.call(.post, "/api/v1/survey", #"{"spec": "x"}"#)
            #expect(missing.status == .badRequest)
            #expect(missing.json["detail"] as? String == "缺少字段“responses”")
        }
    }

    @Test func assessTakesAsOf() async throws {
        let fixture = try await ServerFixture()
        defer { fixture.remove() }
        try await fixture.test { client in
            let wrong = try await client.call(.post, "/api/v1/assess?as_of=2025-02-30", ServerFixture.project)
            #expect(wrong.status == .badRequest)
            #expect((wrong.json["detail"] as? String ?? "").contains("as_of"))
            // The Xi'an rules carry no dates: any date grades with them.
            let dated = try await client.call(.post, "/api/v1/assess?as_of=2025-06-30", ServerFixture.project)
            #expect(dated.status == .ok)
        }
    }

    @Test func theRulesetListGivesEachVersionsPeriod() async throws {
        let fixture = try await ServerFixture(rules: [ServerFixture.root + "/Fixtures/dated/rules"])
        defer { fixture.remove() }
        try await fixture.test { client in
            let list = try await client.call(.get, "/api/v1/rulesets")
            #expect(list.status == .ok)
            let rulesets = list.json["rulesets"] as? [[String: Any]] ?? []
            let periods = rulesets.map { item in
                [item["version"], item["effective"], item["expires"]].map { ($0 as? String) ?? "null" }
            }
            // 2023.1 is in force 2023-01-01 up to the day before 2025-01-01; 2025.1 has no end.
            #expect(
                periods.sorted { $0[0] < $1[0] } == [
                    ["2023.1", "2023-01-01", "2025-01-01"], ["2025.1", "2025-01-01", "null"],
                ])
            #expect(rulesets.allSatisfy { $0.keys.contains("expires") })
        }
    }

    @Test func assessAsOfChoosesAmongDatedVersions() async throws {
        let fixture = try await ServerFixture(rules: [ServerFixture.root + "/Fixtures/dated/rules"])
        defer { fixture.remove() }
        let project = try String(
            contentsOfFile: ServerFixture.root + "/Fixtures/dated/projects/lanting.yaml", encoding: .utf8)
        try await fixture.test { client in
            let byDate = try await client.call(.post, "/api/v1/assess", project)
            #expect(((byDate.json["ruleset"] as? [String: Any])?["version"] as? String) == "2023.1")
            let later = try await client.call(.post, "/api/v1/assess?as_of=2025-06-30", project)
            let ruleset = later.json["ruleset"] as? [String: Any]
            #expect(ruleset?["version"] as? String == "2025.1")
            #expect((ruleset?["version_choice"] as? [String: Any])?["basis"] as? String == "as_of")
            let none = try await client.call(.post, "/api/v1/assess?as_of=2020-01-01", project)
            #expect(none.status == .unprocessableContent)
            #expect((none.json["diagnostics"] as? [[String: Any]])?.first?["code"] as? String == "E251")
        }
    }
}
