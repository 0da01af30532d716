import Foundation
import Testing

@testable import Wenping

/// The RFC 4180 reader: quoting, line ends, byte order mark, positions, and what it reports instead of guessing.
struct CSVReaderTests {
    static func records(_ text: String) -> [CSVReader.Record] {
        var reader = CSVReader(text: text)
        var out: [CSVReader.Record] = []
        while let record = reader.next() { out.append(record) }
        return out
    }

    @Test func readsQuotedFieldsWithCommasDoubledQuotesAndLineBreaks() {
        let records = Self.records("a,\"b,c\",\"say \"\"hi\"\"\",\"two\nlines\"\n")
        #expect(records.map(\.fields) == [["a", "b,c", "say \"hi\"", "two\nlines"]])
        #expect(records[0].problem == nil)
    }

    @Test(arguments: ["x,y\r\n1,2\r\n", "x,y\n1,2\n", "x,y\r1,2\r", "x,y\n1,2"])
    func acceptsCRLFLFAndLoneCRLineEnds(_ text: String) {
        #expect(Self.records(text).map(\.fields) == [["x", "y"], ["1", "2"]])
    }

    @Test func skipsTheByteOrderMarkOnlyAtTheStart() {
        let records = Self.records("\u{FEFF}项目编号,名称\r\nA-1,\u{FEFF}x\r\n")
        #expect(records.map(\.fields) == [["项目编号", "名称"], ["A-1", "\u{FEFF}x"]])
    }

    @Test func keepsEmptyFieldsAndCountsBlankRows() {
        let records = Self.records("a,,c\n\n,,\nd\n")
        #expect(records.map(\.fields) == [["a", "", "c"], [""], ["", "", ""], ["d"]])
        #expect(records.map(\.row) == [1, 2, 3, 4])
        #expect(records.map(\.isBlank) == [false, true, true, false])
    }

    @Test func rowNumbersCountRecordsAndLinesCountLineBreaksInsideQuotes() {
        let records = Self.records("h1,h2\n\"a\nb\nc\",x\ny,z\n")
        #expect(records.map(\.row) == [1, 2, 3])
        #expect(records.map(\.line) == [1, 2, 5])
    }

    @Test func keepsStrayQuotesAsWritten() {
        #expect(Self.records("ab\"c,\"q\"r\n").map(\.fields) == [["ab\"c", "qr"]])
    }

    @Test func reportsAQuoteNeverClosed() {
        let records = Self.records("a,b\n1,\"open\n2,3\n")
        #expect(records.count == 2)
        #expect(records[1].problem == "第 2 行开始的带引号的格子一直到文件末尾都没有结束引号；请检查这一格的引号是否成对")
        #expect(records[1].fields.first == "1" && records[1].damagedFields == [1])
        #expect(records[0].damagedFields.isEmpty)
    }

    @Test func reportsTextThatIsNotUTF8() {
        // “项目” in GBK, as Excel saves CSV on Chinese Windows by default.
        var reader = CSVReader(reader: ByteReader(bytes: [0xCF, 0xEE, 0xC4, 0xBF, 0x2C, 0x61, 0x0A]))
        let record = reader.next()
        #expect(record?.problem?.contains("CSV UTF-8") == true)
        #expect(record?.fields.last == "a")
        #expect(record?.damagedFields == [0])
    }

    @Test func refusesARecordOverTheSizeLimit() {
        let text = "short\n\"\(String(repeating: "x", count: 50))\"\nok\n"
        var reader = CSVReader(reader: ByteReader(bytes: Array(text.utf8)), limit: 20)
        var records: [CSVReader.Record] = []
        while let record = reader.next() { records.append(record) }
        #expect(records.map(\.problem) == [nil, "这一行超过 20 字节的上限，没有读取；请检查是否有引号没有成对，把后面的内容都并进了一格", nil])
        #expect(records.last?.fields == ["ok"])
        // Fields before the one that passed the limit are intact.
        let wideText = "id,\(String(repeating: "x", count: 50)),y\n"
        var wide = CSVReader(reader: ByteReader(bytes: Array(wideText.utf8)), limit: 20)
        let cut = wide.next()
        #expect(cut?.fields.first == "id" && cut?.damagedFields == [1, 2])
    }

    @Test func streamsAFileLargerThanOneChunk() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("csv-\(UUID().uuidString).csv").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        var text = "id,名称\r\n"
        for index in 0..<5000 { text += "P-\(index),\"项目,\(index)\"\r\n" }
        #expect(text.utf8.count > ByteReader.chunkSize)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        var reader = CSVReader(reader: try ByteReader(path: path))
        var count = 0
        var last: CSVReader.Record?
        while let record = reader.next() {
            count += 1
            last = record
        }
        #expect(count == 5001)
        #expect(last?.fields == ["P-4999", "项目,4999"])
        #expect(last?.row == 5001)
    }
}
