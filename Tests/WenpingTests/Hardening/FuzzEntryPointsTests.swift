import Foundation
import Testing

@testable import Wenping

/// The entry points the libFuzzer targets in `Fuzz/` call, run in the normal suite on their seeds and on the
/// hostile classes of issue 8, so that they keep working between fuzz runs (nothing else calls them) and a
/// finding replayed through them here means the same as in the fuzzer.
struct FuzzEntryPointsTests {
    private static let root = HardeningSupport.repositoryRoot

    private static func files(under folder: String, where keep: (String) -> Bool) -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: root + "/" + folder)
        var paths: [String] = []
        while let path = enumerator?.nextObject() as? String {
            var isFolder: ObjCBool = false
            let full = root + "/" + folder + "/" + path
            if keep(path), FileManager.default.fileExists(atPath: full, isDirectory: &isFolder), !isFolder.boolValue {
                paths.append(full)
            }
        }
        return paths.sorted()
    }

    private static func bytes(_ path: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    @Test func yamlEntryPointReturnsOnEveryBundledFileAndHostileBytes() throws {
        let seeds = try Self.files(under: "Rules", where: { $0.hasSuffix(".yaml") }).map(Self.bytes)
        let hostile: [[UInt8]] = [
            [], [0], [0xFF, 0xFE, 0x00], Array("a: &a [*a, *a]\nb: *a\n".utf8),
            Array((String(repeating: "[", count: 5_000) + String(repeating: "]", count: 5_000)).utf8),
            Array("x: !!binary AAAA\ny: .inf\nz: 1e400\n".utf8),
        ]
        let seconds = HardeningSupport.seconds {
            for input in seeds + hostile { FuzzEntryPoints.yaml(input) }
        }
        #expect(seeds.count >= 10)
        #expect(seconds < 30)
    }

    @Test func expressionEntryPointReturnsOnRuleExpressionsAndEveryHostileExpression() {
        let inputs =
            [
                "households >= 300 and land_type == 基本农田", "ratio / 0 > 1", "abs(补偿比) * 1e308 * 1e308 > 0",
                "days_between(start, start) == 0", "count(重大) >= 1 or count_at_least(2) > 0", "present(notes)",
                "round(ratio, 10) < 1", "households in [1, 2, 3]", "＝（",
            ] + ExpressionLimitTests.hostile.map(\.1)
        let seconds = HardeningSupport.seconds {
            for input in inputs { FuzzEntryPoints.expression(Array(input.utf8)) }
        }
        #expect(seconds < 30)
    }

    @Test func projectEntryPointReturnsOnEveryFixtureAndHostileProjects() throws {
        let catalog = RuleSetCatalog(paths: [Self.root + "/Rules"])
        let seeds = try Self.files(
            under: "Fixtures/projects", where: { $0.hasSuffix(".yaml") && !$0.hasSuffix(".expected.yaml") }
        ).map(Self.bytes)
        let lines = try String(contentsOfFile: Self.root + "/Fixtures/batch/projects.jsonl", encoding: .utf8)
        let line = try #require(lines.split(separator: "\n").first.map(String.init))
        let hostile = [
            // households 1e30180 (not finite) and 1e16, thousands of unknown facts, control characters and Markdown
            line, line.replacingOccurrences(of: "\"households\": ", with: "\"households\": 1e30"),
            line.replacingOccurrences(of: "\"facts\": {", with: "\"facts\": {\"households\": 10000000000000000, "),
            "{id: P, kind: house_expropriation, facts: {" + (0..<2_000).map { "f\($0): 1" }.joined(separator: ", ")
                + "}}",
            "id: \"\u{1B}]0;title\u{07}\"\nkind: house_expropriation\nname: \"[链接](http://x) \\\\\"\n",
        ].map { Array($0.utf8) }
        let seconds = HardeningSupport.seconds {
            for input in seeds + hostile { FuzzEntryPoints.project(input, catalog: catalog) }
        }
        #expect(seeds.count >= 10)
        #expect(seconds < 60)
    }

    @Test func rulesEntryPointReturnsOnBundledRuleFilesNextToTheBundledRules() throws {
        let folder = try HardeningSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for name in try FileManager.default.contentsOfDirectory(atPath: Self.root + "/Rules") {
            try FileManager.default.copyItem(atPath: Self.root + "/Rules/" + name, toPath: folder + "/" + name)
        }
        let inputs = [
            try Self.bytes(Self.root + "/Rules/xian-house-expropriation.yaml"),
            Array("format: wenping/1\nid: x\nextends: fuzz-input.yaml\n".utf8),
            Array("format: wenping/1\nid: [\n".utf8), [],
        ]
        let seconds = HardeningSupport.seconds {
            for input in inputs { FuzzEntryPoints.rules(input, rulesFolder: folder) }
        }
        #expect(seconds < 60)
    }
}
