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
        if copyKept(Fragment.self, slot: slot, start, where: { $0 == fragment }) { return }
        keepWriting(fragment, slot: slot, start, in: cache)
    }

    /// Writes the fragment made from the model value at `source` (``JSONModelFragment``), as
    /// ``write(_:slot:)`` writes `Fragment(source.pointee)`, but comparing kept runs with the value where it lies:
    /// the fragment (a copy of its text, a retain per string) is made only when no kept run matches.
    mutating func write<Fragment: JSONModelFragment>(
        _ type: Fragment.Type, of source: UnsafePointer<Fragment.Source>, slot: Int
    ) {
        guard let cache = fragments, Fragment.isWorthKeeping(source.pointee) else {
            return Fragment(source.pointee).write(&self)
        }
        let start = state
        if copyKept(Fragment.self, slot: slot, start, where: { $0.describes(source.pointee) }) { return }
        keepWriting(Fragment(source.pointee), slot: slot, start, in: cache)
    }

    /// Copies the run kept at `slot` for a fragment that `matches` and was written in state `start`; false when
    /// none is kept.
    ///
    /// Compared in place: iterating would copy every entry (and retain every string in it). The closures never
    /// reach `self` (its buffer would be retained and released around each): the match is found, room is made,
    /// then its bytes are copied to a pointer.
    private mutating func copyKept<Fragment: JSONFragment>(
        _ type: Fragment.Type, slot: Int, _ start: State, where matches: (borrowing Fragment) -> Bool
    ) -> Bool {
        let slots = kept[keyPath: Fragment.slots]
        guard slot >= 0 && slot < slots.count else { return false }
        let found = slots[slot].withUnsafeBufferPointer { entries -> (index: Int, count: Int, end: State)? in
            guard
                let index = entries.indices.first(where: {
                    entries[$0].start == start && matches(entries[$0].fragment)
                })
            else { return nil }
            return (index, entries[index].bytes.count, entries[index].end)
        }
        guard let found else { return false }
        unique()
        let out = buffer.reserve(found.count)
        slots[slot].withUnsafeBufferPointer { entries in
            entries[found.index].bytes.withUnsafeBufferPointer { bytes in
                if let start = bytes.baseAddress, bytes.count > 0 { out.initialize(from: start, count: bytes.count) }
            }
        }
        buffer.count += found.count
        depth = found.end.depth
        needsComma = found.end.needsComma
        pendingKey = found.end.pendingKey
        return true
    }

    /// Writes `fragment` afresh, begun in state `start`, and offers its bytes to `cache` under `slot`.
    private mutating func keepWriting<Fragment: JSONFragment>(
        _ fragment: Fragment, slot: Int, _ start: State, in cache: JSONReportCache
    ) {
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
        let copied =
            name.utf8.withContiguousStorageIfAvailable { text -> Bool in
                guard !Self.needsEscaping(text) else { return false }
                writeKey(text)
                return true
            } ?? false
        guard !copied else { return }
        var escaped: [UInt8] = []
        Self.appendEscaped(name, to: &escaped)
        escaped.withUnsafeBufferPointer { writeKey($0) }
    }

    /// Starts a member named by a literal; follow with exactly one value.
    ///
    /// The name is copied between quotes as it is: a literal key is plain ASCII that JSON never escapes (asserted
    /// in debug builds; `JSONKeyTokenTests` checks every literal key in the sources). Any other name takes the
    /// escaping path of ``key(_:)-(String)``.
    mutating func key(_ name: StaticString) {
        guard name.hasPointerRepresentation, name.isASCII else { return key(name.description) }
        let text = UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount)
        assert(!Self.needsEscaping(text), "a literal key must need no escaping: \(name)")
        writeKey(text)
    }

    /// Writes the separator and the key `"name": ` whose name, as JSON writes it (escaped), is `name`.
    private mutating func writeKey(_ name: UnsafeBufferPointer<UInt8>) {
        let lead = separatorCount
        let total = lead + name.count + (compact ? 3 : 4)
        unique()
        var out = writeSeparator(buffer.reserve(total), lead)
        out[0] = 0x22  // "
        if let start = name.baseAddress, name.count > 0 { (out + 1).initialize(from: start, count: name.count) }
        out += name.count + 1
        out[0] = 0x22  // "
        out[1] = 0x3A  // :
        if !compact { out[2] = 0x20 }
        buffer.count += total
        needsComma = false
        pendingKey = true
    }

    mutating func string(_ value: String?) {
        guard let value else { return null() }
        // The closures see only the text and a pointer, never `self`: a closure that reached the buffer through
        // `self` retained and released it around every string (about 360 atomic operations a pretty report).
        let plain = value.utf8.withContiguousStorageIfAvailable { !Self.needsEscaping($0) } ?? false
        guard plain else {
            var quoted: [UInt8] = []
            Self.appendQuoted(value, to: &quoted)
            scalar(quoted)
            needsComma = true
            return
        }
        let count = value.utf8.count
        let lead = scalarLead
        let total = lead + count + 2
        unique()
        let out = writeSeparator(buffer.reserve(total), lead)
        out[0] = 0x22  // "
        if count > 0 {
            _ = value.utf8.withContiguousStorageIfAvailable { text in
                (out + 1).initialize(from: text.baseAddress!, count: text.count)
            }
        }
        out[count + 1] = 0x22  // "
        buffer.count += total
        needsComma = true
    }

    /// `value` as ``Formatting/number(_:digits:)`` spells it, written without making a string when it is a
    /// decimal below 10¹⁵ (the common case: ``Formatting/scaledDecimal(_:digits:)``).
    mutating func number(_ value: Double, digits: Int = 6) {
        guard let scaled = Formatting.scaledDecimal(value, digits: digits) else {
            return scalar(Formatting.number(value, digits: digits))
        }
        let spelled = DecimalDigits(scaled.integer, digits: scaled.digits)
        let lead = scalarLead
        unique()
        spelled.write(to: writeSeparator(buffer.reserve(lead + spelled.length), lead))
        buffer.count += lead + spelled.length
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
    @inline(__always)
    private var separatorCount: Int {
        (needsComma ? 1 : 0) + (compact || depth == 0 ? 0 : 1 + 2 * max(0, depth + baseDepth))
    }

    /// Bytes written before a value: none right after its key, else the separator.
    @inline(__always)
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
            Self.spaces(out + 1, line - 1)
            out += line
        }
        return out
    }

    /// Writes `count` spaces at `out`, eight at a time: up to seven bytes past them are written over (within the
    /// buffer's ``Buffer/slack``, and not counted).
    @inline(__always)
    private static func spaces(_ out: UnsafeMutablePointer<UInt8>, _ count: Int) {
        var written = 0
        while written < count {
            UnsafeMutableRawPointer(out + written).storeBytes(of: 0x2020_2020_2020_2020 as UInt64, as: UInt64.self)
            written += 8
        }
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
            Self.spaces(out + 1, lead - 1)
        }
        out[lead] = bracket
        buffer.count += lead + 1
        needsComma = true
    }
}
