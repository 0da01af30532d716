import Foundation

/// Reads CSV text (RFC 4180) one record at a time, without holding the file in memory.
///
/// Fields are separated by commas and records by CRLF, LF or a lone CR. A field in double quotes may contain
/// commas, line breaks and doubled quotes (`""` for one `"`). A UTF-8 byte order mark at the start is skipped.
/// The reader is lenient where spreadsheets are sloppy: a quote inside an unquoted field, or text after a closing
/// quote, is kept as written. What it cannot repair (a quote never closed, text that is not UTF-8, a record over
/// the size limit) is returned as the record's ``Record/problem`` so the caller can report that one row and go on.
struct CSVReader {
    /// One record: its fields and where it is.
    struct Record: Sendable, Hashable {
        var fields: [String]
        /// 1-based record number, counting blank records: the row number a spreadsheet shows (the header is row 1).
        var row: Int
        /// 1-based line of the file where the record starts (differs from ``row`` after fields with line breaks).
        var line: Int
        /// Why the record could not be read as written, in words for people; `nil` when it was read cleanly.
        var problem: String?
        /// Indexes of the fields that are not as written (empty unless there is a ``problem``).
        ///
        /// Those not UTF-8, the one whose quote never closed, and those from the one that passed the size limit on;
        /// the other fields are intact.
        var damagedFields: Set<Int> = []

        /// True for a record with no text at all (an empty line, or only empty fields).
        var isBlank: Bool { fields.allSatisfy(\.isEmpty) }
    }

    private let reader: ByteReader
    /// Bytes of the file consumed so far.
    var consumed: Int { reader.consumed }
    /// The most bytes one record may hold.
    let limit: Int
    private var row = 0
    private var line = 1

    init(reader: ByteReader, limit: Int = 8 * 1024 * 1024) {
        self.reader = reader
        self.limit = limit
        reader.skipByteOrderMark()
    }

    init(text: String) {
        self.init(reader: ByteReader(bytes: Array(text.utf8)))
    }

    /// Why reading stopped before the end of the file, if it did.
    var failure: String? { reader.failure }

    /// The next record, or `nil` at the end of the input.
    mutating func next() -> Record? {
        guard reader.peek() != nil else { return nil }
        row += 1
        let start = line
        var fields: [[UInt8]] = []
        var field: [UInt8] = []
        var size = 0
        var inQuotes = false
        var quoteLine = 0
        var tooLarge = false
        var damagedFrom = Int.max
        func append(_ byte: UInt8) {
            size += 1
            if size > limit && !tooLarge {
                tooLarge = true
                damagedFrom = fields.count
            }
            if !tooLarge { field.append(byte) }
        }
        record: while true {
            guard let byte = reader.next() else { break record }
            if inQuotes {
                if byte == UInt8(ascii: "\"") {
                    if reader.peek() == UInt8(ascii: "\"") {
                        _ = reader.next()
                        append(byte)
                    } else {
                        inQuotes = false
                    }
                } else {
                    if byte == 0x0A || (byte == 0x0D && reader.peek() != 0x0A) { line += 1 }
                    append(byte)
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\"") where field.isEmpty:
                inQuotes = true
                quoteLine = line
            case UInt8(ascii: ","):
                fields.append(field)
                field = []
            case 0x0D:
                if reader.peek() == 0x0A { _ = reader.next() }
                line += 1
                break record
            case 0x0A:
                line += 1
                break record
            default:
                append(byte)
            }
        }
        fields.append(field)
        var problem: String?
        var damaged: Set<Int> = []
        var texts: [String] = []
        texts.reserveCapacity(fields.count)
        for (index, bytes) in fields.enumerated() {
            // Decoding with the standard library keeps a byte order mark inside a field as written.
            texts.append(String(decoding: bytes, as: UTF8.self))
            if String(bytes: bytes, encoding: .utf8) == nil {
                problem = "这一行不是 UTF-8 编码的文字（可能是 Excel 默认的 GBK 编码）；请在 Excel 中“另存为”时选择“CSV UTF-8(逗号分隔)”"
                damaged.insert(index)
            }
        }
        if inQuotes {
            problem = "第 \(quoteLine) 行开始的带引号的格子一直到文件末尾都没有结束引号；请检查这一格的引号是否成对"
            damaged.insert(fields.count - 1)
        }
        if tooLarge {
            problem = "这一行超过 \(limit) 字节的上限，没有读取；请检查是否有引号没有成对，把后面的内容都并进了一格"
            damaged.formUnion(damagedFrom..<fields.count)
        }
        return Record(fields: texts, row: row, line: start, problem: problem, damagedFields: damaged)
    }
}
