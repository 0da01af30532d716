/// Writes JSON with keys in the order they are given, so reports have a stable, readable field order.
///
/// Output is pretty-printed with two-space indentation, or compact (no whitespace at all, one line) when made
/// with `compact: true`; both spell the same value. Strings are escaped per RFC 8259 (non-ASCII text is written
/// as UTF-8, not `\u` escapes); numbers go through ``Formatting/number(_:digits:)``.
///
/// The text is built in a byte buffer (``bytes``, UTF-8): appending a string is a copy of its UTF-8 bytes, and a
/// string that needs no escaping (nearly all report text) is checked once and copied in one piece.
struct JSONWriter {
    /// The UTF-8 text written so far.
    private(set) var bytes: [UInt8] = []
    private var depth = 0
    private var needsComma = false
    private var pendingKey = false
    /// Levels of indentation added to every line after the first, for a value that sits inside another document.
    private let baseDepth: Int
    /// No newlines, indentation or space after `:`.
    private let compact: Bool
    /// Where runs written by ``write(_:slot:)`` are remembered and copied from; `nil` writes every run afresh.
    private let fragments: JSONReportCache?
    /// The runs `fragments` held when the writer was made (looked up without a lock).
    private let kept: JSONReportCache.Storage

    /// A writer whose lines after the first are indented by `baseDepth` extra levels (two spaces each), or whose
    /// output is one line without whitespace when `compact`.
    ///
    /// - Parameters:
    ///   - capacity: bytes reserved up front (the expected size of the output), to spare regrowing.
    ///   - fragments: a cache for ``write(_:slot:)``; the output is the same with or without one.
    init(baseDepth: Int = 0, compact: Bool = false, capacity: Int = 0, fragments: JSONReportCache? = nil) {
        self.baseDepth = baseDepth
        self.compact = compact
        self.fragments = fragments
        kept = fragments?.snapshot() ?? JSONReportCache.Storage()
        bytes.reserveCapacity(capacity)
    }

    /// Everything the bytes of the next token depend on besides the token itself.
    struct State: Equatable, Sendable {
        var depth: Int
        var needsComma: Bool
        var pendingKey: Bool
        var baseDepth: Int
        var compact: Bool
    }

    var state: State {
        State(
            depth: depth, needsComma: needsComma, pendingKey: pendingKey, baseDepth: baseDepth, compact: compact)
    }

    /// Writes `fragment`: copies the bytes it wrote before at `slot` in the same ``state`` when the cache kept
    /// them, else writes it through ``JSONFragment/write(_:)`` and offers the bytes to the cache.
    ///
    /// `slot` only says where to look (a factor's index, say); whatever it is, the output is what
    /// `fragment.write(&self)` gives, because a kept run is used only for an equal fragment in an equal state.
    mutating func write<Fragment: JSONFragment>(_ fragment: Fragment, slot: Int) {
        guard let cache = fragments, fragment.isWorthKeeping else { return fragment.write(&self) }
        let start = state
        let slots = kept[keyPath: Fragment.slots]
        if slot >= 0 && slot < slots.count {
            // Compared in place: iterating would copy every entry (and retain every string in it).
            let end = slots[slot].withUnsafeBufferPointer { entries -> State? in
                for index in entries.indices where entries[index].matches(fragment, start) {
                    bytes.append(contentsOf: entries[index].bytes)
                    return entries[index].end
                }
                return nil
            }
            if let end {
                depth = end.depth
                needsComma = end.needsComma
                pendingKey = end.pendingKey
                return
            }
        }
        let offset = bytes.count
        fragment.write(&self)
        cache.keep(
            slot, JSONFragmentEntry(fragment: fragment, start: start, end: state, bytes: Array(bytes[offset...])))
    }

    /// The text written so far.
    var output: String { String(decoding: bytes, as: UTF8.self) }

    /// Ends the document with a newline (after the last value, so a file ends with one).
    mutating func endLine() { bytes.append(0x0A) }

    mutating func object(_ body: (inout JSONWriter) -> Void) {
        open(0x7B)  // {
        body(&self)
        close(0x7D)  // }
    }

    mutating func array(_ body: (inout JSONWriter) -> Void) {
        open(0x5B)  // [
        body(&self)
        close(0x5D)  // ]
    }

    /// Starts a member of the enclosing object; follow with exactly one value.
    mutating func key(_ name: String) {
        separator()
        Self.appendQuoted(name, to: &bytes)
        bytes.append(0x3A)  // :
        if !compact { bytes.append(0x20) }
        needsComma = false
        pendingKey = true
    }

    mutating func string(_ value: String?) {
        guard let value else { return null() }
        beginScalar()
        Self.appendQuoted(value, to: &bytes)
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

    private mutating func separator() {
        if needsComma { bytes.append(0x2C) }  // ,
        if depth > 0 { newline(depth) }
    }

    /// A newline followed by the indentation of every level up to `depth`, one append per line.
    private static let indentation: [UInt8] = [0x0A] + [UInt8](repeating: 0x20, count: 256)

    /// Starts a new line indented for `depth` (plus ``baseDepth``); nothing when compact.
    private mutating func newline(_ depth: Int) {
        guard !compact else { return }
        var spaces = 2 * (depth + baseDepth)
        let most = Self.indentation.count - 1
        Self.indentation.withUnsafeBufferPointer { line in
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: line[0..<(1 + min(spaces, most))]))
            guard spaces > most else { return }
            spaces -= min(spaces, most)
            while spaces > 0 {
                let chunk = min(spaces, most)
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: line[1..<(1 + chunk)]))
                spaces -= chunk
            }
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
        Self.append(text, to: &bytes)
        needsComma = true
    }

    private mutating func open(_ bracket: UInt8) {
        beginScalar()
        bytes.append(bracket)
        depth += 1
        needsComma = false
    }

    private mutating func close(_ bracket: UInt8) {
        depth -= 1
        if needsComma { newline(depth) }
        bytes.append(bracket)
        needsComma = true
    }

    /// Appends the UTF-8 bytes of `text` (one copy for a native string).
    @inline(__always)
    private static func append(_ text: String, to out: inout [UInt8]) {
        let copied: Void? = text.utf8.withContiguousStorageIfAvailable { out.append(contentsOf: $0) }
        if copied == nil { out.append(contentsOf: text.utf8) }
    }

    /// Whether UTF-8 `text` holds a character JSON must escape — a control character, `"`, `\\`, U+2028 or
    /// U+2029 — or one it escapes so that a terminal or viewer showing the string cannot be driven by it: DEL, the
    /// C1 controls (U+0080–U+009F) and the bidirectional formatting characters (see ``VisibleText``).
    ///
    /// Looks at each byte once, through ``byteClasses``; only the lead bytes of those characters (`C2`, `D8`,
    /// `E2`) look further.
    private static func needsEscaping(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let start = text.baseAddress else { return false }
        let count = text.count
        return byteClasses.withUnsafeBufferPointer { classes in
            let classes = classes.baseAddress!
            var index = 0
            while index < count {
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
