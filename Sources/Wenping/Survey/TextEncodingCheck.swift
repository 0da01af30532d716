/// Tells UTF-8 text from the encodings spreadsheets commonly save Chinese text in, so that a file in another
/// encoding is rejected with a message saying how to re-save it, never read as garbled answers.
enum TextEncodingCheck {
    /// What the bytes of a text file are.
    enum Verdict: Sendable, Hashable {
        /// Valid UTF-8 (a byte order mark, if any, is allowed).
        case utf8
        /// Not UTF-8, but every byte sequence is a valid GBK / GB18030 character: the default of Excel and WPS
        /// on Chinese Windows ("CSV (逗号分隔)").
        case gb18030(firstInvalidLine: Int)
        /// UTF-16 with a byte order mark ("Unicode 文本").
        case utf16
        /// Neither UTF-8 nor GBK.
        case unknown(firstInvalidLine: Int)
    }

    static func check(_ bytes: [UInt8]) -> Verdict {
        if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
            return .utf16
        }
        guard let bad = firstInvalidUTF8(bytes) else { return .utf8 }
        let line = 1 + bytes[..<bad].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
        return isGB18030(bytes) ? .gb18030(firstInvalidLine: line) : .unknown(firstInvalidLine: line)
    }

    /// Byte offset of the first byte that does not start a valid UTF-8 sequence; `nil` when all are valid.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            let length: Int
            var lowest: UInt8 = 0x80
            var highest: UInt8 = 0xBF
            switch lead {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0:
                length = 3
                lowest = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED:
                length = 3
                highest = 0x9F
            case 0xF0:
                length = 4
                lowest = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4:
                length = 4
                highest = 0x8F
            default: return index
            }
            guard index + length <= bytes.count else { return index }
            for offset in 1..<max(1, length) {
                let byte = bytes[index + offset]
                let low = offset == 1 ? lowest : 0x80
                let high = offset == 1 ? highest : 0xBF
                if byte < low || byte > high { return index }
            }
            index += length
        }
        return nil
    }

    /// Whether the bytes parse as GB18030: ASCII, two-byte GBK (lead 0x81–0xFE, trail 0x40–0x7E or 0x80–0xFE)
    /// and four-byte sequences (0x81–0xFE, 0x30–0x39, 0x81–0xFE, 0x30–0x39).
    static func isGB18030(_ bytes: [UInt8]) -> Bool {
        var index = 0
        var multibyte = 0
        while index < bytes.count {
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            guard (0x81...0xFE).contains(lead), index + 1 < bytes.count else { return false }
            let second = bytes[index + 1]
            if (0x40...0x7E).contains(second) || (0x80...0xFE).contains(second) {
                index += 2
            } else if (0x30...0x39).contains(second), index + 3 < bytes.count,
                (0x81...0xFE).contains(bytes[index + 2]), (0x30...0x39).contains(bytes[index + 3])
            {
                index += 4
            } else {
                return false
            }
            multibyte += 1
        }
        return multibyte > 0
    }

    /// How to re-save the file as UTF-8, in Chinese, for the verdicts other than `.utf8`.
    static func message(_ verdict: Verdict, file: String) -> String? {
        let resave =
            "请用 Excel 打开后选“文件 → 另存为”，保存类型选“CSV UTF-8(逗号分隔)(*.csv)”；"
            + "用 WPS 时在“另存为”对话框中把编码选为 UTF-8；或用记事本打开后“另存为”，编码选“UTF-8”"
        switch verdict {
        case .utf8:
            return nil
        case .gb18030(let line):
            return "“\(file)”是 GBK/GB18030 编码（中文 Windows 上 Excel、WPS 保存 CSV 的默认编码，从第 \(line) 行起出现），"
                + "wenping 只读 UTF-8 编码的文件，直接读取会变成乱码。\(resave)，再重新运行。"
        case .utf16:
            return "“\(file)”是 UTF-16 编码（Excel 的“Unicode 文本”），wenping 只读 UTF-8 编码的 CSV。\(resave)，再重新运行。"
        case .unknown(let line):
            return "“\(file)”第 \(line) 行起不是 UTF-8 编码的文字，也不是 GBK/GB18030；请确认这是问卷导出的 CSV 文件。\(resave)。"
        }
    }
}
