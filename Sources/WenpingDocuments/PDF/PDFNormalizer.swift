/// Makes a converter's PDF the same bytes for the same report: the creation and modification dates become
/// 1980-01-01 and the document id, LibreOffice's checksum and the XMP ids zeros; Chromium's structure-tree
/// element ids are renumbered by rank.
///
/// Every replacement keeps the length of what it replaces, so the cross-reference offsets stay right and the
/// file stays valid. Only the uncompressed places converters write these values are touched.
enum PDFNormalizer {
    static func normalize(_ bytes: [UInt8]) -> [UInt8] {
        var out = bytes
        for key in ["/CreationDate", "/ModDate"] {
            replace(in: &out, after: key, open: UInt8(ascii: "("), close: UInt8(ascii: ")"), with: date)
        }
        replace(in: &out, after: "/ID", open: UInt8(ascii: "["), close: UInt8(ascii: "]"), with: zeros)
        // LibreOffice's checksum of the file as first written, dates included.
        replace(in: &out, after: "/DocChecksum /", open: nil, close: UInt8(ascii: "\n"), with: zeros)
        for tag in ["xmp:CreateDate", "xmp:ModifyDate", "xmp:MetadataDate", "xmpMM:DocumentID", "xmpMM:InstanceID"] {
            replace(
                in: &out, after: "<\(tag)>", open: nil, close: UInt8(ascii: "<"),
                with: tag.hasSuffix("ID") ? zeros : date)
        }
        renumberStructureIDs(in: &out)
        return out
    }

    /// Replaces each of Chromium's structure-element ids by its rank among the file's ids.
    ///
    /// Chromium's tagged PDF names each structure element `(node` + the DOM node's id + `)`, and that id
    /// depends on when the page's nodes were created, which varies with the machine's load: the same report
    /// printed twice can differ only there. The rank is written with the same number of digits.
    ///
    /// Ranking keeps the order, so the ID name tree (whose keys must stay sorted) stays valid. Only done when
    /// every id has the same number of digits, so that the digits' order is the numbers' order.
    private static func renumberStructureIDs(in bytes: inout [UInt8]) {
        let prefix = Array("(node".utf8)
        var found: [Range<Int>] = []
        var index = 0
        while let start = find(prefix, in: bytes, from: index) {
            var end = start + prefix.count
            while end < bytes.count, end < start + prefix.count + 18, (48...57).contains(bytes[end]) { end += 1 }
            index = end
            guard end > start + prefix.count, end < bytes.count, bytes[end] == UInt8(ascii: ")") else { continue }
            found.append(start + prefix.count..<end)
        }
        guard let width = found.first?.count, found.allSatisfy({ $0.count == width }) else { return }
        let ids = Set(found.map { bytes[$0] }).sorted { $0.lexicographicallyPrecedes($1) }
        guard String(ids.count).count <= width else { return }
        var rank: [ArraySlice<UInt8>: Int] = [:]
        for (position, id) in ids.enumerated() { rank[id] = position + 1 }
        for range in found {
            let digits = Array(String(rank[bytes[range]] ?? 0).utf8)
            bytes.replaceSubrange(
                range, with: Array(repeating: UInt8(ascii: "0"), count: width - digits.count) + digits)
        }
    }

    /// Digits replaced, in order, by those of 1980-01-01 00:00:00; everything else kept.
    private static func date(_ region: inout ArraySlice<UInt8>) {
        let fixed = Array("19800101000000".utf8)
        var digit = 0
        for index in region.indices where (48...57).contains(region[index]) {
            region[index] = digit < fixed.count ? fixed[digit] : UInt8(ascii: "0")
            digit += 1
        }
    }

    /// Hexadecimal digits replaced by `0`.
    private static func zeros(_ region: inout ArraySlice<UInt8>) {
        for index in region.indices {
            let byte = region[index]
            if (48...57).contains(byte) || (65...70).contains(byte) || (97...102).contains(byte) {
                region[index] = UInt8(ascii: "0")
            }
        }
    }

    /// For every `key`, the bytes from `open` (or straight after the key when nil) to the next `close`, at most
    /// 200 bytes on, rewritten by `change`.
    private static func replace(
        in bytes: inout [UInt8], after key: String, open: UInt8?, close: UInt8,
        with change: (inout ArraySlice<UInt8>) -> Void
    ) {
        let needle = Array(key.utf8)
        var index = 0
        while let found = find(needle, in: bytes, from: index) {
            var start = found + needle.count
            index = start
            if let open {
                while start < bytes.count, start < found + needle.count + 4, bytes[start] == 32 { start += 1 }
                guard start < bytes.count, bytes[start] == open else { continue }
                start += 1
            } else if start < bytes.count, bytes[start] == UInt8(ascii: "u") {
                // `uuid:` prefixes of XMP ids stay.
                start += bytes[start...].starts(with: Array("uuid:".utf8)) ? 5 : 0
            }
            var end = start
            while end < bytes.count, end < start + 200, bytes[end] != close { end += 1 }
            guard end < bytes.count, bytes[end] == close else { continue }
            var region = bytes[start..<end]
            change(&region)
            bytes.replaceSubrange(start..<end, with: region)
            index = end
        }
    }

    private static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, bytes.count >= needle.count, start <= bytes.count - needle.count else { return nil }
        var index = start
        while index <= bytes.count - needle.count {
            if bytes[index] == needle[0], bytes[index..<index + needle.count].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }
}
