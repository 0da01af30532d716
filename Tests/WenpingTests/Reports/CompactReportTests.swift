import Foundation
import Testing

@testable import Wenping

/// Compact JSON reports (`batch --compact`, the lines of `reports.jsonl`) and the byte-buffer writer behind every
/// JSON report: the compact report is the pretty one without the whitespace between tokens, and escaping is what
/// it always was.
struct CompactReportTests {
    /// `pretty` with every space and newline outside strings removed.
    static func minified(_ pretty: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        var inString = false
        var escaped = false
        for byte in pretty {
            if inString {
                out.append(byte)
                if escaped {
                    escaped = false
                } else if byte == 0x5C {
                    escaped = true
                } else if byte == 0x22 {
                    inString = false
                }
            } else if byte == 0x22 {
                inString = true
                out.append(byte)
            } else if byte != 0x20 && byte != 0x0A {
                out.append(byte)
            }
        }
        return out
    }

    static func parsed(_ bytes: [UInt8]) throws -> NSDictionary {
        try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? NSDictionary)
    }

    @Test(arguments: FixtureTests.expectations)
    func compactReportIsThePrettyReportWithoutWhitespace(_ name: String) throws {
        let project =
            FixtureTests.root + "/Fixtures/projects/"
            + name.replacingOccurrences(of: ".expected.yaml", with: ".yaml")
        let assessment = try ReportTests.assess(project)
        let pretty = JSONReportRenderer.bytes(assessment)
        let compact = JSONReportRenderer.bytes(assessment, compact: true)
        #expect(pretty == Array(JSONReportRenderer.render(assessment).utf8))
        #expect(compact == Self.minified(pretty) + [0x0A])
        #expect(compact.filter { $0 == 0x0A }.count == 1)
        #expect(try Self.parsed(compact) == Self.parsed(pretty))
        #expect(compact.count < pretty.count * 3 / 4, "compact \(compact.count) bytes, pretty \(pretty.count)")
    }

    @Test func compactWriterPutsNoWhitespaceBetweenTokens() {
        var json = JSONWriter(compact: true)
        json.object { json in
            json.field("a", strings: [])
            json.key("b")
            json.object { json in json.field("c", 1) }
            json.key("d")
            json.array { json in
                json.number(1.5)
                json.null()
                json.bool(true)
            }
            json.field("e", "x y")
        }
        #expect(json.output == #"{"a":[],"b":{"c":1},"d":[1.5,null,true],"e":"x y"}"#)
    }

    @Test func prettyWriterIndentsNestedValuesAndDeepLevels() {
        var json = JSONWriter(baseDepth: 1)
        json.object { json in
            json.field("a", strings: ["x"])
            json.field("b", strings: [])
        }
        #expect(json.output == "{\n    \"a\": [\n      \"x\"\n    ],\n    \"b\": []\n  }")
        var deep = JSONWriter(baseDepth: 200)
        deep.array { json in json.int(1) }
        #expect(
            deep.output == "[\n" + String(repeating: " ", count: 402) + "1\n" + String(repeating: " ", count: 400) + "]"
        )
    }

    @Test(arguments: [
        ("plain 中文 text", #""plain 中文 text""#),
        ("a\"b\\c/", #""a\"b\\c/""#),
        ("line\nbreak\r\ttab", #""line\nbreak\r\ttab""#),
        ("\u{1}\u{1F}\u{7F}", #""\u0001\u001f\u007f""#),
        ("\u{85}\u{9F}\u{A0}é", "\"\\u0085\\u009f\u{A0}é\""),
        ("\u{2028}\u{2029}", #""\u2028\u2029""#),
        (
            "\u{202A}\u{202E}\u{2066}\u{2069}\u{200E}\u{200F}\u{61C}",
            #""\u202a\u202e\u2066\u2069\u200e\u200f\u061c""#
        ),
        ("€\u{2027}\u{202F}\u{206A}\u{2065}\u{600}\u{200D}", "\"€\u{2027}\u{202F}\u{206A}\u{2065}\u{600}\u{200D}\""),
        ("末尾\u{202E}", #""末尾\u202e""#),
        ("😀\u{C2}", "\"😀\u{C2}\""),
    ])
    func stringsAreEscapedWhereTheyMustBe(_ text: String, _ expected: String) {
        #expect(JSONWriter.quoted(text) == expected)
    }
}
