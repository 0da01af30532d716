import Foundation
import Testing

@testable import Wenping

struct ProjectFileSchemaTests {
    static let root = FixtureTests.root
    static let catalog = FixtureTests.catalog

    /// The example projects that grade without errors (every `*.expected.yaml` names one).
    static let validProjects: [String] = FixtureTests.expectations.map {
        "Fixtures/projects/" + $0.replacingOccurrences(of: ".expected.yaml", with: ".yaml")
    }

    static func schema(_ id: String) throws -> JSONValue {
        ProjectFileSchema.document(ruleSet: try SchemaGenerator.ruleSet(id: id, in: catalog))
    }

    @Test func houseExpropriationProjectSchemaMatchesGoldenFile() throws {
        let ruleSet = try SchemaGenerator.ruleSet(id: "national/house-expropriation", in: Self.catalog)
        try assertSnapshot(SchemaGenerator.project(for: ruleSet), named: "project.house-expropriation.schema.json")
    }

    @Test func projectSchemaIsValidJSON() throws {
        let ruleSet = try SchemaGenerator.ruleSet(id: "national/house-expropriation", in: Self.catalog)
        let text = SchemaGenerator.project(for: ruleSet)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
    }

    @Test(arguments: validProjects)
    func validProjectsPassTheSchemaOfTheirRuleset(_ file: String) throws {
        let loaded = ProjectLoader(catalog: Self.catalog).load(file: Self.root + "/" + file)
        let project = try #require(loaded.project, "\(loaded.diagnostics)")
        let instance = try JSONValue(yamlFile: Self.root + "/" + file)
        let errors = SchemaValidator(root: ProjectFileSchema.document(ruleSet: project.ruleSet)).errors(instance)
        #expect(errors.isEmpty, "\(file) against \(project.ruleSet.id): \(errors)")
        let generic = SchemaValidator(root: ProjectFileSchema.document(ruleSet: nil)).errors(instance)
        #expect(generic.isEmpty, "\(file) against the generic schema: \(generic)")
    }

    @Test(arguments: [
        ("typo-fact.yaml", "unknown field"),
        ("wrong-type.yaml", "/facts/"),
        ("percent-out-of-range.yaml", "/facts/opposition_rate"),
        ("enum-not-public-interest.yaml", "/facts/purpose"),
        ("missing-required.yaml", "missing required funds_in_place"),
        ("unknown-measure.yaml", "/measures"),
    ])
    func invalidProjectsFailTheSchema(_ name: String, _ expected: String) throws {
        let instance = try JSONValue(yamlFile: Self.root + "/Fixtures/projects/invalid/" + name)
        let errors = SchemaValidator(root: try Self.schema("shaanxi/xian/house-expropriation")).errors(instance)
        #expect(errors.contains { $0.contains(expected) }, "\(name): \(errors)")
    }

    @Test func factsAreTypedFromTheRulesetInputs() throws {
        let schema = try Self.schema("national/house-expropriation")
        let households = try #require(schema.at(pointer: "/properties/facts/properties/households"))
        #expect(households["type"] == "integer")
        #expect(households["minimum"] == 0)
        #expect(households["title"] == "被征收户数")
        #expect(households["description"] == "被征收户数。单位：户。必填。")
        let purpose = try #require(schema.at(pointer: "/properties/facts/properties/purpose/enum"))
        #expect(purpose.at(pointer: "/0") == "defence")
        #expect(purpose.at(pointer: "/6") == "国防和外交")
        let required = try #require(schema.at(pointer: "/properties/facts/required"))
        #expect(required == .strings(["households", "purpose", "plan_conformity", "funds_in_place"]))
        let validator = SchemaValidator(root: schema)
        let base: [(String, JSONValue)] = [
            ("households", 10), ("purpose", "old_town"), ("plan_conformity", true), ("funds_in_place", "是"),
        ]
        func facts(_ extra: [(String, JSONValue)]) -> JSONValue {
            ["id": "P", "name": "项目", "kind": "house_expropriation", "facts": .fields(computed: base + extra)]
        }
        #expect(validator.errors(facts([("opposition_rate", 0.35)])).isEmpty)
        #expect(validator.errors(facts([("opposition_rate", "35%")])).isEmpty)
        #expect(!validator.errors(facts([("opposition_rate", "135%")])).isEmpty)
        #expect(!validator.errors(facts([("opposition_rate", 1.2)])).isEmpty)
        #expect(!validator.errors(facts([("households", 1.5)])).isEmpty)
        #expect(!validator.errors(facts([("media_sentiment", "很热")])).isEmpty)
    }

    @Test func withoutARulesetFactsAreFree() throws {
        let schema = ProjectFileSchema.document(ruleSet: nil)
        #expect(schema.at(pointer: "/properties/facts") == ["type": "object", "description": "事实：规则输入项的名称: 取值"])
    }

    @Test func unknownRulesetIdSuggestsTheClosest() {
        #expect(throws: SchemaGenerator.UnknownRuleSet.self) {
            try SchemaGenerator.ruleSet(id: "national/house-expropriatoin", in: Self.catalog)
        }
        do {
            _ = try SchemaGenerator.ruleSet(id: "national/house-expropriatoin", in: Self.catalog)
        } catch {
            #expect(
                error.message.hasPrefix("没有 id 为“national/house-expropriatoin”的规则。是否想写“national/house-expropriation”？"))
        }
    }
}
