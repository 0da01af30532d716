import Foundation
import WenpingYAML

@testable import Wenping

/// A small JSON Schema (draft 2020-12) validator for the keywords `wenping schema` emits, so tests can check
/// files against the schemas without any tool outside Swift.
///
/// Supported: `$ref` (to `#/$defs/…`), `type` (one or a list), `enum`, `const`, `properties`, `required`,
/// `additionalProperties` (boolean or schema), `minProperties`, `items`, `uniqueItems`, `minimum`, `maximum`,
/// `pattern`, `anyOf`, `oneOf`. Annotations (`$schema`, `$defs`, `title`, `description`, `format`) are skipped. Any
/// other keyword is reported as an error, so a schema cannot use a keyword these tests silently ignore.
struct SchemaValidator {
    let root: JSONValue

    static let annotations: Set<String> = ["$schema", "$defs", "title", "description", "format"]

    /// Every problem with `instance`, as `path: message`; empty when it is valid.
    func errors(_ instance: JSONValue) -> [String] {
        var errors: [String] = []
        validate(instance, against: root, at: "", into: &errors)
        return errors
    }

    private func validate(
        _ instance: JSONValue, against schema: JSONValue, at path: String, into errors: inout [String]
    ) {
        if case .bool(let allowed) = schema {
            if !allowed { errors.append("\(path): not allowed here") }
            return
        }
        guard case .object(let keywords) = schema else {
            errors.append("\(path): schema is not an object")
            return
        }
        for keyword in keywords {
            check(keyword.key, keyword.value, schema, instance, path, &errors)
        }
    }

    private func check(
        _ keyword: String, _ value: JSONValue, _ schema: JSONValue, _ instance: JSONValue, _ path: String,
        _ errors: inout [String]
    ) {
        switch keyword {
        case _ where Self.annotations.contains(keyword):
            break
        case "$ref":
            guard case .string(let reference) = value, reference.hasPrefix("#"),
                let target = root.at(pointer: String(reference.dropFirst()))
            else {
                errors.append("\(path): unresolvable $ref \(value)")
                return
            }
            validate(instance, against: target, at: path, into: &errors)
        case "type":
            let types: [String]
            switch value {
            case .string(let type): types = [type]
            case .array(let items): types = items.compactMap { if case .string(let t) = $0 { t } else { nil } }
            default: types = []
            }
            if !types.contains(where: { Self.has(instance, type: $0) }) {
                errors.append("\(path): expected \(types.joined(separator: " or ")), found \(Self.describe(instance))")
            }
        case "enum":
            guard case .array(let options) = value else { return errors.append("\(path): enum is not a list") }
            if !options.contains(where: { Self.equal($0, instance) }) {
                errors.append("\(path): \(Self.describe(instance)) is not one of \(options.map(Self.describe))")
            }
        case "const":
            if !Self.equal(value, instance) { errors.append("\(path): \(Self.describe(instance)) is not \(value)") }
        case "properties":
            guard case .object(let members) = instance, case .object(let properties) = value else { return }
            for member in members {
                if let property = properties.first(where: { $0.key == member.key }) {
                    validate(member.value, against: property.value, at: path + "/" + member.key, into: &errors)
                }
            }
        case "required":
            guard case .object = instance, case .array(let names) = value else { return }
            for case .string(let name) in names where instance[name] == nil {
                errors.append("\(path): missing required \(name)")
            }
        case "additionalProperties":
            guard case .object(let members) = instance else { return }
            let declared: Set<String> =
                if case .object(let properties) = schema["properties"] { Set(properties.map(\.key)) } else { [] }
            for member in members where !declared.contains(member.key) {
                var inner: [String] = []
                validate(member.value, against: value, at: path + "/" + member.key, into: &inner)
                if case .bool(false) = value { inner = ["\(path): unknown field \(member.key)"] }
                errors += inner
            }
        case "minProperties":
            guard case .object(let members) = instance, case .number(let minimum) = value else { return }
            if Double(members.count) < minimum { errors.append("\(path): fewer than \(minimum) fields") }
        case "items":
            guard case .array(let items) = instance else { return }
            for (index, item) in items.enumerated() {
                validate(item, against: value, at: "\(path)/\(index)", into: &errors)
            }
        case "uniqueItems":
            guard case .array(let items) = instance, case .bool(true) = value else { return }
            if Set(items).count != items.count { errors.append("\(path): items repeat") }
        case "minimum":
            guard case .number(let number) = instance, case .number(let bound) = value else { return }
            if number < bound { errors.append("\(path): \(number) is below \(bound)") }
        case "maximum":
            guard case .number(let number) = instance, case .number(let bound) = value else { return }
            if number > bound { errors.append("\(path): \(number) is above \(bound)") }
        case "pattern":
            guard case .string(let text) = instance, case .string(let pattern) = value else { return }
            guard let regex = try? NSRegularExpression(pattern: pattern) else {
                return errors.append("\(path): bad pattern \(pattern)")
            }
            let range = NSRange(text.startIndex..., in: text)
            if regex.firstMatch(in: text, range: range) == nil {
                errors.append("\(path): \"\(text)\" does not match \(pattern)")
            }
        case "anyOf", "oneOf":
            guard case .array(let branches) = value else { return errors.append("\(path): \(keyword) is not a list") }
            let passing = branches.filter { branch in
                var inner: [String] = []
                validate(instance, against: branch, at: path, into: &inner)
                return inner.isEmpty
            }
            if passing.isEmpty {
                errors.append("\(path): \(Self.describe(instance)) matches none of \(keyword)")
            } else if keyword == "oneOf" && passing.count > 1 {
                errors.append("\(path): \(Self.describe(instance)) matches \(passing.count) branches of oneOf")
            }
        default:
            errors.append("\(path): unsupported keyword \(keyword)")
        }
    }

