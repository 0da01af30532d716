#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Parses JSON text straight into the ``YAMLNode`` tree that ``YAMLParser`` would build for it, without libyaml.
///
/// JSON is YAML flow syntax, so every JSON project file or JSON Lines line can go through ``YAMLParser``; this
/// parser does the same work for JSON in one pass over the bytes, about ten times faster, for batches of many
/// projects. The tree is the one libyaml gives: the same values, styles, marks, end marks and exact-offset line
/// starts (a test compares the two on every fixture and many mutations).
///
/// It answers in one of three ways (see ``Outcome``):
/// - the tree, for JSON it is sure libyaml reads the same way;
/// - ``Outcome/notJSON(_:at:)``: the text breaks the JSON grammar (RFC 8259) at that mark, for example a bare
///   word, a single-quoted string, a trailing comma or a YAML-only escape;
/// - ``Outcome/declined``: the text may be JSON, but it holds something whose YAML reading this parser does not
///   reproduce (a byte order mark, invalid UTF-8, characters YAML treats as line breaks or forbids, surrogate
///   escapes, tabs between tokens, duplicate keys, keys of 1,000 bytes or more, nesting beyond ``YAMLLimits/maxDepth``, input beyond
///   ``YAMLLimits/maxBytes``). The caller then uses ``YAMLParser``, which gives today's answer and errors.
public enum JSONParser {
    /// What parsing gave.
    public enum Outcome: Sendable {
        /// The document, exactly as ``YAMLParser/parse(_:limits:)-([UInt8],_)`` would return it.
        case parsed(YAMLDocument)
        /// Not JSON: `reason` (Chinese, for a person) says what is wrong at `mark`.
        case notJSON(_ reason: String, at: YAMLMark)
        /// Ask ``YAMLParser`` instead.
        case declined
    }

    /// Parses `bytes` as one JSON text.
    public static func parse(_ bytes: [UInt8], limits: YAMLLimits = .default) -> Outcome {
        guard bytes.count <= limits.maxBytes, !bytes.starts(with: [0xEF, 0xBB, 0xBF]) else { return .declined }
        let root: YAMLNode
        do {
            root = try bytes.withUnsafeBufferPointer { buffer throws(JSONScanner.Failure) in
                var scanner = JSONScanner(bytes: buffer, maxDepth: limits.maxDepth)
                return try scanner.document()
            }
        } catch {
            switch error {
            case .declined: return .declined
            case .notJSON(let reason, let mark): return .notJSON(reason, at: mark)
            }
        }
        return .parsed(YAMLDocument(root: root, utf8: bytes))
    }
}

/// The recursive-descent scanner behind ``JSONParser``; works on the bytes in place.
struct JSONScanner {
    enum Failure: Error {
        case notJSON(String, YAMLMark)
        case declined
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private let maxDepth: Int
    private var position = 0
    /// The mark of byte `markOffset`; marks are asked for in increasing order, so it only moves forward.
    private var markOffset = 0
    private var markLine = 1
    private var markColumn = 1

    /// Whether the text has a line feed (a JSON Lines line never has): without one, a mark's line is 1 and its
    /// column is found by counting the bytes that start a character.
    private let isOneLine: Bool

    init(bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int) {
        self.bytes = bytes
        self.maxDepth = maxDepth
        isOneLine = bytes.isEmpty || memchr(bytes.baseAddress!, 0x0A, bytes.count) == nil
    }

    /// The whole text: one value with only whitespace around it.
    mutating func document() throws(Failure) -> YAMLNode {
        try skipWhitespace()
        guard position < bytes.count else { throw .declined }  // Empty: YAML calls it an empty document.
        let root = try value(depth: 0)
        try skipWhitespace()
        if position < bytes.count { throw notJSON("一个 JSON 值之后还有多余的内容") }
        return root
    }

    // MARK: - Marks

