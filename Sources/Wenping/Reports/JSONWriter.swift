/// Writes JSON with keys in the order they are given, so reports have a stable, readable field order.
///
/// Output is pretty-printed with two-space indentation; strings are escaped per RFC 8259 (non-ASCII text is
/// written as UTF-8, not `\u` escapes); numbers go through ``Formatting/number(_:digits:)``.
struct JSONWriter {
    private(set) var output = ""
    private var depth = 0
    private var needsComma = false

    mutating func object(_ body: (inout JSONWriter) -> Void) {
        open("{")
        body(&self)
        close("}")
    }

    mutating func array(_ body: (inout JSONWriter) -> Void) {
        open("[")
        body(&self)
        close("]")
    }

    /// Starts a member of the enclosing object; follow with exactly one value.
    mutating func key(_ name: String) {
        separator()
        output += Self.quoted(name) + ": "
        needsComma = false
        pendingKey = true
    }

    mutating func string(_ value: String?) {
        guard let value else { return null() }
        scalar(Self.quoted(value))
    }

    mutating func number(_ value: Double, digits: Int = 6) { scalar(Formatting.number(value, digits: digits)) }
    mutating func int(_ value: Int) { scalar(String(value)) }
    mutating func bool(_ value: Bool) { scalar(value ? "true" : "false") }
    mutating func null() { scalar("null") }

    mutating func value(_ value: ReportValue) {
        switch value {
        case .null: null()
        case .bool(let flag): bool(flag)
        case .number(let number): self.number(number)
        case .string(let text): string(text)
        }
    }

    /// `key: "text"` in one call.
    mutating func field(_ name: String, _ value: String?) {
        key(name)
        string(value)
    }

    mutating func field(_ name: String, _ value: Int) {
        key(name)
        int(value)
    }

    mutating func field(_ name: String, _ value: Bool) {
        key(name)
        bool(value)
    }

    mutating func field(_ name: String, number value: Double) {
        key(name)
        number(value)
    }

    mutating func field(_ name: String, strings: [String]) {
        key(name)
        array { writer in
            for item in strings { writer.string(item) }
        }
    }

    private var pendingKey = false

    private mutating func separator() {
        if needsComma { output += "," }
        if depth > 0 {
            output += "\n"
            Self.indent(depth, into: &output)
        }
    }

    /// Appends `depth` levels of two-space indentation without building a new string each line.
    private static func indent(_ depth: Int, into output: inout String) {
        let spaces = "                                "
        var remaining = depth * 2
        while remaining > 0 {
            let chunk = min(remaining, spaces.utf8.count)
            output += spaces.utf8.count == chunk ? spaces : String(spaces.prefix(chunk))
            remaining -= chunk
        }
    }

    private mutating func scalar(_ text: String) {
        if pendingKey {
            pendingKey = false
        } else {
            separator()
        }
        output += text
        needsComma = true
    }

    private mutating func open(_ bracket: String) {
        if pendingKey {
            pendingKey = false
        } else {
            separator()
        }
        output += bracket
        depth += 1
        needsComma = false
    }

    private mutating func close(_ bracket: String) {
        depth -= 1
        if needsComma {
            output += "\n"
            Self.indent(depth, into: &output)
        }
        output += bracket
        needsComma = true
    }

    /// Whether `text` holds a character JSON must escape: a control character, `"`, `\\`, U+2028 or U+2029.
    private static func needsEscaping(_ text: String) -> Bool {
        var previous: (UInt8, UInt8) = (0, 0)
        for byte in text.utf8 {
            if byte < 0x20 || byte == 0x22 || byte == 0x5C { return true }
            if previous == (0xE2, 0x80) && (byte == 0xA8 || byte == 0xA9) { return true }
            previous = (previous.1, byte)
        }
        return false
    }

    static func quoted(_ text: String) -> String {
        // Most report text needs no escaping: copy it in one piece.
        if !needsEscaping(text) { return "\"" + text + "\"" }
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
