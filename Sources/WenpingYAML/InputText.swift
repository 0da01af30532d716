/// The input's UTF-8 bytes (without a byte order mark) and its line starts, for turning positions into marks.
///
/// Lines end at `"\n"`. libyaml counts positions in characters (Unicode scalars), so its marks go through a
/// ``Cursor`` that walks the bytes; byte offsets found by this package go through ``mark(atByteOffset:)``.
struct InputText {
    /// The UTF-8 bytes; valid UTF-8 by the time any mark is asked for.
    let bytes: [UInt8]
    /// The byte offset where each line starts; `lineStarts[0]` is 0 (line 1).
    let lineStarts: [Int]

    init(bytes: [UInt8]) {
        self.bytes = bytes
        var starts = [0]
        for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            starts.append(offset + 1)
        }
        self.lineStarts = starts
    }

    /// The 0-based index of the line holding byte `offset`.
    func lineIndex(containing offset: Int) -> Int {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return low
    }

    /// The byte offset just past the last character of a 0-based line, before its `"\n"` (and before a `"\r"`
    /// that precedes it).
    func lineContentEnd(_ lineIndex: Int) -> Int {
        var end = lineIndex + 1 < lineStarts.count ? lineStarts[lineIndex + 1] - 1 : bytes.count
        if end > lineStarts[lineIndex], bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return end
    }

    /// The mark of byte `offset`, which must be the start of a character (or the end of the text).
    ///
    /// - Complexity: O(log *lines* + *length of the line*).
    func mark(atByteOffset offset: Int) -> YAMLMark {
        let offset = min(max(offset, 0), bytes.count)
        let line = lineIndex(containing: offset)
        var column = 1
        for byte in bytes[lineStarts[line]..<offset] where !Self.isContinuation(byte) {
            column += 1
        }
        return YAMLMark(line: line + 1, column: column, offset: offset)
    }

    static func isContinuation(_ byte: UInt8) -> Bool { byte & 0xC0 == 0x80 }

    /// Turns libyaml character indexes into marks by walking from the previous position.
    ///
    /// libyaml reports positions mostly in increasing order, so the walk is short and a whole parse stays
    /// linear in the input size even for one very long line.
    struct Cursor {
        private var index = 0
        private var mark = YAMLMark.start

        /// The mark of the character at 0-based character index `target` (clamped to the end of the text).
        mutating func mark(atCharacterIndex target: Int, in text: InputText) -> YAMLMark {
            let bytes = text.bytes
            while index < target, mark.offset < bytes.count {
                let byte = bytes[mark.offset]
                mark.offset += 1
                while mark.offset < bytes.count, InputText.isContinuation(bytes[mark.offset]) { mark.offset += 1 }
                index += 1
                if byte == UInt8(ascii: "\n") {
                    mark.line += 1
                    mark.column = 1
                } else {
                    mark.column += 1
                }
            }
            while index > target, mark.offset > 0 {
                mark.offset -= 1
                while mark.offset > 0, InputText.isContinuation(bytes[mark.offset]) { mark.offset -= 1 }
                index -= 1
                if bytes[mark.offset] == UInt8(ascii: "\n") {
                    mark = text.mark(atByteOffset: mark.offset)
                } else {
                    mark.column -= 1
                }
            }
            return mark
        }
    }
}