    private mutating func mark(at offset: Int) -> YAMLMark {
        var line = markLine
        var column = markColumn
        var index = markOffset
        if isOneLine {
            // Counted without a branch per byte (continuation bytes are 0b10xxxxxx).
            var starts = 0
            while index < offset {
                starts &+= bytes[index] & 0xC0 == 0x80 ? 0 : 1
                index += 1
            }
            column += starts
        }
        while index < offset {
            let byte = bytes[index]
            index += 1
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        markOffset = index
        markLine = line
        markColumn = column
        return YAMLMark(line: line, column: column, offset: offset)
    }

    private mutating func notJSON(_ reason: String) -> Failure {
        .notJSON(reason, mark(at: min(position, bytes.count)))
    }

    // MARK: - Grammar

    private mutating func skipWhitespace() throws(Failure) {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x0A, 0x0D: position += 1
            case 0x09: throw .declined  // YAML allows tabs only in some places.
            default: return
            }
        }
    }

    private mutating func value(depth: Int) throws(Failure) -> YAMLNode {
        guard position < bytes.count else { throw notJSON("这里缺少一个值（JSON 在此处意外结束）") }
        switch bytes[position] {
        case UInt8(ascii: "{"): return try object(depth: depth)
        case UInt8(ascii: "["): return try array(depth: depth)
        case UInt8(ascii: "\""): return .scalar(try string())
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .scalar(try number())
        case UInt8(ascii: "t"): return .scalar(try literal("true"))
        case UInt8(ascii: "f"): return .scalar(try literal("false"))
        case UInt8(ascii: "n"): return .scalar(try literal("null"))
        case UInt8(ascii: "'"): throw notJSON("JSON 的字符串要用双引号 \"，不能用单引号")
        default: throw notJSON("这里应是一个 JSON 值（带双引号的字符串、数字、true、false、null、{…} 或 […]）")
        }
    }

