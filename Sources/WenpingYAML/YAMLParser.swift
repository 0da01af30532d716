/// Parses YAML rule files into ``YAMLNode`` trees, safely.
///
/// The input must be one UTF-8 YAML document (JSON is fine: it is YAML flow syntax). Parsing stops at the first
/// problem with one ``YAMLError`` that says where and what to fix. Hostile input fails fast within
/// ``YAMLLimits``: oversized files are refused before they are read, deep nesting before it is built, and
/// alias bombs before they are expanded.
///
/// ```swift
/// let document = try YAMLParser.parse("level: 3\nwhen: a < 0.9\n")
/// if case .mapping(let top) = document.root, case .scalar(let level) = top["level"] {
///     print(level.int ?? 0)  // 3
/// }
/// ```
public enum YAMLParser {
    /// Parses UTF-8 bytes; a leading byte order mark is skipped.
    ///
    /// - Throws: ``YAMLError`` for input over `limits.maxBytes`, invalid UTF-8, malformed YAML, and each
    ///   problem ``YAMLError/Kind`` lists.
    public static func parse(_ bytes: [UInt8], limits: YAMLLimits = .default) throws(YAMLError) -> YAMLDocument {
        guard bytes.count <= limits.maxBytes else { throw .tooLarge(byteCount: bytes.count, limit: limits.maxBytes) }
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
        let text = InputText(bytes: body)
        if let invalid = UTF8Validation.firstInvalidSequence(in: body) {
            throw .invalidUTF8(bytes: invalid.bytes, at: text.mark(atByteOffset: invalid.offset))
        }
        var builder = DocumentBuilder(text: text, limits: limits)
        let root = try builder.build(from: LibYAMLParser(bytes: body))
        return YAMLDocument(root: root, text: String(decoding: body, as: UTF8.self))
    }

    /// Parses text.
    ///
    /// - Throws: ``YAMLError``, as ``parse(_:limits:)-([UInt8],_)`` does.
    public static func parse(_ text: String, limits: YAMLLimits = .default) throws(YAMLError) -> YAMLDocument {
        guard text.utf8.count <= limits.maxBytes else {
            throw .tooLarge(byteCount: text.utf8.count, limit: limits.maxBytes)
        }
        return try parse(Array(text.utf8), limits: limits)
    }

    /// Reads and parses a file.
    ///
    /// The size is checked with `fstat` before anything is read, so a 100 MB file fails at once without being
    /// loaded; reading itself never takes more than `limits.maxBytes + 1` bytes, even from a device or pipe.
    ///
    /// - Parameter path: The file's path, absolute or relative to the current directory.
    /// - Throws: ``YAMLError`` of kind ``YAMLError/Kind/unreadable`` when the file cannot be opened or read
    ///   (the message names the path), ``YAMLError/Kind/tooLarge``, or any error ``parse(_:limits:)-([UInt8],_)``
    ///   throws.
    public static func parse(contentsOfFile path: String, limits: YAMLLimits = .default) throws(YAMLError)
        -> YAMLDocument
    {
        try parse(FileReader.contents(ofFile: path, limit: limits.maxBytes), limits: limits)
    }
}
