import Foundation
import Testing

@testable import Wenping

struct RuleFileSchemaTests {
    static let root = FixtureTests.root
    static let schema = RuleFileSchema.document()
    static let validator = SchemaValidator(root: schema)

    /// Rule files that compile cleanly: the bundled rules and the valid conformance cases.
    static let validFiles: [String] = {
        let rules = ((try? FileManager.default.contentsOfDirectory(atPath: root + "/Rules")) ?? [])
            .filter { $0.hasSuffix(".yaml") && !$0.hasSuffix(".test.yaml") }.map { "Rules/" + $0 }
        let cases = ((try? FileManager.default.contentsOfDirectory(atPath: root + "/Fixtures/cases/valid")) ?? [])
            .map { "Fixtures/cases/valid/\($0)/rules.yaml" }
        return (rules + cases + ["Fixtures/cases/base.yaml"]).sorted()
    }()

    @Test func rulesSchemaMatchesGoldenFile() throws {
        try assertSnapshot(SchemaGenerator.rules(), named: "rules.schema.json")
    }

    @Test func rulesSchemaIsValidJSON() throws {
        let object = try JSONSerialization.jsonObject(with: Data(SchemaGenerator.rules().utf8)) as? [String: Any]
        #expect(object?["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
    }

    /// Where the schema lists the fields of each mapping the loader checks, so the two cannot drift apart.
    static let keyLists: [(pointer: String, keys: [String])] = [
        ("/properties", RuleFileLoader.topLevelKeys),
        ("/$defs/input/properties", RuleFileLoader.inputKeys),
        ("/$defs/derived/properties", RuleFileLoader.derivedKeys),
        ("/$defs/scales/properties", RuleFileLoader.scalesKeys),
        ("/$defs/scaleLevel/properties", RuleFileLoader.scaleLevelKeys),
        ("/$defs/degrees/properties", RuleFileLoader.degreesKeys),
        ("/$defs/degreeCut/oneOf/0/properties", RuleFileLoader.cutKeys(target: "degree")),
        ("/$defs/indexCut/oneOf/0/properties", RuleFileLoader.cutKeys(target: "grade")),
        ("/$defs/elseCut/properties", RuleFileLoader.elseCutKeys),
        ("/$defs/grade/properties", RuleFileLoader.gradeKeys),
        ("/$defs/aggregation/properties", RuleFileLoader.aggregationKeys),
        ("/$defs/rule/properties", RuleFileLoader.ruleKeys),
        ("/$defs/weightGroup/properties", RuleFileLoader.weightGroupKeys),
        ("/$defs/factor/properties", RuleFileLoader.factorKeys),
        ("/$defs/band/oneOf/0/properties", RuleFileLoader.bandKeys),
        ("/$defs/band/oneOf/1/properties", RuleFileLoader.elseBandKeys),
        ("/$defs/measure/properties", RuleFileLoader.measureKeys),
        ("/$defs/measure/properties/lowers/properties", RuleFileLoader.lowersKeys),
        ("/$defs/floor/properties", RuleFileLoader.floorKeys),
        ("/$defs/remove/properties", RuleFileLoader.removeKeys),
    ]

    @Test(arguments: keyLists.indices)
    func schemaListsExactlyTheFieldsTheLoaderAllows(_ index: Int) throws {
        let (pointer, keys) = Self.keyLists[index]
        guard case .object(let properties) = try #require(Self.schema.at(pointer: pointer), "\(pointer) missing") else {
            Issue.record("\(pointer) is not an object")
            return
        }
        #expect(properties.map(\.key).sorted() == keys.sorted(), "\(pointer)")
        let parent = try #require(Self.schema.at(pointer: String(pointer.dropLast("/properties".count))))
        #expect(parent["additionalProperties"] == .bool(false), "\(pointer) should be closed")
    }

    @Test func schemaEnumsMatchTheLoader() {
        #expect(Self.schema.at(pointer: "/$defs/input/properties/type/enum") == .strings(RuleFileLoader.inputTypes))
        #expect(Self.schema.at(pointer: "/$defs/unknownPolicy/enum") == .strings(RuleFileLoader.unknownPolicies))
        #expect(Self.schema.at(pointer: "/properties/format/const") == .string(RuleFileLoader.formatVersion))
    }

    @Test(arguments: validFiles)
    func validRuleFilesPassTheSchema(_ file: String) throws {
        let errors = Self.validator.errors(try JSONValue(yamlFile: Self.root + "/" + file))
        #expect(errors.isEmpty, "\(file): \(errors)")
    }

    @Test(arguments: [
        ("Fixtures/cases/structure/E202-unknown-field/rules.yaml", "unknown field wieght"),
        ("Fixtures/cases/structure/E204-wrong-scalar-type/rules.yaml", "/inputs/households/min"),
        ("Fixtures/cases/structure/E203-missing-field/rules.yaml", "missing required"),
        ("Fixtures/cases/structure/E206-unsupported-format/rules.yaml", "/format"),
    ])
    func brokenRuleFilesFailTheSchema(_ file: String, _ expected: String) throws {
        let errors = Self.validator.errors(try JSONValue(yamlFile: Self.root + "/" + file))
        #expect(errors.contains { $0.contains(expected) }, "\(file): \(errors)")
    }

    @Test func validatorRejectsKeywordsItDoesNotImplement() {
        let validator = SchemaValidator(root: ["type": "string", "maxLength": 3])
        #expect(validator.errors("abc") == [": unsupported keyword maxLength"])
    }
}
