import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import Wenping
import WenpingLedger

/// The difference between two stored assessments of one project: which facts, measures, rules, factor degrees
/// and grades changed. Read from the stored JSON reports, so it works across rule versions.
extension APIRoutes {
    struct Change: Encodable {
        var name: String
        var label: String
        var from: String?
        var to: String?
    }

    struct AssessmentDiff: Encodable {
        var projectId: String
        var from: Int64
        var to: Int64
        var projectVersions: [Int]
        var rulesetChanged: Bool
        var ruleset: [APIModels.RuleSetRef]
        var grades: [Change]
        var facts: [Change]
        var measuresAdded: [String]
        var measuresRemoved: [String]
        var factors: [Change]
        /// The name of each added or removed measure, keyed by its id; not part of the API's JSON.
        ///
        /// The name the newer report gives an added measure and the older report a removed one (the ruleset that
        /// knew it), the other report's name otherwise; absent when neither report names it.
        var measureLabels: [String: String] = [:]

        private enum CodingKeys: String, CodingKey {
            case projectId, from, to, projectVersions, rulesetChanged, ruleset, grades, facts, measuresAdded
            case measuresRemoved, factors
        }
    }

    /// `GET /api/v1/projects/{projectId}/diff?from=A&to=B` (assessment ids of that project).
    func projectDiff(_ request: Request, _ context: WenpingRequestContext) async throws -> Response {
        _ = try context.require(.read, "查看项目")
        let project = try projectID(context)
        guard let fromID = request.uri.queryParameters.get("from", as: Int64.self),
            let toID = request.uri.queryParameters.get("to", as: Int64.self)
        else { throw Problem.malformed("请用 from 和 to 给出两个评估记录编号（整数）") }
        return try JSONText.response(try await diff(project: project, from: fromID, to: toID))
    }

    /// The difference between assessments `fromID` and `toID` of `project` (also shown by the workbench).
    func diff(project: String, from fromID: Int64, to toID: Int64) async throws -> AssessmentDiff {
        let (old, _) = try await storedAssessment(fromID)
        let (new, _) = try await storedAssessment(toID)
        guard old.content.projectID == project, new.content.projectID == project else {
            throw Problem.notFound("评估记录 \(fromID) 或 \(toID) 不属于项目“\(project)”")
        }
        let before = Self.parse(old.content.reportJSON)
        let after = Self.parse(new.content.reportJSON)
        var grades: [Change] = []
        for (name, label) in [("grade_before", "措施前等级"), ("grade_after", "落实措施后等级")] {
            let a = Self.string((before["conclusion"] as? [String: Any])?[name])
            let b = Self.string((after["conclusion"] as? [String: Any])?[name])
            if a != b { grades.append(Change(name: name, label: label, from: a, to: b)) }
        }
        let facts = Self.compare(
            before["facts"], after["facts"], key: "name", label: "label", value: { Self.string($0["display"]) })
        let factors = Self.compare(
            before["factors"], after["factors"], key: "id", label: "label",
            value: { factor in
                let applicability =
                    switch Self.string(factor["applicability"]) {
                    case "applies": "适用"
                    case "not_applicable": "不适用"
                    case "assumed_applicable": "缺少数据，按适用"
                    case "assumed_not_applicable": "缺少数据，按不适用"
                    case let other: other ?? "—"
                    }
                let degree = { (point: String) in
                    Self.string(((factor[point] as? [String: Any])?["degree"] as? [String: Any])?["label"]) ?? "—"
                }
                return "\(applicability)；措施前 \(degree("before"))，措施后 \(degree("after"))"
            })
        let oldMeasures = Set(((before["project"] as? [String: Any])?["measures"] as? [String]) ?? [])
        let newMeasures = Set(((after["project"] as? [String: Any])?["measures"] as? [String]) ?? [])
        let oldLabels = Self.measureLabels(before)
        let newLabels = Self.measureLabels(after)
        let added = newMeasures.subtracting(oldMeasures).sorted()
        let removed = oldMeasures.subtracting(newMeasures).sorted()
        var labels: [String: String] = [:]
        for id in added { labels[id] = newLabels[id] ?? oldLabels[id] }
        for id in removed { labels[id] = oldLabels[id] ?? newLabels[id] }
        let refs = [old, new].map {
            APIModels.RuleSetRef(
                id: $0.content.ruleSetID, version: $0.content.ruleSetVersion,
                digest: "sha256:" + $0.content.ruleSetDigest)
        }
        return AssessmentDiff(
            projectId: project, from: fromID, to: toID,
            projectVersions: [old.content.projectVersion, new.content.projectVersion],
            rulesetChanged: old.content.ruleSetDigest != new.content.ruleSetDigest, ruleset: refs, grades: grades,
            facts: facts, measuresAdded: added, measuresRemoved: removed, factors: factors, measureLabels: labels)
    }

    /// The name of each measure a stored JSON report lists under its factors, keyed by id (the first name given,
    /// in report order, when a measure serves several factors).
    static func measureLabels(_ report: [String: Any]) -> [String: String] {
        var labels: [String: String] = [:]
        for factor in (report["factors"] as? [[String: Any]]) ?? [] {
            for measure in (factor["measures"] as? [[String: Any]]) ?? [] {
                guard let id = string(measure["id"]), labels[id] == nil, let label = string(measure["label"]),
                    !label.isEmpty
                else { continue }
                labels[id] = label
            }
        }
        return labels
    }

    static func parse(_ json: String) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(json.utf8))) as? [String: Any] ?? [:]
    }

    static func string(_ value: Any?) -> String? {
        switch value {
        case let text as String: text
        case let number as NSNumber: number.stringValue
        default: nil
        }
    }

    /// Entries of two report arrays matched by `key`, those whose `value` differs (or that one side lacks).
    static func compare(
        _ old: Any?, _ new: Any?, key: String, label: String, value: ([String: Any]) -> String?
    ) -> [Change] {
        let oldItems = (old as? [[String: Any]]) ?? []
        let newItems = (new as? [[String: Any]]) ?? []
        var order: [String] = []
        var labels: [String: String] = [:]
        var values: [String: (String?, String?)] = [:]
        for item in oldItems {
            guard let name = string(item[key]) else { continue }
            order.append(name)
            labels[name] = string(item[label]) ?? name
            values[name] = (value(item), nil)
        }
        for item in newItems {
            guard let name = string(item[key]) else { continue }
            if values[name] == nil { order.append(name) }
            labels[name] = string(item[label]) ?? name
            values[name] = (values[name]?.0, value(item))
        }
        return order.compactMap { name in
            guard let (a, b) = values[name], a != b else { return nil }
            return Change(name: name, label: labels[name] ?? name, from: a, to: b)
        }
    }
}
