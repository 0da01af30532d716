import ArgumentParser
import Foundation
import Wenping

/// Reads a grade given on the command line (`--fail-on`) as people write it: the grade's id (`高`) or its
/// label (`高风险`), with surrounding spaces ignored.
enum GradeOption {
    /// The grade id that `value` names in the rulesets of `catalog`.
    /// - Throws: a usage error listing the grades (ids and labels) when `value` names none.
    static func resolve(_ value: String, option: String = "--fail-on", in catalog: RuleSetCatalog) throws -> String {
        let value = value.trimmingCharacters(in: .whitespaces)
        var pairs: [(id: String, label: String)] = []
        for ruleSet in catalog.ruleSets {
            for (id, label) in zip(ruleSet.gradeIDs, ruleSet.gradeLabels) where !pairs.contains(where: { $0.id == id })
            {
                pairs.append((id, label))
            }
        }
        if let match = pairs.first(where: { $0.id == value || $0.label == value }) { return match.id }
        let known = pairs.map { $0.label == $0.id ? $0.id : "\($0.id)（\($0.label)）" }.joined(separator: "、")
        throw ValidationError("\(option) 的等级“\(value)”不存在；可用：\(known)")
    }
}
