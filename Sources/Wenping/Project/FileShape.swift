import WenpingYAML

/// What a YAML or JSON file looks like from its top-level keys, to tell someone who passed the wrong kind of
/// file (a rule file to `assess`, a project to `check`) in one line instead of a cascade of errors.
public enum FileShape: Sendable, Equatable {
    /// A project file: `facts` with `kind` or `jurisdiction`, and no rule-file sections.
    case project
    /// A rule file: `format: wenping/…` or rule sections (`factors`, `inputs`, `grades`, `scales`, `extends`…).
    case ruleFile
    /// A rule test file: `format: wenping-test/…` or `cases`.
    case ruleTest
    /// Not recognisably any of them (or not parseable).
    case unknown

    /// Top-level keys only rule files have.
    static let ruleKeys: Set<String> = [
        "factors", "inputs", "derived", "grades", "scales", "degrees", "aggregation", "floors", "applies_to",
        "extends", "measures_catalog", "count_rules",
    ]

    /// The shape of a parsed file's bytes; `unknown` when they do not parse or are not a mapping.
    public static func of(bytes: [UInt8]) -> FileShape {
        guard let document = try? YAMLParser.parse(bytes), case .mapping(let top)? = document.root else {
            return .unknown
        }
        let keys = Set(top.entries.map(\.key.value))
        let format = top.entries.first { $0.key.value == "format" }.flatMap { entry -> String? in
            if case .scalar(let scalar) = entry.value { return scalar.value }
            return nil
        }
        if format?.hasPrefix("wenping-test/") == true || (keys.contains("cases") && !keys.contains("facts")) {
            return .ruleTest
        }
        if format?.hasPrefix("wenping/") == true || keys.intersection(ruleKeys).count >= 2 { return .ruleFile }
        if keys.contains("facts") && (keys.contains("kind") || keys.contains("jurisdiction")) { return .project }
        return .unknown
    }

    /// What the shape is called in messages: “规则文件”, “项目文件”, “规则测试文件”.
    public var name: String {
        switch self {
        case .project: "项目文件"
        case .ruleFile: "规则文件"
        case .ruleTest: "规则测试文件"
        case .unknown: "未知文件"
        }
    }
}
