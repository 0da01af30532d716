// Scalar typing by the YAML 1.2 core schema, asked for by the caller for the type its field expects.
//
// Only plain (unquoted) scalars are typed: a quoted `"true"` is text. An explicit core tag decides instead of
// the style: `!!str 3` is text, `!!int "3"` is the integer 3 (the parser has already checked that the value fits).

extension YAMLNode.Scalar {
    /// Whether the scalar is null: a plain `""`, `~`, `null`, `Null` or `NULL` (or tagged `!!null`).
    public var isNull: Bool {
        guard let text = typedText(accepting: CoreTag.null) else { return false }
        return Self.isNullText(text)
    }

    /// The boolean value of a plain `true`, `True`, `TRUE`, `false`, `False` or `FALSE`; otherwise `nil`.
    ///
    /// YAML 1.1 spellings (`yes`, `no`, `on`, `off`, `y`, `n`) are not booleans: they stay text, so the country
    /// code `NO` is never read as `false`.
    public var bool: Bool? {
        typedText(accepting: CoreTag.bool).flatMap(Self.parseBool)
    }

    /// The integer value of a plain `[-+]?[0-9]+`, `0o[0-7]+` or `0x[0-9a-fA-F]+`; `nil` for anything else or
    /// when the value does not fit in `Int`.
    public var int: Int? {
        typedText(accepting: CoreTag.int).flatMap(Self.parseInt)
    }

    /// The number value of a plain core-schema float or integer: `1.5`, `-.5`, `1e3`, `2.`, `.inf`, `-.Inf`,
    /// `.nan`, or any form ``int`` accepts (decimal integers too large for `Int` are still numbers here).
    public var double: Double? {
        typedText(accepting: CoreTag.float, CoreTag.int).flatMap(Self.parseDouble)
    }

    /// The text to type: the value when the scalar carries `accepted` (or `alsoAccepted`), or when it is plain
    /// and untagged.
    private func typedText(accepting accepted: String, _ alsoAccepted: String? = nil) -> String? {
        if let tag { return tag == accepted || tag == alsoAccepted ? value : nil }
        return style == .plain ? value : nil
    }

    // MARK: - Core schema patterns

    static func isNullText(_ text: String) -> Bool {
        switch text.utf8.count {
        case 0: true
        case 1: text == "~"
        case 4: text == "null" || text == "Null" || text == "NULL"
        default: false
        }
    }

    static func parseBool(_ text: String) -> Bool? {
        switch text {
        case "true", "True", "TRUE": true
        case "false", "False", "FALSE": false
        default: nil
        }
    }

    static func parseInt(_ text: String) -> Int? {
        var contiguous = text
        return contiguous.withUTF8 { parseInt(text: text, utf8: $0) }
    }

    private static func parseInt(text: String, utf8: UnsafeBufferPointer<UInt8>) -> Int? {
        if utf8.count > 2, utf8[0] == UInt8(ascii: "0") {
            let digits = { String(decoding: utf8[2...], as: UTF8.self) }
            if utf8[1] == UInt8(ascii: "o"), utf8[2...].allSatisfy(isOctalDigit) { return Int(digits(), radix: 8) }
            if utf8[1] == UInt8(ascii: "x"), utf8[2...].allSatisfy(isHexDigit) { return Int(digits(), radix: 16) }
        }
        let start = utf8.first == UInt8(ascii: "-") || utf8.first == UInt8(ascii: "+") ? 1 : 0
        guard start < utf8.count, utf8[start...].allSatisfy(isDecimalDigit) else { return nil }
        return Int(text)
    }

    static func parseDouble(_ text: String) -> Double? {
        switch text {
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .infinity
        case "-.inf", "-.Inf", "-.INF": return -.infinity
        case ".nan", ".NaN", ".NAN": return .nan
        default: break
        }
        var contiguous = text
        return contiguous.withUTF8 { utf8 in
            if let integer = parseInt(text: text, utf8: utf8) { return Double(integer) }
            guard matchesFloatPattern(utf8) else { return nil }
            return Double(text)
        }
    }

    /// Whether `utf8` matches `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`.
    private static func matchesFloatPattern(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        func skipDigits() -> Int {
            let start = index
            while index < utf8.count, isDecimalDigit(utf8[index]) { index += 1 }
            return index - start
        }
        if index < utf8.count, utf8[index] == UInt8(ascii: "-") || utf8[index] == UInt8(ascii: "+") { index += 1 }
        let integerDigits = skipDigits()
        if index < utf8.count, utf8[index] == UInt8(ascii: ".") {
            index += 1
            let fractionDigits = skipDigits()
            if integerDigits == 0 && fractionDigits == 0 { return false }
        } else if integerDigits == 0 {
            return false
        }
        if index < utf8.count, utf8[index] == UInt8(ascii: "e") || utf8[index] == UInt8(ascii: "E") {
            index += 1
            if index < utf8.count, utf8[index] == UInt8(ascii: "-") || utf8[index] == UInt8(ascii: "+") { index += 1 }
            if skipDigits() == 0 { return false }
        }
        return index == utf8.count
    }

    private static func isDecimalDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    private static func isOctalDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "7")
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        isDecimalDigit(byte) || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "f"))
    }
}
