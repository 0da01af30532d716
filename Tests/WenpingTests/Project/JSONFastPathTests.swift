import Foundation
import Testing
import WenpingYAML

@testable import Wenping

/// The JSON fast path changes nothing a user sees.
///
/// For every project fixture written as JSON, every JSON Lines fixture line, and mutations of them, loading with
/// ``JSONParser`` gives the same diagnostics (codes, messages, positions, rendered excerpts) and the same reports
/// as loading through libyaml alone. The one intended difference: a JSON Lines line that libyaml reads but that is not JSON is rejected with E450.
struct JSONFastPathTests {
    static let root = FixtureTests.root
    static let fast = ProjectLoader(catalog: FixtureTests.catalog)
    static let slow: ProjectLoader = {
        var loader = ProjectLoader(catalog: FixtureTests.catalog)
        loader.usesJSONFastPath = false
        return loader
    }()

    /// `node` written as one line of JSON (keys and strings quoted, plain scalars as written when JSON allows).
    static func json(_ node: YAMLNode) -> String {
        switch node {
        case .scalar(let scalar):
            guard scalar.style == .plain else { return JSONWriter.quoted(scalar.value) }
            if scalar.isNull { return "null" }
            if let flag = scalar.bool { return flag ? "true" : "false" }
            if scalar.value.wholeMatch(of: /-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?/) != nil {
                return scalar.value
            }
            return JSONWriter.quoted(scalar.value)
        case .mapping(let mapping):
            return "{"
                + mapping.entries.map { JSONWriter.quoted($0.key.value) + ": " + json($0.value) }
                .joined(separator: ", ") + "}"
        case .sequence(let sequence):
            return "[" + sequence.items.map(json).joined(separator: ", ") + "]"
        }
    }

    /// Every project fixture (valid and invalid) as JSON, and every JSON Lines fixture line.
    static func corpus() throws -> [String] {
        var result: [String] = []
        let folder = root + "/Fixtures/projects"
        for path in BatchInputs.projectFiles(in: folder) {
            guard let root = try YAMLParser.parse(contentsOfFile: path).root else { continue }
            result.append(json(root))
        }
        let jsonl = try String(contentsOfFile: root + "/Fixtures/batch/projects.jsonl", encoding: .utf8)
        result += jsonl.split(separator: "\n").map(String.init)
        return result
    }

    /// What a user sees of a load: the rendered diagnostics and, if graded, the JSON report.
    static func seen(_ output: ProjectLoader.Output) -> String {
        let formatter = DiagnosticFormatter(sources: output.source.map { [$0.file: $0] } ?? [:])
        var text = formatter.format(output.diagnostics)
        if let project = output.project { text += JSONReportRenderer.render(Engine.evaluate(project)) }
        return text
    }

    static func mutations(of text: String, count: Int, seed: UInt64) -> [String] {
        let base = Array(text.utf8)
        let interesting = Array("{}[]\",:' 0123456789.-eatrufl".utf8)
        var state = seed
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(truncatingIfNeeded: state >> 33)
        }
        return (0..<count).map { _ in
            var bytes = base
            let at = next() % bytes.count
            switch next() % 3 {
            case 0: bytes.remove(at: at)
            case 1: bytes.insert(interesting[next() % interesting.count], at: at)
            default: bytes[at] = interesting[next() % interesting.count]
            }
            return String(decoding: bytes, as: UTF8.self)
        }
    }

    @Test func projectFilesAndLinesLoadExactlyAsThroughLibYAML() throws {
        var checked = 0
        var rejected = 0
        for (index, text) in try Self.corpus().enumerated() {
            for variant in [text] + Self.mutations(of: text, count: 40, seed: UInt64(index)) {
                let bytes = Array(variant.utf8)
                let slow = Self.slow.load(bytes: bytes, file: "p.json", jsonLine: true)
                // A project file named .json is read as before, whatever it holds.
                #expect(
                    Self.seen(Self.fast.load(bytes: bytes, file: "p.json")) == Self.seen(slow), "file: \(variant)")
                let line = Self.fast.load(bytes: bytes, file: "p.json", jsonLine: true)
                if line.diagnostics.contains(where: { $0.code == .notJSON }) {
                    // Only for text libyaml reads without a syntax error: everything else keeps libyaml's error.
                    #expect(!slow.diagnostics.contains { $0.code.rawValue.hasPrefix("E1") }, "\(variant)")
                    #expect(line.diagnostics.count == 1)
                    rejected += 1
                } else {
                    #expect(Self.seen(line) == Self.seen(slow), "line: \(variant)")
                }
                checked += 1
            }
        }
        #expect(checked > 1000)
        #expect(rejected > 50)
    }

    @Test func yamlFlowSyntaxInAJSONLinesLineIsRejectedWithItsPosition() {
        let line = #"{"id": "L-1", name: 测试, "kind": "house_expropriation", "facts": {"households": 3}}"#
        let output = Self.fast.load(bytes: Array(line.utf8), file: "p.jsonl", jsonLine: true)
        #expect(output.project == nil)
        let formatted = DiagnosticFormatter(sources: output.source.map { [$0.file: $0] } ?? [:]).format(
            output.diagnostics)
        #expect(formatted.hasPrefix("p.jsonl:1:15: error[E450]: 这一行不是 JSON：JSON 对象的键要写在双引号里"))
        // The same text as a YAML project file is still a YAML file.
        let file = Self.fast.load(bytes: Array(line.utf8), file: "p.yaml")
        #expect(!file.diagnostics.contains { $0.code == .notJSON })
    }

    @Test func validLoadsCarryNoSourceText() {
        let jsonl = try! String(contentsOfFile: Self.root + "/Fixtures/batch/projects.jsonl", encoding: .utf8)
        let line = String(jsonl.split(separator: "\n")[0])
        let output = Self.fast.load(bytes: Array(line.utf8), file: "p.json", jsonLine: true)
        #expect(output.project != nil)
        #expect(output.diagnostics.isEmpty)
        #expect(output.source == nil)
    }
}
