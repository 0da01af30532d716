/// A JSON value whose object members keep the order they were given in, so schemas print deterministically.
///
/// The schema builders assemble documents from these values and ``JSONWriter`` prints them; tests read the same
/// trees back to validate files against a schema without a JSON parser.
indirect enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    /// Members in order; keys are unique (the builders never repeat one).
    case object([Member])

    /// One `"key": value` member of an object.
    struct Member: Sendable, Hashable {
        let key: String
        let value: JSONValue
    }

    /// The member `key` of an object, or nil (also for values that are not objects).
    subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }

    /// The value at a JSON Pointer (RFC 6901) such as `/$defs/factor/properties`, or nil when there is none.
    func at(pointer: String) -> JSONValue? {
        var current: JSONValue? = self
        for token in pointer.split(separator: "/", omittingEmptySubsequences: true) {
            let key = String(token).unescapedPointerToken
            switch current {
            case .object: current = current?[key]
            case .array(let items): current = Int(key).flatMap { items.indices.contains($0) ? items[$0] : nil }
            default: return nil
            }
        }
        return current
    }

    /// Writes the value with ``JSONWriter`` (numbers rounded to six decimals, as in reports).
    func write(to writer: inout JSONWriter) {
        switch self {
        case .null: writer.null()
        case .bool(let flag): writer.bool(flag)
        case .number(let number): writer.number(number)
        case .string(let text): writer.string(text)
        case .array(let items):
            writer.array { writer in
                for item in items { item.write(to: &writer) }
            }
        case .object(let members):
            writer.object { writer in
                for member in members {
                    writer.key(member.key)
                    member.value.write(to: &writer)
                }
            }
        }
    }

    /// The value as pretty-printed JSON text ending in a newline.
    var text: String {
        var writer = JSONWriter()
        write(to: &writer)
        return writer.output + "\n"
    }
}

extension String {
    /// A JSON Pointer token with `~1` and `~0` turned back into `/` and `~`.
    fileprivate var unescapedPointerToken: String {
        var out = ""
        var escaped = false
        for character in self {
            if escaped {
                out.append(character == "1" ? "/" : character == "0" ? "~" : character)
                escaped = false
            } else if character == "~" {
                escaped = true
            } else {
                out.append(character)
            }
        }
        return out
    }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral, ExpressibleByFloatLiteral,
    ExpressibleByIntegerLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
    init(stringLiteral value: String) { self = .string(value) }
    init(booleanLiteral value: Bool) { self = .bool(value) }
    init(floatLiteral value: Double) { self = .number(value) }
    init(integerLiteral value: Int) { self = .number(Double(value)) }
    init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(elements.map { Member(key: $0.0, value: $0.1) })
    }
}

extension JSONValue {
    /// An object from `(key, value)` pairs in order, leaving out pairs whose value is nil.
    static func fields(_ pairs: KeyValuePairs<String, JSONValue?>) -> JSONValue {
        .object(pairs.compactMap { pair in pair.value.map { Member(key: pair.key, value: $0) } })
    }

    /// An object from members built in code (for properties computed from a ruleset).
    static func fields(computed members: [(String, JSONValue)]) -> JSONValue {
        .object(members.map { Member(key: $0.0, value: $0.1) })
    }

    /// An array of strings.
    static func strings(_ items: [String]) -> JSONValue { .array(items.map { .string($0) }) }
}
