import Testing
import WenpingYAML

struct YAMLScalarTypingTests {
    /// The scalar written as the value of `v:`.
    private func value(_ source: String) -> YAMLNode.Scalar? {
        scalar(parseRoot("v: \(source)\n"), "v")
    }

    @Test(arguments: [
        ("0", 0), ("-12", -12), ("+7", 7), ("0o17", 15), ("0x1F", 31), ("0xff", 255),
        ("9223372036854775807", Int.max),
    ])
    func typesCoreSchemaIntegers(source: String, expected: Int) {
        #expect(value(source)?.int == expected)
    }

    @Test(arguments: [
        "1_000", "0b101", "1.0", "0x", "0o8", "-0x1F", "9223372036854775808", "abc", "1e3", "'12'", "\"12\"", "",
    ])
    func rejectsNonIntegers(source: String) {
        #expect(value(source)?.int == nil)
    }

    @Test(arguments: [
        ("1e3", 1000.0), ("1.5", 1.5), ("-.5", -0.5), ("2.", 2.0), ("1E-2", 0.01), ("12", 12.0), ("0x1F", 31.0),
        (".inf", Double.infinity), ("-.Inf", -Double.infinity), ("+.INF", Double.infinity),
        ("99999999999999999999", 1e20),
    ])
    func typesCoreSchemaFloats(source: String, expected: Double) {
        #expect(value(source)?.double == expected)
    }

    @Test(arguments: [".nan", ".NaN", ".NAN"])
    func typesNotANumber(source: String) {
        #expect(value(source)?.double?.isNaN == true)
    }

    @Test(arguments: ["1e", ".", "abc", "1.2.3", "e3", "inf", "nan", "'1.5'", "1,5", "0.9.1"])
    func rejectsNonFloats(source: String) {
        #expect(value(source)?.double == nil)
    }

    @Test(arguments: [("true", true), ("True", true), ("TRUE", true), ("false", false), ("False", false)])
    func typesCoreSchemaBooleans(source: String, expected: Bool) {
        #expect(value(source)?.bool == expected)
    }

    @Test(arguments: ["yes", "no", "on", "off", "y", "n", "Yes", "NO", "tRUE", "'true'", "\"false\""])
    func keepsOtherBooleanSpellingsAsStrings(source: String) {
        let scalar = value(source)
        #expect(scalar?.bool == nil)
        #expect(scalar?.isNull == false)
        #expect(scalar?.int == nil)
    }

    @Test func norwayStaysAString() {
        let root = parseRoot("countries: [SE, NO, DK]\n")
        #expect(scalar(root, "countries", "1")?.value == "NO")
        #expect(scalar(root, "countries", "1")?.bool == nil)
    }

    @Test(arguments: ["", "~", "null", "Null", "NULL"])
    func typesNulls(source: String) {
        #expect(value(source)?.isNull == true)
    }

    @Test(arguments: ["'null'", "\"\"", "none", "nil", "NuLL"])
    func rejectsNonNulls(source: String) {
        #expect(value(source)?.isNull == false)
    }

    @Test func quotedTrueIsText() {
        let quoted = value("\"true\"")
        #expect(quoted?.value == "true")
        #expect(quoted?.style == .doubleQuoted)
        #expect(quoted?.bool == nil)
    }

    @Test func explicitCoreTagsDecideTheType() {
        #expect(value("!!str 12")?.int == nil)
        #expect(value("!!str true")?.bool == nil)
        #expect(value("!!int '12'")?.int == 12)
        #expect(value("!!float 3")?.double == 3)
        #expect(value("!!int 3")?.double == 3)
        #expect(value("!!bool 'true'")?.bool == true)
        #expect(value("!!null ''")?.isNull == true)
    }
}
