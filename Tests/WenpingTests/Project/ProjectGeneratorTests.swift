import Testing

@testable import Wenping

/// Generated projects come in the declared grade mix, with values spread over their ranges, and neighbouring
/// projects do not share their values.
struct ProjectGeneratorTests {
    static let ruleSet = FixtureTests.catalog.ruleSet(id: "national/house-expropriation")!
    static let loader = ProjectLoader(catalog: FixtureTests.catalog, override: ruleSet.id)

    static func grades(_ generator: ProjectGenerator, count: Int) -> [String: Int] {
        var counts: [String: Int] = [:]
        for index in 0..<count {
            if let project = loader.load(bytes: Array(generator.jsonLine(index).utf8), file: "gen").project {
                counts[Engine.evaluate(project).gradeAfter, default: 0] += 1
            }
        }
        return counts
    }

    /// Pretty JSON put on one line byte by byte is what splitting it into lines, trimming and joining them with
    /// spaces gives (how generated lines were made before).
    @Test func prettyJSONOnOneLineIsTheTrimmedLinesJoined() {
        var writer = JSONWriter()
        writer.object { json in
            json.field("id", "GEN-1")
            json.field("name", "生成项目 1  ")
            json.key("facts")
            json.object { json in
                json.field("a", 1)
                json.key("b")
                json.array { _ in }
                json.key("c")
                json.object { _ in }
            }
            json.field("list", strings: ["x", " y ", "\n"])
        }
        var empty = JSONWriter()
        empty.object { _ in }
        let generator = ProjectGenerator(ruleSet: Self.ruleSet)
        var generated = JSONWriter()
        generated.object { json in
            json.field("line", generator.jsonLine(7))
            json.field("text", "  spaces  \n  inside  ")
        }
        for text in [writer.output, empty.output, generated.output] {
            let reference = text.split(separator: "\n").map { $0.trimmingWhitespace }.joined(separator: " ")
            #expect(ProjectGenerator.oneLine(Array(text.utf8)) == reference, "\(text.debugDescription)")
        }
    }

    @Test func theDefaultMixIsReachedWithinAFewPercent() {
        let counts = Self.grades(ProjectGenerator(ruleSet: Self.ruleSet), count: 200)
        // Declared: 低 50%, 中 35%, 高 15%.
        #expect(abs((counts["低"] ?? 0) - 100) <= 16, "\(counts)")
        #expect(abs((counts["中"] ?? 0) - 70) <= 16, "\(counts)")
        #expect(abs((counts["高"] ?? 0) - 30) <= 16, "\(counts)")
    }

    @Test func aDeclaredMixIsFollowed() {
        let mix = [ProjectGenerator.Share(grade: "高", weight: 1)]
        let counts = Self.grades(ProjectGenerator(ruleSet: Self.ruleSet, mix: mix), count: 40)
        #expect(counts == ["高": 40])
    }

    @Test func neighboursDoNotShareValuesAndValuesSpread() throws {
        let generator = ProjectGenerator(ruleSet: Self.ruleSet)
        let facts = try (0..<60).map { try GeneratedLine.facts(of: generator.jsonLine($0)).entries }
        // Neighbouring projects are drawn independently (the old generator shifted one draw between neighbours,
        // so they shared nearly every value). Two safe projects rightly share their safe booleans and zero
        // counts, so the test is on the average over all neighbours, not on each pair.
        var shares: [Double] = []
        for index in 1..<facts.count {
            let previous = Dictionary(facts[index - 1].map { ($0.name, $0.value) }, uniquingKeysWith: { a, _ in a })
            let same = facts[index].filter { previous[$0.name] == $0.value }.count
            shares.append(Double(same) / Double(facts[index].count))
        }
        let mean = shares.reduce(0, +) / Double(shares.count)
        #expect(mean < 0.65, "neighbours share \(Int(mean * 100))% of their facts on average")
        #expect(shares.filter { $0 > 0.95 }.isEmpty, "some neighbours share almost every fact: \(shares)")
        // A count with no upper bound takes values of every order of magnitude across the batch.
        let households = facts.compactMap { $0.first { $0.name == "households" }.flatMap { Int($0.value) } }
        #expect(Set(households).count > 5)
        #expect(households.contains { $0 < 10 } && households.contains { $0 >= 100 })
    }
}