    static func has(_ instance: JSONValue, type: String) -> Bool {
        switch (type, instance) {
        case ("object", .object), ("array", .array), ("string", .string), ("boolean", .bool), ("null", .null),
            ("number", .number):
            true
        case ("integer", .number(let number)): number == number.rounded()
        default: false
        }
    }

    /// JSON equality: numbers by value, objects regardless of member order.
    static func equal(_ a: JSONValue, _ b: JSONValue) -> Bool {
        switch (a, b) {
        case (.object(let x), .object(let y)):
            return x.count == y.count
                && x.allSatisfy { member in y.contains { $0.key == member.key && equal($0.value, member.value) } }
        case (.array(let x), .array(let y)):
            return x.count == y.count && zip(x, y).allSatisfy { equal($0, $1) }
        default:
            return a == b
        }
    }

    static func describe(_ value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool(let flag): String(flag)
        case .number(let number): Formatting.number(number)
        case .string(let text): "\"\(text)\""
        case .array: "a list"
        case .object: "a mapping"
        }
    }
}

extension JSONValue {
    /// A YAML document as the JSON an editor's YAML support sees: plain scalars typed by the YAML 1.2 core
    /// schema (null, booleans, integers, floats), every other scalar a string.
    init(yaml node: YAMLNode?) {
        guard let node else {
            self = .null
            return
        }
        switch node {
        case .mapping(let mapping):
            self = .object(mapping.entries.map { Member(key: $0.key.value, value: JSONValue(yaml: $0.value)) })
        case .sequence(let sequence):
            self = .array(sequence.items.map { JSONValue(yaml: $0) })
        case .scalar(let scalar):
            if scalar.style == .plain && scalar.isNull {
                self = .null
            } else if let flag = scalar.bool {
                self = .bool(flag)
            } else if let number = scalar.double, number.isFinite {
                self = .number(number)
            } else {
                self = .string(scalar.value)
            }
        }
    }

    /// A YAML file read as JSON (see ``init(yaml:)``).
    init(yamlFile path: String) throws {
        self.init(yaml: try YAMLParser.parse(contentsOfFile: path).root)
    }
}
