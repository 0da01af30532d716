/// Finds the first byte sequence that is not well-formed UTF-8 (RFC 3629: no overlong forms, no surrogates,
/// nothing above U+10FFFF).
enum UTF8Validation {
    /// The first ill-formed sequence: its byte offset and its bytes (the lead byte and any continuation bytes
    /// that belong to it), or `nil` when all of `bytes` is valid UTF-8.
    ///
    /// - Complexity: O(*n*).
    static func firstInvalidSequence(in bytes: [UInt8]) -> (offset: Int, bytes: [UInt8])? {
        var offset = 0
        let count = bytes.count
        while offset < count {
            let lead = bytes[offset]
            if lead < 0x80 {
                offset += 1
                continue
            }
            let any: ClosedRange<UInt8> = 0x80...0xBF
            let length: Int
            let secondRange: ClosedRange<UInt8>
            switch lead {
            case 0xC2...0xDF: (length, secondRange) = (2, any)
            case 0xE0: (length, secondRange) = (3, 0xA0...0xBF)
            case 0xE1...0xEC, 0xEE...0xEF: (length, secondRange) = (3, any)
            case 0xED: (length, secondRange) = (3, 0x80...0x9F)
            case 0xF0: (length, secondRange) = (4, 0x90...0xBF)
            case 0xF1...0xF3: (length, secondRange) = (4, any)
            case 0xF4: (length, secondRange) = (4, 0x80...0x8F)
            default: return (offset, [lead])
            }
            var valid = 1
            while valid < length, offset + valid < count {
                let byte = bytes[offset + valid]
                let range = valid == 1 ? secondRange : any
                guard range.contains(byte) else { break }
                valid += 1
            }
            guard valid == length else { return (offset, Array(bytes[offset..<(offset + valid)])) }
            offset += length
        }
        return nil
    }
}