    private mutating func object(depth: Int) throws(Failure) -> YAMLNode {
        if depth >= maxDepth { throw .declined }
        let start = mark(at: position)
        position += 1
        var entries: [YAMLNode.Mapping.Entry] = []
        try skipWhitespace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "}") {
            position += 1
            return .mapping(.init(entries: entries, mark: start, endMark: mark(at: position), isFlow: true))
        }
        // Duplicate keys: ASCII keys are told apart by a hash of their bytes (``keyHashes``), compared as
        // strings only when two hashes agree; an object with a non-ASCII key (whose equality as `String` is
        // canonical equivalence, not bytes) or with many keys is checked with a `Set` instead.
        var keys: Set<String>?
        let hashBase = keyHashes.count
        defer { keyHashes.removeSubrange(hashBase...) }
        while true {
            guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else {
                if position >= bytes.count { throw notJSON("对象缺少结尾的 }") }
                throw notJSON("JSON 对象的键要写在双引号里（如 \"id\"）")
            }
            let keyStart = position
            let key = try string()
            // A duplicate key is a YAML error: leave it to YAMLParser to report.
            if keys != nil {
                if keys?.insert(key.value).inserted == false { throw .declined }
            } else if let hash = key.starts == .atStart
                ? Self.asciiHash(UnsafeBufferPointer(rebasing: bytes[(keyStart + 1)..<(position - 1)]))
                : Self.asciiHash(key.value), entries.count < 64
            {
                for index in hashBase..<keyHashes.count where keyHashes[index] == hash {
                    if entries[index - hashBase].key.value == key.value { throw .declined }
                }
                keyHashes.append(hash)
            } else {
                if entries.contains(where: { $0.key.value == key.value }) { throw .declined }
                keys = Set(entries.map(\.key.value) + [key.value])
            }
            try skipWhitespace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else {
                throw notJSON("键之后应是冒号 :")
            }
            // libyaml stops looking for the colon of a key 1024 characters after the key starts.
            if position - keyStart >= 1000 { throw .declined }
            position += 1
            try skipWhitespace()
            entries.append(.init(key: key, value: try value(depth: depth + 1)))
            try skipWhitespace()
            guard position < bytes.count else { throw notJSON("对象缺少结尾的 }") }
            if bytes[position] == UInt8(ascii: "}") {
                position += 1
                return .mapping(.init(entries: entries, mark: start, endMark: mark(at: position), isFlow: true))
            }
            guard bytes[position] == UInt8(ascii: ",") else { throw notJSON("对象的成员之间应是逗号“,”，或以“}”结尾") }
            position += 1
            try skipWhitespace()
            if position < bytes.count, bytes[position] == UInt8(ascii: "}") {
                throw notJSON("JSON 不允许在最后一个成员后面加逗号")
            }
        }
    }

    /// Hashes of the keys of the objects being read, innermost last (see ``object(depth:)``).
    private var keyHashes: [UInt64] = []

    /// A 64-bit FNV-1a hash of `key`'s bytes, or `nil` when it is not all ASCII.
    private static func asciiHash(_ key: String) -> UInt64? {
        var key = key
        return key.withUTF8(asciiHash)
    }

    /// ``asciiHash(_:)-(String)`` of a key's UTF-8 bytes (taken from the text when the key has no escapes, so
    /// that no string is read back).
    private static func asciiHash(_ utf8: UnsafeBufferPointer<UInt8>) -> UInt64? {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in utf8 {
            if byte >= 0x80 { return nil }
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        return hash
    }

    private mutating func array(depth: Int) throws(Failure) -> YAMLNode {
        if depth >= maxDepth { throw .declined }
        let start = mark(at: position)
        position += 1
        var items: [YAMLNode] = []
        try skipWhitespace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "]") {
            position += 1
            return .sequence(.init(items: items, mark: start, endMark: mark(at: position), isFlow: true))
        }
        while true {
            items.append(try value(depth: depth + 1))
            try skipWhitespace()
            guard position < bytes.count else { throw notJSON("列表缺少结尾的 ]") }
            if bytes[position] == UInt8(ascii: "]") {
                position += 1
                return .sequence(.init(items: items, mark: start, endMark: mark(at: position), isFlow: true))
            }
            guard bytes[position] == UInt8(ascii: ",") else { throw notJSON("列表的各项之间应是逗号“,”，或以“]”结尾") }
            position += 1
            try skipWhitespace()
            if position < bytes.count, bytes[position] == UInt8(ascii: "]") {
                throw notJSON("JSON 不允许在最后一项后面加逗号")
            }
        }
    }

    /// A token that ends where a delimiter (or the end) follows.
    private func atDelimiter(_ offset: Int) -> Bool {
        guard offset < bytes.count else { return true }
        switch bytes[offset] {
        case 0x20, 0x0A, 0x0D, 0x09, UInt8(ascii: ","), UInt8(ascii: "]"), UInt8(ascii: "}"): return true
        default: return false
        }
    }

    private mutating func literal(_ word: StaticString) throws(Failure) -> YAMLNode.Scalar {
        let start = position
        let length = word.utf8CodeUnitCount
        let matches =
            start + length <= bytes.count
            && (0..<length).allSatisfy { bytes[start + $0] == word.utf8Start[$0] }
        guard matches, atDelimiter(start + length) else {
            throw notJSON("JSON 只认 true、false、null 这几个不带引号的词；文字要写在双引号里")
        }
        position += length
        return plain(from: start)
    }

    private mutating func number() throws(Failure) -> YAMLNode.Scalar {
        let start = position
        func digits() -> Int {
            let first = position
            while position < bytes.count, bytes[position] >= 0x30, bytes[position] <= 0x39 { position += 1 }
            return position - first
        }
        if bytes[position] == UInt8(ascii: "-") { position += 1 }
        let integerStart = position
        let integerDigits = digits()
        let leadingZero = integerDigits > 1 && bytes[integerStart] == UInt8(ascii: "0")
        var valid = integerDigits > 0 && !leadingZero
        if valid, position < bytes.count, bytes[position] == UInt8(ascii: ".") {
            position += 1
            valid = digits() > 0
        }
        if valid, position < bytes.count, bytes[position] | 0x20 == UInt8(ascii: "e") {
            position += 1
            if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") {
                position += 1
            }
            valid = digits() > 0
        }
        guard valid, atDelimiter(position) else {
            position = start
            throw notJSON("这不是 JSON 数字（应如 12、-3、0.35、1e5；不能有前导 0、单独的小数点或其他文字）")
        }
        return plain(from: start)
    }

    /// The plain scalar `bytes[start..<position]` (ASCII).
    private mutating func plain(from start: Int) -> YAMLNode.Scalar {
        let startMark = mark(at: start)
        let value = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
        return YAMLNode.Scalar(
            value: value, style: .plain, mark: startMark, endMark: mark(at: position), exactOffsets: true)
    }

    private mutating func string() throws(Failure) -> YAMLNode.Scalar {
        let quote = position
        var index = position + 1
        var escaped = false
        var nonASCII = false
        while true {
            // Plain characters (printable ASCII, or bytes of multi-byte characters) in a tight loop; `any` gathers
            // their bits so that one test afterwards tells whether any was non-ASCII.
            var any: UInt8 = 0
            while index < bytes.count {
                let byte = bytes[index]
                guard byte >= 0x20, byte != UInt8(ascii: "\""), byte != UInt8(ascii: "\\"), byte != 0x7F else { break }
                any |= byte
                index += 1
            }
            if any >= 0x80 { nonASCII = true }
            guard index < bytes.count else {
                position = quote
                throw notJSON("字符串缺少结尾的双引号")
            }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") { break }
            if byte == UInt8(ascii: "\\") {
                escaped = true
                index += 2
                continue
            }
            if byte < 0x20 {
                position = index
                throw notJSON("JSON 字符串里不能直接写控制字符（如制表符、换行），要写成 \\t、\\n 这样的转义")
            }
            if byte == 0x7F { throw .declined }
            if byte >= 0x80 { nonASCII = true }
            index += 1
        }
        let body = UnsafeBufferPointer(rebasing: bytes[(quote + 1)..<index])
        if nonASCII, !Self.isPlainYAMLText(body) { throw .declined }
        let value: String
        if escaped {
            position = quote + 1
            value = try unescaped(until: index)
        } else {
            value = String(decoding: body, as: UTF8.self)
        }
        position = index + 1
        let startMark = mark(at: quote)
        let endMark = mark(at: position)
        return YAMLNode.Scalar(
            value: value, style: .doubleQuoted, mark: startMark, endMark: endMark, exactOffsets: !escaped)
    }

    /// The value of a string with escapes, from `position` to the closing quote at `end`.
    private mutating func unescaped(until end: Int) throws(Failure) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(end - position)
        while position < end {
            let byte = bytes[position]
            guard byte == UInt8(ascii: "\\") else {
                out.append(byte)
                position += 1
                continue
            }
            let code = bytes[position + 1]
            switch code {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(code)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                guard position + 6 <= end, let scalar = hex4(at: position + 2) else {
                    throw notJSON("\\u 之后应是 4 位十六进制数字")
                }
                // Surrogate pairs are JSON but not YAML: let YAMLParser answer.
                guard let unicode = Unicode.Scalar(scalar) else { throw .declined }
                out.append(contentsOf: String(unicode).utf8)
                position += 6
                continue
            default:
                throw notJSON("JSON 字符串中没有这种转义；可用 \\\"、\\\\、\\/、\\b、\\f、\\n、\\r、\\t、\\uXXXX")
            }
            position += 2
        }
        return String(decoding: out, as: UTF8.self)
    }

    private func hex4(at offset: Int) -> UInt32? {
        var result: UInt32 = 0
        for index in offset..<(offset + 4) {
            let byte = bytes[index]
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: return nil
            }
            result = result << 4 | digit
        }
        return result
    }

    /// Whether non-ASCII string content is valid UTF-8 that YAML reads as the same plain characters: no C1
    /// controls (U+0080–U+009F, including the line break NEL), no U+2028/U+2029 (YAML line breaks), no byte order
    /// mark and no U+FFFE/U+FFFF.
    static func isPlainYAMLText(_ body: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        let count = body.count
        while index < count {
            let lead = body[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            let length: Int
            var low: UInt8 = 0x80
            var high: UInt8 = 0xBF
            switch lead {
            case 0xC2: (length, low) = (2, 0xA0)
            case 0xC3...0xDF: length = 2
            case 0xE0: (length, low) = (3, 0xA0)
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: (length, high) = (3, 0x9F)
            case 0xF0: (length, low) = (4, 0x90)
            case 0xF1...0xF3: length = 4
            case 0xF4: (length, high) = (4, 0x8F)
            default: return false
            }
            guard index + length <= count, body[index + 1] >= low, body[index + 1] <= high else { return false }
            for offset in 2..<max(2, length) where body[index + offset] & 0xC0 != 0x80 { return false }
            if lead == 0xE2, body[index + 1] == 0x80, body[index + 2] == 0xA8 || body[index + 2] == 0xA9 {
                return false
            }
            if lead == 0xEF, body[index + 1] == 0xBB, body[index + 2] == 0xBF { return false }
            if lead == 0xEF, body[index + 1] == 0xBF, body[index + 2] >= 0xBE { return false }
            index += length
        }
        return true
    }
}
