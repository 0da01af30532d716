/// JSON Schemas (draft 2020-12) of rule files and project files, for editors that validate and complete YAML.
///
/// The output is deterministic: fields in a fixed order, the same bytes for the same rules.
///
/// ```swift
/// let catalog = RuleSetCatalog(paths: ["Rules"])
/// let ruleSet = try SchemaGenerator.ruleSet(id: "national/house-expropriation", in: catalog)
/// print(SchemaGenerator.project(for: ruleSet), terminator: "")
/// ```
public enum SchemaGenerator {
    /// The schema of rule files (`wenping/1`), as JSON text ending in a newline.
    public static func rules() -> String {
        RuleFileSchema.document().text
    }

    /// The schema of project files, as JSON text ending in a newline.
    ///
    /// - Parameter ruleSet: the ruleset whose inputs the `facts` must match; nil allows any facts.
    public static func project(for ruleSet: CompiledRuleSet?) -> String {
        ProjectFileSchema.document(ruleSet: ruleSet).text
    }

    /// The ruleset with id `id` (not a base file).
    ///
    /// - Throws: ``UnknownRuleSet`` with a message in Chinese that suggests the closest id and lists the others.
    public static func ruleSet(id: String, in catalog: RuleSetCatalog) throws(UnknownRuleSet) -> CompiledRuleSet {
        if let ruleSet = catalog.ruleSet(id: id), !ruleSet.isBase { return ruleSet }
        let ids = catalog.ruleSets.filter { !$0.isBase }.map(\.id)
        var message = "没有 id 为“\(id)”的规则"
        if catalog.ruleSet(id: id)?.isBase == true { message = "“\(id)”是基础规则文件（没有 applies_to），不评估项目" }
        if let guess = suggestion(for: id, among: ids) { message += "。是否想写“\(guess)”？" }
        message += "；现有规则：\(ids.isEmpty ? "无" : ids.joined(separator: "、"))"
        throw UnknownRuleSet(message: message)
    }

    /// A ruleset id that names no ruleset; ``description`` says so in Chinese and suggests the closest id.
    public struct UnknownRuleSet: Error, CustomStringConvertible {
        public let message: String
        public var description: String { message }
    }
}
