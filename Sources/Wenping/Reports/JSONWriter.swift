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
        if depth > 0 { output += "\n" + String(repeating: "  ", count: depth) }
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
        if needsComma { output += "\n" + String(repeating: "  ", count: depth) }
        output += bracket
        needsComma = true
    }

    static func quoted(_ text: String) -> String {
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
