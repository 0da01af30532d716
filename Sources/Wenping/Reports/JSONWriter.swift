/// Writes JSON with keys in the order they are given, so reports have a stable, readable field order.
///
/// Output is pretty-printed with two-space indentation, or compact (no whitespace at all, one line) when made
/// with `compact: true`; both spell the same value. Strings are escaped per RFC 8259 (non-ASCII text is written
/// as UTF-8, not `\u` escapes); numbers go through ``Formatting/number(_:digits:)``.
///
/// The text is built in a byte buffer (``bytes``, UTF-8): appending a string is a copy of its UTF-8 bytes, and a
/// string that needs no escaping (nearly all report text) is checked once and copied in one piece.
struct JSONWriter {
    /// The UTF-8 text written so far (a copy).
    var bytes: [UInt8] { buffer.bytes() }
    /// Where the text is written (shared by no other writer when it is written to).
    private var buffer: Buffer
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
        buffer = Buffer(capacity: capacity)
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
                    entries[index].bytes.withUnsafeBufferPointer { append($0) }
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
        let offset = buffer.count
        fragment.write(&self)
        cache.keep(
            slot, JSONFragmentEntry(fragment: fragment, start: start, end: state, bytes: buffer.bytes(from: offset)))
    }

    /// The text written, handed over without a copy; the writer is empty afterwards.
    mutating func finished() -> [UInt8] {
        isKnownUniquelyReferenced(&buffer) ? buffer.take() : buffer.bytes()
    }

    /// The text written so far.
    var output: String {
        String(decoding: UnsafeBufferPointer(start: buffer.base, count: buffer.count), as: UTF8.self)
    }

    /// Ends the document with a newline (after the last value, so a file ends with one).
    mutating func endLine() { append(0x0A) }

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
    ///
    /// A literal name takes ``key(_:)-(StaticString)`` instead, which needs no escaping check.
    @_disfavoredOverload
    mutating func key(_ name: String) {
        var quoted: [UInt8] = []
        quoted.reserveCapacity(name.utf8.count + 3)
        Self.appendQuoted(name, to: &quoted)
        quoted.append(0x3A)  // :
        if !compact { quoted.append(0x20) }
        quoted.withUnsafeBufferPointer { writeKey(token: $0) }
    }

    /// Starts a member named by a literal; follow with exactly one value.
    ///
    /// The name is copied between quotes as it is: a literal key is plain ASCII that JSON never escapes (asserted
    /// in debug builds; `JSONKeyTokenTests` checks every literal key in the sources). Any other name takes the
    /// escaping path of ``key(_:)-(String)``.
    mutating func key(_ name: StaticString) {
        guard name.hasPointerRepresentation, name.isASCII else { return key(name.description) }
        assert(!Self.needsEscaping(UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount)))
        let count = name.utf8CodeUnitCount
        let lead = separatorCount
        let total = lead + count + (compact ? 3 : 4)
        unique()
        var out = writeSeparator(buffer.reserve(total), lead)
        out[0] = 0x22  // "
        (out + 1).initialize(from: name.utf8Start, count: count)
        out += count + 1
        out[0] = 0x22  // "
        out[1] = 0x3A  // :
        if !compact { out[2] = 0x20 }
        buffer.count += total
        needsComma = false
        pendingKey = true
    }

    /// Writes the separator and a key's whole token (`"name": `, quoted and escaped).
    private mutating func writeKey(token: UnsafeBufferPointer<UInt8>) {
        let lead = separatorCount
        unique()
        let out = writeSeparator(buffer.reserve(lead + token.count), lead)
        out.initialize(from: token.baseAddress!, count: token.count)
        buffer.count += lead + token.count
        needsComma = false
        pendingKey = true
    }

    mutating func string(_ value: String?) {
        guard let value else { return null() }
        let copied =
            value.utf8.withContiguousStorageIfAvailable { text -> Bool in
                guard !Self.needsEscaping(text) else { return false }
                let lead = scalarLead
                let total = lead + text.count + 2
                unique()
                let out = writeSeparator(buffer.reserve(total), lead)
                out[0] = 0x22  // "
                if text.count > 0 { (out + 1).initialize(from: text.baseAddress!, count: text.count) }
                out[text.count + 1] = 0x22  // "
                buffer.count += total
                return true
            } ?? false
        if !copied {
            var quoted: [UInt8] = []
            Self.appendQuoted(value, to: &quoted)
            scalar(quoted)
        }
        needsComma = true
    }

    /// `value` as ``Formatting/number(_:digits:)`` spells it, written without making a string when it is a
    /// decimal below 10¹⁵ (the common case; the same digits as ``Formatting/decimal(_:digits:trimmingZeros:)``).
    mutating func number(_ value: Double, digits: Int = 6) {
        if value.isFinite && abs(value) < 1e15 {
            let digits = min(max(digits, 0), 6)
            var scale = 1.0
            for _ in 0..<digits { scale *= 10 }
            let scaled = (value * scale).rounded()
            if abs(scaled) < 1e15 { return decimal(Int64(scaled), digits: digits) }
        }
        scalar(Formatting.number(value, digits: digits))
    }

    /// `integer / 10^digits` without trailing fractional zeros, byte for byte
    /// ``Formatting/decimal(_:digits:trimmingZeros:)``.
    private mutating func decimal(_ integer: Int64, digits: Int) {
        var magnitude = integer.magnitude
        var fraction = digits
        while fraction > 0 && magnitude % 10 == 0 && magnitude != 0 {
            magnitude /= 10
            fraction -= 1
        }
        if magnitude == 0 { fraction = 0 }
        var figures = 0
        var rest = magnitude
        while rest > 0 {
            figures += 1
            rest /= 10
        }
        figures = max(figures, fraction + 1)
        let length = (integer < 0 && magnitude != 0 ? 1 : 0) + figures + (fraction > 0 ? 1 : 0)
        let lead = scalarLead
        unique()
        let out = writeSeparator(buffer.reserve(lead + length), lead)
        var position = length
        var remaining = magnitude
        for place in 0..<figures {
            if place == fraction && fraction > 0 {
                position -= 1
                out[position] = 0x2E  // .
            }
            position -= 1
            out[position] = 0x30 + UInt8(truncatingIfNeeded: remaining % 10)
            remaining /= 10
        }
        if position > 0 { out[0] = 0x2D }  // -
        buffer.count += lead + length
        needsComma = true
    }

    /// `value` in decimal, as `String(value)` spells it.
    mutating func int(_ value: Int) {
        var magnitude = value.magnitude
        var figures = 1
        var rest = magnitude / 10
        while rest > 0 {
            figures += 1
            rest /= 10
        }
        let length = figures + (value < 0 ? 1 : 0)
        let lead = scalarLead
        unique()
        let out = writeSeparator(buffer.reserve(lead + length), lead)
        var position = length
        repeat {
            position -= 1
            out[position] = 0x30 + UInt8(truncatingIfNeeded: magnitude % 10)
            magnitude /= 10
        } while magnitude > 0
        if value < 0 { out[0] = 0x2D }  // -
        buffer.count += lead + length
        needsComma = true
    }

    mutating func bool(_ value: Bool) { value ? literal("true") : literal("false") }
    mutating func null() { literal("null") }

    mutating func value(_ value: ReportValue) {
        switch value {
        case .null: null()
        case .bool(let flag): bool(flag)
        case .number(let number): self.number(number)
        case .string(let text): string(text)
        }
    }

    /// `key: "text"` in one call.
    @_disfavoredOverload
    mutating func field(_ name: String, _ value: String?) {
        key(name)
        string(value)
    }

    @_disfavoredOverload
    mutating func field(_ name: String, _ value: Int) {
        key(name)
        int(value)
    }

    @_disfavoredOverload
    mutating func field(_ name: String, _ value: Bool) {
        key(name)
        bool(value)
    }

    @_disfavoredOverload
    mutating func field(_ name: String, number value: Double) {
        key(name)
        number(value)
    }

    @_disfavoredOverload
    mutating func field(_ name: String, strings: [String]) {
        key(name)
        self.strings(strings)
    }

    /// `key: "text"` in one call, for a literal key (see ``key(_:)-(StaticString)``).
    mutating func field(_ name: StaticString, _ value: String?) {
        key(name)
        string(value)
    }

    mutating func field(_ name: StaticString, _ value: Int) {
        key(name)
        int(value)
    }

    mutating func field(_ name: StaticString, _ value: Bool) {
        key(name)
        bool(value)
    }

    mutating func field(_ name: StaticString, number value: Double) {
        key(name)
        number(value)
    }

    mutating func field(_ name: StaticString, strings: [String]) {
        key(name)
        self.strings(strings)
    }

    /// An array of strings.
    mutating func strings(_ items: [String]) {
        array { writer in
            for item in items { writer.string(item) }
        }
    }

    /// Copies the buffer if another writer shares it (a copied writer), so writing never changes another's text.
    @inline(__always)
    private mutating func unique() {
        if !isKnownUniquelyReferenced(&buffer) { buffer = buffer.copy() }
    }

    /// Bytes of the separator before a new member or element: a comma after a value, then (pretty) a newline and
    /// the indentation of the current depth.
    private var separatorCount: Int {
        (needsComma ? 1 : 0) + (compact || depth == 0 ? 0 : 1 + 2 * max(0, depth + baseDepth))
    }

    /// Bytes written before a value: none right after its key, else the separator.
    private var scalarLead: Int { pendingKey ? 0 : separatorCount }

    /// Writes the `count` bytes of separator (``separatorCount`` or ``scalarLead``) at `out`; where it ends.
    ///
    /// Clears ``pendingKey``: the token written next is the value of the key, or a new element.
    @inline(__always)
    private mutating func writeSeparator(_ out: UnsafeMutablePointer<UInt8>, _ count: Int) -> UnsafeMutablePointer<
        UInt8
    > {
        pendingKey = false
        guard count > 0 else { return out }
        var out = out
        if needsComma {
            out[0] = 0x2C  // ,
            out += 1
        }
        let line = count - (needsComma ? 1 : 0)
        if line > 0 {
            out[0] = 0x0A
            (out + 1).initialize(repeating: 0x20, count: line - 1)
            out += line
        }
        return out
    }

    /// Appends bytes as they are.
    private mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let start = bytes.baseAddress, bytes.count > 0 else { return }
        unique()
        buffer.reserve(bytes.count).initialize(from: start, count: bytes.count)
        buffer.count += bytes.count
    }

    private mutating func append(_ byte: UInt8) {
        unique()
        buffer.reserve(1)[0] = byte
        buffer.count += 1
    }

    /// A literal token (`true`, `null` …) as a value.
    private mutating func literal(_ text: StaticString) {
        let count = text.utf8CodeUnitCount
        let lead = scalarLead
        unique()
        let out = writeSeparator(buffer.reserve(lead + count), lead)
        out.initialize(from: text.utf8Start, count: count)
        buffer.count += lead + count
        needsComma = true
    }

    /// A value whose bytes are `text` as they are.
    private mutating func scalar(_ text: String) {
        var text = text
        text.withUTF8 { scalar(Array($0)) }
    }

    private mutating func scalar(_ token: [UInt8]) {
        let lead = scalarLead
        unique()
        let out = writeSeparator(buffer.reserve(lead + token.count), lead)
        token.withUnsafeBufferPointer { token in
            if let start = token.baseAddress { out.initialize(from: start, count: token.count) }
        }
        buffer.count += lead + token.count
        needsComma = true
    }

    private mutating func open(_ bracket: UInt8) {
        let lead = scalarLead
        unique()
        let out = writeSeparator(buffer.reserve(lead + 1), lead)
        out[0] = bracket
        buffer.count += lead + 1
        depth += 1
        needsComma = false
    }

    private mutating func close(_ bracket: UInt8) {
        depth -= 1
        // A newline before the bracket only after a member or element (an empty `{}` or `[]` stays on one line).
        let lead = needsComma && !compact ? 1 + 2 * max(0, depth + baseDepth) : 0
        unique()
        let out = buffer.reserve(lead + 1)
        if lead > 0 {
            out[0] = 0x0A
            (out + 1).initialize(repeating: 0x20, count: lead - 1)
        }
        out[lead] = bracket
        buffer.count += lead + 1
        needsComma = true
    }

    /// Whether UTF-8 `text` holds a character JSON must escape — a control character, `"`, `\\`, U+2028 or
    /// U+2029 — or one it escapes so that a terminal or viewer showing the string cannot be driven by it: DEL, the
    /// C1 controls (U+0080–U+009F) and the bidirectional formatting characters (see ``VisibleText``).
    ///
    /// Looks at each byte once, through ``byteClasses``; only the lead bytes of those characters (`C2`, `D8`,
    /// `E2`) look further.
    static func needsEscaping(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
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
