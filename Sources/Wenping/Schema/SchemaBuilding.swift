/// Small constructors shared by the schema builders, so each schema reads as a table of fields.
enum SchemaBuilding {
    /// The JSON Schema dialect every document declares.
    static let dialect: JSONValue = "https://json-schema.org/draft/2020-12/schema"

    /// A reference to `#/$defs/<name>`, optionally with a description of its own.
    static func ref(_ name: String, _ description: String? = nil) -> JSONValue {
        .fields(["$ref": .string("#/$defs/\(name)"), "description": description.map(JSONValue.string)])
    }

    /// A string field.
    static func text(_ description: String) -> JSONValue {
        .fields(["type": "string", "description": .string(description)])
    }

    /// A boolean field.
    static func boolean(_ description: String) -> JSONValue {
        .fields(["type": "boolean", "description": .string(description)])
    }

    /// A list whose items follow `items`.
    static func list(_ items: JSONValue, _ description: String? = nil) -> JSONValue {
        .fields(["type": "array", "description": description.map(JSONValue.string), "items": items])
    }

    /// A mapping with exactly the given fields (unknown fields are errors, as in the loader).
    static func closed(
        _ description: String?, required: [String] = [], _ properties: KeyValuePairs<String, JSONValue?>
    ) -> JSONValue {
        .fields([
            "type": "object",
            "description": description.map(JSONValue.string),
            "properties": .fields(properties),
            "required": required.isEmpty ? nil : .strings(required),
            "additionalProperties": false,
        ])
    }
}
