import Foundation
import Testing

@testable import WenpingYAML

/// The JSON fast path against libyaml.
///
/// Whenever ``JSONParser`` answers with a tree, it is the tree
/// ``YAMLParser`` builds (values, styles, marks, end marks, exact-offset line starts); whenever it says "not
/// JSON", the text really is not JSON (Foundation's parser agrees). Checked on hand-written cases, every JSON
/// Lines fixture line, and thousands of single-byte mutations of them.
struct JSONParserTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures").path

    static let handWritten: [String] = [
        #"{"a": 1, "b": [true, false, null], "c": {"d": -0.5e-3, "e": "文字"}}"#,
        #"{"a":1,"b":"x"}"#,
        #"  {"escapes": "a\"b\\c\/d\b\f\n\r\t\u00e9\u4e2d", "empty": "", "z": 0}  "#,
        "{\r\n  \"crlf\": [1,\r\n 2],\r\n  \"多行\": {\"k\": \"值\"}\r\n}\r\n",
        "{\n\"nested\": [[[], {}], [{\"a\": [1, 2.0, 3E+2, 4e-1]}]]\n}\n",
        #"[1, "two", 3.25, true]"#,
        #""just a string""#,
        "42",
        #"{"emoji": "😀", "cjk": "征收 户数", "spaces": "  lead and trail  "}"#,
        #"{"k": "\ud83d\ude00"}"#,
        #"{"k": "\u0000\u001f"}"#,
        #"{"dup": 1, "dup": 2}"#,
        "{\"tab\":\t1}",
        "{\"a\": 01}", "{\"a\": 1.}", "{\"a\": .5}", "{\"a\": +1}", "{\"a\": 1 2}", "{\"a\": NaN}",
        "{a: 1}", "{'a': 1}", "{\"a\": 'x'}", "{\"a\": yes}", "{\"a\": [1, 2,]}", "{\"a\": 1,}",
        "{\"a\": \"\\x41\"}", "{\"a\": \"tab\there\"}", "{\"a\": 1} x", "{\"a\": 1", "{\"a\": \"x}",
        "{\"a\" 1}", "{\"a\": True}", "{\"a\": nul}", "[1 2]", "{\"a\": -}", "{\"a\": 1e}", "{,}",
        "{\"" + String(repeating: "k", count: 2000) + "\": 1}",
        String(repeating: "[", count: 70) + String(repeating: "]", count: 70),
    ]

    /// Every non-empty line of the JSON Lines fixtures, plus the hand-written cases.
    static func corpus() throws -> [[UInt8]] {
        var result = handWritten.map { Array($0.utf8) }
        let jsonl = try String(contentsOfFile: fixtures + "/batch/projects.jsonl", encoding: .utf8)
        result += jsonl.split(separator: "\n").map { Array($0.utf8) }
        return result
    }

    /// Deterministic single-byte mutations: deletions, insertions and replacements with bytes that matter to
    /// JSON or YAML.
    static func mutations(of base: [UInt8], count: Int, seed: UInt64) -> [[UInt8]] {
        let interesting = Array("{}[]\",:'\\ \t\n0123456789eE+-.tfn#&*!|>%@~ä".utf8) + [0xE4, 0x7F, 0xC2]
        var state = seed
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(truncatingIfNeeded: state >> 33)
        }
        var result: [[UInt8]] = []
        for _ in 0..<count where !base.isEmpty {
            var bytes = base
            let at = next() % bytes.count
            switch next() % 3 {
            case 0: bytes.remove(at: at)
            case 1: bytes.insert(interesting[next() % interesting.count], at: at)
            default: bytes[at] = interesting[next() % interesting.count]
            }
            result.append(bytes)
        }
        return result
    }

    static func check(_ bytes: [UInt8]) -> (parsed: Int, notJSON: Int, declined: Int) {
        let yaml = try? YAMLParser.parse(bytes)
        let foundation = try? JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
        let full = String(decoding: bytes, as: UTF8.self)
        let text = String(full.prefix(300))
        switch JSONParser.parse(bytes) {
        case .parsed(let document):
            #expect(yaml?.root == document.root, "tree differs from libyaml's for \(text)")
            #expect(yaml?.text == document.text, "text differs for \(text)")
            #expect(foundation != nil, "Foundation rejects what the fast path accepted: \(text)")
            return (1, 0, 0)
        case .notJSON(let reason, let mark):
            // Foundation on Linux accepts trailing commas, which RFC 8259 does not.
            let trailingComma = full.contains(try! Regex(#",[ \r\n]*[\]}]"#))
            #expect(
                foundation == nil || trailingComma,
                "Foundation accepts what the fast path calls not JSON (\(reason)): \(text)")
            #expect(mark.offset <= bytes.count)
            return (0, 1, 0)
        case .declined:
            return (0, 0, 1)
        }
    }

    @Test func handWrittenCasesMatchLibYAML() {
        var totals = (parsed: 0, notJSON: 0, declined: 0)
        for text in Self.handWritten {
            let result = Self.check(Array(text.utf8))
            totals = (totals.parsed + result.parsed, totals.notJSON + result.notJSON, totals.declined + result.declined)
        }
        #expect(totals.parsed >= 9)
        #expect(totals.notJSON >= 20)
    }

    @Test func fixturesAndTheirMutationsMatchLibYAML() throws {
        var totals = (parsed: 0, notJSON: 0, declined: 0)
        for (index, base) in try Self.corpus().enumerated() {
            for bytes in [base] + Self.mutations(of: base, count: 150, seed: UInt64(index)) {
                let result = Self.check(bytes)
                totals = (
                    totals.parsed + result.parsed, totals.notJSON + result.notJSON, totals.declined + result.declined
                )
            }
        }
        // The mutations must exercise every answer, or the comparison proves little.
        #expect(totals.parsed > 500)
        #expect(totals.notJSON > 500)
        #expect(totals.declined > 10)
    }

    /// Duplicate keys are left to libyaml however many keys the object has and wherever the repeat is; keys
    /// that differ in bytes but are equal as strings (canonically equivalent, like `é` and `e` + U+0301, or the
    /// Kelvin sign and `K`) count as repeats too.
    @Test func duplicateKeysAreDeclinedAtAnySize() {
        func object(_ keys: [String]) -> [UInt8] {
            Array(("{" + keys.enumerated().map { "\"\($1)\": \($0)" }.joined(separator: ", ") + "}").utf8)
        }
        for count in [2, 15, 16, 17, 63, 64, 65, 200] {
            let keys = (0..<count).map { "key_\($0)" }
            guard case .parsed = JSONParser.parse(object(keys)) else {
                Issue.record("\(count) distinct keys not parsed")
                continue
            }
            _ = Self.check(object(keys))
            for repeated in Set([0, count / 2, count - 2]) where repeated >= 0 {
                guard case .declined = JSONParser.parse(object(keys + [keys[repeated]])) else {
                    Issue.record("key \(repeated) repeated after \(count) keys was not declined")
                    continue
                }
            }
        }
        let equivalent: [(String, String)] = [("\u{E9}", "e\u{301}"), ("\u{212A}", "K"), ("K", "\u{212A}")]
        for (first, second) in equivalent {
            for padding in [0, 20, 70] {
                let keys = (0..<padding).map { "p\($0)" } + [first] + (0..<padding).map { "q\($0)" } + [second]
                guard case .declined = JSONParser.parse(object(keys)) else {
                    Issue.record("equivalent keys \(first.unicodeScalars.map(\.value)) after \(padding) not declined")
                    continue
                }
            }
        }
    }

    @Test func escapedStringsHaveNoExactOffsets() throws {
        guard case .parsed(let document) = JSONParser.parse(Array(#"{"a": "x\ny", "b": "中文"}"#.utf8)),
            case .mapping(let top) = document.root, case .scalar(let a) = top["a"], case .scalar(let b) = top["b"]
        else {
            Issue.record("did not parse")
            return
        }
        #expect(a.value == "x\ny")
        #expect(!a.hasExactOffsets)
        #expect(b.hasExactOffsets)
        #expect(b.mark(atOffset: 1) == YAMLMark(line: 1, column: 22, offset: 23))
    }

    @Test func notJSONPointsAtTheOffendingByte() {
        guard case .notJSON(_, let mark) = JSONParser.parse(Array(#"{"id": "中", name: 1}"#.utf8)) else {
            Issue.record("accepted YAML flow syntax")
            return
        }
        #expect(mark == YAMLMark(line: 1, column: 13, offset: 14))
    }
}
