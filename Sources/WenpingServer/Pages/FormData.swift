import Foundation

/// The fields of a submitted form, in order: `application/x-www-form-urlencoded` bodies and the text and file
/// parts of `multipart/form-data` bodies.
struct FormData: Sendable {
    /// (name, value) pairs in the order sent; a file part's value is its content as UTF-8 text.
    var pairs: [(name: String, value: String)] = []
    /// File parts' names as the browser sent them, by field name.
    var fileNames: [String: String] = [:]

    /// The first value of `name`, nil when absent.
    subscript(_ name: String) -> String? { pairs.first { $0.name == name }?.value }

    /// Every value of `name` (checkboxes).
    func all(_ name: String) -> [String] { pairs.filter { $0.name == name }.map(\.value) }

    /// The trimmed value of `name`; empty when absent.
    func text(_ name: String) -> String {
        (self[name] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Parses an `application/x-www-form-urlencoded` body.
    init(urlEncoded body: String) {
        for pair in body.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let decode = { (text: Substring) in
                text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? ""
            }
            pairs.append((decode(parts[0]), parts.count > 1 ? decode(parts[1]) : ""))
        }
    }

    /// Parses a `multipart/form-data` body with `boundary`; parts it cannot read are skipped.
    init(multipart body: [UInt8], boundary: String) {
        let delimiter = Array(("--" + boundary).utf8)
        var starts: [Int] = []
        var index = 0
        while let found = Self.find(delimiter, in: body, from: index) {
            starts.append(found)
            index = found + delimiter.count
        }
        for (start, end) in zip(starts, starts.dropFirst()) {
            var from = start + delimiter.count
            if from + 1 < body.count, body[from] == 0x0d, body[from + 1] == 0x0a { from += 2 }
            var to = end
            if to - 2 >= from, body[to - 2] == 0x0d, body[to - 1] == 0x0a { to -= 2 }
            guard let split = Self.find(Array("\r\n\r\n".utf8), in: Array(body[from..<to]), from: 0) else { continue }
            let head = String(decoding: body[from..<(from + split)], as: UTF8.self)
            let content = String(decoding: body[(from + split + 4)..<to], as: UTF8.self)
            guard
                let disposition = head.split(separator: "\r\n").first(where: {
                    $0.lowercased().hasPrefix("content-disposition:")
                })
            else { continue }
            guard let name = Self.parameter("name", in: String(disposition)) else { continue }
            if let file = Self.parameter("filename", in: String(disposition)) { fileNames[name] = file }
            pairs.append((name, content))
        }
    }

    init() {}

    static func parameter(_ key: String, in header: String) -> String? {
        for piece in header.split(separator: ";") {
            let item = piece.trimmingCharacters(in: .whitespaces)
            guard item.hasPrefix(key + "=") else { continue }
            var value = String(item.dropFirst(key.count + 1))
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 {
                value = String(value.dropFirst().dropLast())
            }
            return value
        }
        return nil
    }

    static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count, start <= haystack.count - needle.count else {
            return nil
        }
        var index = start
        while index <= haystack.count - needle.count {
            if haystack[index] == needle[0], haystack[index..<(index + needle.count)].elementsEqual(needle) {
                return index
            }
            index += 1
        }
        return nil
    }
}
