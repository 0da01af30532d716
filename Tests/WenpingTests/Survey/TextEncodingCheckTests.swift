import Testing

@testable import Wenping

struct TextEncodingCheckTests {
    /// `问卷编号,态度\n1,反对\n` as Excel on Chinese Windows saves it (GBK).
    static let gbk: [UInt8] =
        [0xCE, 0xCA, 0xBE, 0xED, 0xB1, 0xE0, 0xBA, 0xC5, 0x2C, 0xCC, 0xAC, 0xB6, 0xC8, 0x0A]
        + [0x31, 0x2C, 0xB7, 0xB4, 0xB6, 0xD4, 0x0A]

    @Test func utf8WithOrWithoutByteOrderMarkPasses() {
        #expect(TextEncodingCheck.check(Array("问卷编号,态度\n1,反对\n".utf8)) == .utf8)
        #expect(TextEncodingCheck.check([0xEF, 0xBB, 0xBF] + Array("a,b\n".utf8)) == .utf8)
    }

    @Test func gbkIsRecognisedAndTheMessageSaysHowToResave() throws {
        let verdict = TextEncodingCheck.check(Self.gbk)
        #expect(verdict == .gb18030(firstInvalidLine: 1))
        let message = try #require(TextEncodingCheck.message(verdict, file: "问卷.csv"))
        #expect(message.contains("GBK/GB18030"))
        #expect(message.contains("另存为"))
        #expect(message.contains("CSV UTF-8(逗号分隔)"))
    }

    @Test func utf16AndGarbageAreTold() {
        #expect(TextEncodingCheck.check([0xFF, 0xFE, 0x31, 0x00]) == .utf16)
        #expect(TextEncodingCheck.check([0x61, 0x0A, 0x62, 0xFF, 0x30]) == .unknown(firstInvalidLine: 2))
    }

    @Test func overlongAndSurrogateSequencesAreNotUTF8() {
        #expect(TextEncodingCheck.firstInvalidUTF8([0xC0, 0xAF]) == 0)
        #expect(TextEncodingCheck.firstInvalidUTF8([0x41, 0xED, 0xA0, 0x80]) == 1)
        #expect(TextEncodingCheck.firstInvalidUTF8([0xE4, 0xBD]) == 0)
        #expect(TextEncodingCheck.firstInvalidUTF8(Array("稳评😀".utf8)) == nil)
    }
}
