import Foundation
import Testing

/// `wenping explain` and `wenping schema` run as the built executable: exit statuses and where output goes.
struct ExplainCommandTests {
    static let project = "Fixtures/projects/house-expropriation/xa-affordable-medium.yaml"

    @Test func explainPrintsTheAccountToStdout() throws {
        let run = try CommandLineTests.run(["explain", Self.project, "--factor", "opposition"])
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("# 评级说明：灞桥区某某棚户区保障性安居工程房屋征收（XA-2025-003）\n"))
        #expect(run.stdout.contains("入户调查反对率（opposition_rate）由 4% 改为 5%"))
        #expect(run.stderr.isEmpty)
    }

    @Test func explainUnknownFactorIsAUsageErrorWithDidYouMean() throws {
        let run = try CommandLineTests.run(["explain", Self.project, "--factor", "oppositon"])
        #expect(run.status == 64)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("没有 id 或名称为“oppositon”的风险因素。是否想写“opposition”？"))
    }

    @Test func explainInvalidProjectExitsOne() throws {
        let run = try CommandLineTests.run(["explain", "Fixtures/projects/invalid/typo-fact.yaml"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("error[E401]"))
    }

    @Test func schemaRulesPrintsJSONToStdout() throws {
        let run = try CommandLineTests.run(["schema", "rules"])
        #expect(run.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(object["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
    }

    @Test func schemaProjectListsTheRulesetFacts() throws {
        let run = try CommandLineTests.run(["schema", "project", "--ruleset", "shaanxi/xian/house-expropriation"])
        #expect(run.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let properties = try #require(object["properties"] as? [String: Any])
        let facts = try #require(properties["facts"] as? [String: Any])
        #expect((facts["properties"] as? [String: Any])?["opposition_rate"] != nil)
    }

    @Test func schemaUnknownRulesetIsAUsageErrorWithDidYouMean() throws {
        let run = try CommandLineTests.run(["schema", "project", "--ruleset", "national/house-expropriatoin"])
        #expect(run.status == 64)
        #expect(run.stderr.contains("是否想写“national/house-expropriation”？"))
    }
}
