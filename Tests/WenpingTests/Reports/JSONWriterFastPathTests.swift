import Foundation
import Testing

@testable import Wenping

/// The writer's direct paths spell exactly what the general ones do: a literal key copied as it is equals the key
/// quoted and escaped, numbers and integers written as digits equal ``Formatting/number(_:digits:)`` and
/// `String(_:)`, and a copied writer never shares its text.
struct JSONWriterFastPathTests {
    /// Every literal name given to `key(…)` or `field(…)` in the sources.
    static let literalKeys: Set<String> = {
        let sources = FixtureTests.root + "/Sources"
        let pattern = try! NSRegularExpression(pattern: #"\.(?:key|field)\("((?:[^"\\]|\\.)*)""#)
        var keys: Set<String> = []
        let files = FileManager.default.enumerator(atPath: sources)?.compactMap { $0 as? String } ?? []
        for file in files where file.hasSuffix(".swift") {
            guard let text = try? String(contentsOfFile: sources + "/" + file, encoding: .utf8) else { continue }
            let range = NSRange(text.startIndex..., in: text)
            for match in pattern.matches(in: text, range: range) {
                let key = (text as NSString).substring(with: match.range(at: 1))
                // An interpolated literal is a `String`, written through the escaping path.
                if !key.contains("\\(") { keys.insert(key) }
            }
        }
        return keys
    }()

    /// A literal key is copied between quotes without an escaping check: that is its quoted, escaped spelling.
    @Test func everyLiteralKeyIsItsOwnQuotedSpelling() {
        let keys = Self.literalKeys
        #expect(keys.count > 150, "only \(keys.count) literal keys found")
        #expect(keys.contains("lambda_max") && keys.contains("n"))
        for key in keys {
            #expect(key.utf8.allSatisfy { $0 < 0x80 }, "\(key)")
            #expect(JSONWriter.quoted(key) == "\"" + key + "\"", "\(key)")
        }
    }

    /// The literal-key path and the string-key path write the same bytes, pretty and compact, at any depth.
    @Test(arguments: [false, true])
    func literalAndStringKeysWriteTheSameBytes(compact: Bool) {
        func document(literal: Bool, baseDepth: Int) -> [UInt8] {
            var json = JSONWriter(baseDepth: baseDepth, compact: compact)
            json.object { json in
                if literal { json.key("n") } else { json.key("n" as String) }
                json.int(-42)
                if literal {
                    json.field("lambda_max", number: 1.5)
                } else {
                    json.field("lambda_max" as String, number: 1.5)
                }
                if literal { json.key("nested") } else { json.key("nested" as String) }
                json.object { json in
                    if literal {
                        json.field("a", strings: ["x", "y"])
                    } else {
                        json.field("a" as String, strings: ["x", "y"])
                    }
                    if literal { json.field("b", true) } else { json.field("b" as String, true) }
                    if literal { json.field("c", nil) } else { json.field("c" as String, nil) }
                    if literal { json.field("d", 7) } else { json.field("d" as String, 7) }
                    json.key("e")
                    json.array { _ in }
                }
                json.key("quoted \"key\"" as String)
                json.string("line\nbreak")
            }
            return json.bytes
        }
        for baseDepth in [0, 1, 3, 200] {
            let literal = document(literal: true, baseDepth: baseDepth)
            #expect(literal == document(literal: false, baseDepth: baseDepth), "baseDepth \(baseDepth)")
        }
        #expect(
            String(decoding: document(literal: true, baseDepth: 0), as: UTF8.self)
                == (compact
                    ? #"{"n":-42,"lambda_max":1.5,"nested":{"a":["x","y"],"b":true,"c":null,"d":7,"e":[]},"quoted \"key\"":"line\nbreak"}"#
                    : """
                    {
                      "n": -42,
                      "lambda_max": 1.5,
                      "nested": {
                        "a": [
                          "x",
                          "y"
                        ],
                        "b": true,
                        "c": null,
                        "d": 7,
                        "e": []
                      },
                      "quoted \\"key\\"": "line\\nbreak"
                    }
                    """))
    }

