extension JSONWriter {
    /// Whether UTF-8 `text` holds a character JSON must escape — a control character, `"`, `\\`, U+2028 or
    /// U+2029 — or one it escapes so that a terminal or viewer showing the string cannot be driven by it: DEL, the
    /// C1 controls (U+0080–U+009F) and the bidirectional formatting characters (see ``VisibleText``).
    ///
    /// Looks at 16 bytes at a time (``mayNeedEscaping(_:)``), and byte by byte (``needsEscaping(_:_:from:to:)``)
    /// only at a block holding a byte that may start such a character.
    static func needsEscaping(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let start = text.baseAddress else { return false }
        let count = text.count
        guard count >= 16 else { return needsEscaping(start, count, from: 0, to: count) }
        var index = 0
        while true {
            // The last block ends at the end of the text, overlapping the one before.
            let block = min(index, count - 16)
            if mayNeedEscaping(UnsafeRawPointer(start + block).loadUnaligned(as: SIMD16<UInt8>.self)),
                needsEscaping(start, count, from: block, to: block + 16)
            {
                return true
            }
            index += 16
            if block == count - 16 { return false }
        }
    }

    /// Whether any of the 16 bytes is one that ``needsEscaping(_:_:from:to:)`` looks at: a control character,
    /// `"`, `\\`, DEL, or a lead byte `C2`, `D8` or `E2`.
    ///
    /// Lane by lane without comparisons (which compile to a loop over the lanes): `(x − 1) & ~x` has its top bit
    /// set exactly when `x` is 0, `(v − 0x20) & ~v` exactly when `v` < 0x20.
    @inline(__always)
    static func mayNeedEscaping(_ bytes: SIMD16<UInt8>) -> Bool {
        typealias Lanes = SIMD16<UInt8>
        var flagged = (bytes &- Lanes(repeating: 0x20)) & ~bytes
        flagged |= zeroLanes(bytes ^ Lanes(repeating: 0x22))
        flagged |= zeroLanes(bytes ^ Lanes(repeating: 0x5C))
        flagged |= zeroLanes(bytes ^ Lanes(repeating: 0x7F))
        flagged |= zeroLanes(bytes ^ Lanes(repeating: 0xC2))
        flagged |= zeroLanes(bytes ^ Lanes(repeating: 0xD8))
        flagged |= zeroLanes(bytes ^ Lanes(repeating: 0xE2))
        let words = unsafeBitCast(flagged & Lanes(repeating: 0x80), to: SIMD2<UInt64>.self)
        return words[0] | words[1] != 0
    }

    /// The top bit of each lane set where the lane is 0 (other bits are noise).
    @inline(__always)
    private static func zeroLanes(_ lanes: SIMD16<UInt8>) -> SIMD16<UInt8> {
        (lanes &- SIMD16(repeating: 1)) & ~lanes
    }

    /// Whether a character that needs escaping starts at a byte of `start[from..<to]` (of `count` bytes), through
    /// ``byteClasses``; only the lead bytes of those characters (`C2`, `D8`, `E2`) look further, up to `count`.
    ///
    /// Starting anywhere is right: the bytes looked at are never continuation bytes, so a character that starts
    /// before `from` is never taken for one that needs escaping.
    static func needsEscaping(_ start: UnsafePointer<UInt8>, _ count: Int, from: Int, to end: Int) -> Bool {
        byteClasses.withUnsafeBufferPointer { classes in
            let classes = classes.baseAddress!
            var index = from
            while index < end {
                let byte = start[index]
                index += 1
                switch classes[Int(byte)] {
                case 0: continue
                case 1: return true
                default:
                    let next = index < count ? start[index] : 0
                    switch byte {
                    case 0xC2:
                        if next >= 0x80 && next <= 0x9F { return true }
                    case 0xD8:
                        if next == 0x9C { return true }
                    default:  // 0xE2
                        let third = index + 1 < count ? start[index + 1] : 0
                        if next == 0x80 && (third == 0xA8 || third == 0xA9 || third == 0x8E || third == 0x8F) {
                            return true
                        }
                        if next == 0x80 && third >= 0xAA && third <= 0xAE { return true }
                        if next == 0x81 && third >= 0xA6 && third <= 0xA9 { return true }
                    }
                }
            }
            return false
        }
    }

    /// For each byte value: 0 when it is written as it is whatever follows (printable ASCII but `"` and `\\`,
    /// UTF-8 continuation bytes, lead bytes of characters never escaped), 1 when it must be escaped (controls,
    /// `"`, `\\`, DEL), 2 for the lead bytes `C2`, `D8` and `E2`, whose character decides.
    private static let byteClasses: [UInt8] = (0...255).map { byte -> UInt8 in
        switch byte {
        case 0x22, 0x5C, 0x7F: 1
        case 0..<0x20: 1
        case 0xC2, 0xD8, 0xE2: 2
        default: 0
        }
    }

    static func quoted(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 2)
        appendQuoted(text, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends `text` as a JSON string; most report text needs no escaping and is copied in one piece.
    static func appendQuoted(_ text: String, to out: inout [UInt8]) {
        out.append(0x22)
        let copied =
            text.utf8.withContiguousStorageIfAvailable { buffer -> Bool in
                guard !needsEscaping(buffer) else { return false }
                out.append(contentsOf: buffer)
                return true
            } ?? false
        if !copied { appendEscaped(text, to: &out) }
        out.append(0x22)
    }

    /// Appends the body of `text` as a JSON string, escaping scalar by scalar.
    static func appendEscaped(_ text: String, to out: inout [UInt8]) {
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += [0x5C, 0x22]
            case "\\": out += [0x5C, 0x5C]
            case "\n": out += [0x5C, 0x6E]
            case "\r": out += [0x5C, 0x72]
            case "\t": out += [0x5C, 0x74]
            case "\u{2028}": out += Array("\\u2028".utf8)
            case "\u{2029}": out += Array("\\u2029".utf8)
            default:
                if scalar.value < 0x20 || VisibleText.needsReplacing(scalar, keepingNewlines: true) {
                    let hex = String(scalar.value, radix: 16)
                    out += Array("\\u".utf8) + [UInt8](repeating: 0x30, count: 4 - hex.count) + Array(hex.utf8)
                } else {
                    UTF8.encode(scalar) { out.append($0) }
                }
            }
        }
    }
}
