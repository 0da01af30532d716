/// Writes JSON with keys in the order they are given, so reports have a stable, readable field order.
///
/// Output is pretty-printed with two-space indentation; strings are escaped per RFC 8259 (non-ASCII text is
/// written as UTF-8, not `\u` escapes); numbers go through ``Formatting/number(_:digits:)``.
struct JSONWriter {
    private(set) var output = ""
    private var depth = 0
    private var needsComma = false
    /// Levels of indentation added to every line after the first, for a value that sits inside another document.
    private let baseDepth: Int

    /// A writer whose lines after the first are indented by `baseDepth` extra levels (two spaces each).
    init(baseDepth: Int = 0) {
        self.baseDepth = baseDepth
    }

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
        Self.appendQuoted(name, to: &output)
        output += ": "
        needsComma = false
        pendingKey = true
    }

    mutating func string(_ value: String?) {
        guard let value else { return null() }
        beginScalar()
        Self.appendQuoted(value, to: &output)
        needsComma = true
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
            Self.indent(depth + baseDepth, into: &output)
        }
    }

    /// Two-space indentation strings for the usual depths, so indenting a line is one append.
    private static let indents: [String] = (0..<16).map { String(repeating: " ", count: 2 * $0) }

    /// Appends `depth` levels of two-space indentation without building a new string each line.
    private static func indent(_ depth: Int, into output: inout String) {
        var remaining = depth
        while remaining > 0 {
            let chunk = min(remaining, indents.count - 1)
            output += indents[chunk]
            remaining -= chunk
        }
    }

    private mutating func beginScalar() {
        if pendingKey {
            pendingKey = false
        } else {
            separator()
        }
    }

    private mutating func scalar(_ text: String) {
        beginScalar()
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
            Self.indent(depth + baseDepth, into: &output)
        }
        output += bracket
        needsComma = true
    }

    /// Whether `text` holds a character JSON must escape — a control character, `"`, `\\`, U+2028 or U+2029 — or
    /// one it escapes so that a terminal or viewer showing the string cannot be driven by it: DEL, the C1
    /// controls (U+0080–U+009F) and the bidirectional formatting characters (see ``VisibleText``).
    private static func needsEscaping(_ text: String) -> Bool {
        var previous: (UInt8, UInt8) = (0, 0)
        for byte in text.utf8 {
            if byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x7F { return true }
            if previous.1 == 0xC2 && (0x80...0x9F).contains(byte) { return true }
            if previous.1 == 0xD8 && byte == 0x9C { return true }
            if previous == (0xE2, 0x80) && (byte == 0xA8 || byte == 0xA9 || byte == 0x8E || byte == 0x8F) {
                return true
            }
            if previous == (0xE2, 0x80) && (0xAA...0xAE).contains(byte) { return true }
            if previous == (0xE2, 0x81) && (0xA6...0xA9).contains(byte) { return true }
            previous = (previous.1, byte)
        }
        return false
    }

    static func quoted(_ text: String) -> String {
        var out = ""
        appendQuoted(text, to: &out)
        return out
    }

    /// Appends `text` as a JSON string; most report text needs no escaping and is copied in one piece.
    static func appendQuoted(_ text: String, to out: inout String) {
        out += "\""
        defer { out += "\"" }
        if !needsEscaping(text) {
            out += text
            return
        }
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
                if scalar.value < 0x20 || VisibleText.needsReplacing(scalar, keepingNewlines: true) {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
    }
}