    /// The 16-byte block check agrees with escaping scalar by scalar: every scalar below U+3000 (every escaped
    /// character), every 61st above, at each position of texts long enough to be read in blocks, between ASCII and
    /// CJK neighbours.
    @Test func escapingInLongTextIsEscapingScalarByScalar() {
        var mismatches: [String] = []
        let padding = ["a", "补"]
        for value in stride(from: UInt32(0), through: 0x10_FFFF, by: 1) where value < 0x3000 || value % 61 == 0 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let character = String(Character(scalar))
            for pad in padding {
                for before in [0, 1, 15, 16, 17] where value < 0x3000 || before == 15 {
                    let text = String(repeating: pad, count: before) + character + String(repeating: pad, count: 20)
                    var slow: [UInt8] = [0x22]
                    JSONWriter.appendEscaped(text, to: &slow)
                    slow.append(0x22)
                    if Array(JSONWriter.quoted(text).utf8) != slow {
                        mismatches.append("U+\(String(value, radix: 16)) after \(before) × \(pad)")
                    }
                }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(20))")
    }

    /// Every byte value at every lane of a block is flagged exactly when the byte check looks at it.
    @Test func blockCheckFlagsEveryByteTheByteCheckLooksAt() {
        let looked: Set<UInt8> = Set((0..<0x20).map(UInt8.init)).union([0x22, 0x5C, 0x7F, 0xC2, 0xD8, 0xE2])
        for lane in 0..<16 {
            for byte in UInt8.min...UInt8.max {
                var block = SIMD16<UInt8>(repeating: 0x61)
                block[lane] = byte
                #expect(JSONWriter.mayNeedEscaping(block) == looked.contains(byte), "byte \(byte) lane \(lane)")
            }
        }
    }

    /// Numbers written as digits are ``Formatting/number(_:digits:)``: edges, rounding, signs, every digit count.
    @Test func numbersAreFormattingNumber() {
        var values: [Double] = [
            0, -0.0, 1, -1, 0.5, -0.5, 0.0000005, -0.0000005, 0.0000004999, 1e-7, 123.456789, 0.1 + 0.2, 2.675,
            999_999_999_999_999, 1e15 - 0.5, 1e15, -1e15, 1e16, 123_456_789.123456, 1e300, -1e300,
            .greatestFiniteMagnitude, .leastNonzeroMagnitude, .infinity, -.infinity, .nan, 0.049999999, 4.35,
        ]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let magnitude = Double.random(in: -8...16, using: &generator)
            let sign: Double = Bool.random(using: &generator) ? 1 : -1
            values.append(sign * Double.random(in: 0...1, using: &generator) * pow(10, magnitude))
        }
        for digits in [-1, 0, 1, 2, 4, 6, 7] {
            for value in values {
                var json = JSONWriter(compact: true)
                json.array { json in
                    json.number(value, digits: digits)
                    json.number(value, digits: digits)
                }
                let expected = Formatting.number(value, digits: digits)
                #expect(json.output == "[\(expected),\(expected)]", "\(value) digits \(digits)")
            }
        }
    }

    @Test func integersAreTheirDescription() {
        var values = [0, 1, -1, 9, 10, -10, 99, 100, Int.max, Int.min, Int.max - 1, Int.min + 1]
        for exponent in 0..<19 {
            let power = Int(pow(10.0, Double(exponent)))
            values += [power, power - 1, -power, -(power - 1), power + 1]
        }
        for value in values {
            var json = JSONWriter()
            json.object { json in json.field("v", value) }
            #expect(json.output == "{\n  \"v\": \(value)\n}", "\(value)")
        }
    }

    /// A copy of a writer goes on from the text written so far; writing to either leaves the other alone.
    @Test func aCopiedWriterHasItsOwnText() {
        var first = JSONWriter(compact: true, capacity: 1)
        first.array { json in
            json.string("a")
            var second = json
            second.string("b")
            json.string(String(repeating: "c", count: 300))
            #expect(second.output == #"["a","b""#)
        }
        #expect(first.output == "[\"a\",\"" + String(repeating: "c", count: 300) + "\"]")
    }
}
