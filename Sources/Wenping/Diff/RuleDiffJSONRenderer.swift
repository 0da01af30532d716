/// Renders a ``RuleDiff`` as JSON for tools, with a stable field order.
///
/// Shape (`format: wenping-diff/1`): `old` and `new` (path and rulesets with version and digest), `summary`
/// (counts), `projects` (each with both results and the factor changes, `error_old`/`error_new` when a version
/// could not grade it) and `rulesets` (each with its structural `changes`: `section`, `kind`, `item`, `label`,
/// `field`, `old`, `new`). Levels and grades are given by label, indexes as numbers rounded to 4 decimals.
public enum RuleDiffJSONRenderer {
    public static let format = "wenping-diff/1"

    public static func render(_ diff: RuleDiff) -> String {
        var json = JSONWriter()
        json.object { json in
            json.field("format", format)
            for (key, path, pick) in [
                ("old", diff.oldPath, { (pair: RuleDiff.RuleSetPair) in pair.old }),
                ("new", diff.newPath, { (pair: RuleDiff.RuleSetPair) in pair.new }),
            ] {
                json.key(key)
                json.object { json in
                    json.field("path", path)
                    json.key("rulesets")
                    json.array { json in
                        for ruleSet in diff.ruleSets.compactMap(pick) {
                            json.object { json in
                                json.field("id", ruleSet.id)
                                json.field("version", ruleSet.version)
                                json.field("digest", ruleSet.digest)
                            }
                        }
                    }
                }
            }
            json.key("summary")
            json.object { json in
                json.field("projects", diff.projectCount)
                json.field("changed", diff.changedProjectCount)
                json.field("grade_changed", diff.projects.count { $0.gradeChanged })
                json.field("unchanged", diff.projectCount - diff.changedProjectCount)
                json.field("invalid", diff.invalidProjectCount)
            }
            json.key("projects")
            json.array { json in
                for project in diff.projects { write(project, &json) }
            }
            json.key("rulesets")
            json.array { json in
                for pair in diff.ruleSets { write(pair, &json) }
            }
        }
        return json.output + "\n"
    }

    private static func write(_ project: ProjectComparison, _ json: inout JSONWriter) {
        json.object { json in
            json.field("file", project.file)
            json.field("id", project.id)
            json.field("name", project.name)
            json.field("changed", project.isChanged)
            json.field("grade_changed", project.gradeChanged)
            for (key, assessment, error) in [
                ("old", project.old, project.oldError), ("new", project.new, project.newError),
            ] {
                json.key(key)
                guard let assessment else {
                    json.object { json in json.field("error", error) }
                    continue
                }
                json.object { json in
                    let ruleSet = assessment.ruleSet
                    json.field("ruleset", ruleSet.id)
                    json.field("grade_before", assessment.gradeBefore)
                    json.field("grade_after", assessment.gradeAfter)
                    json.key("index_before")
                    json.number(assessment.indexBefore, digits: 4)
                    json.key("index_after")
                    json.number(assessment.indexAfter, digits: 4)
                    json.field("floors", strings: assessment.floors.map { ruleSet.floors[$0].id })
                    for (name, bits) in [
                        ("rules_before", assessment.before.rules), ("rules_after", assessment.after.rules),
                    ] {
                        json.field(
                            name,
                            strings: ruleSet.aggregation.rules.indices.filter { bits & (1 << UInt64($0)) != 0 }
                                .map { ruleSet.aggregation.rules[$0].id })
                    }
                }
            }
            json.key("factors")
            json.array { json in
                for factor in project.factors {
                    json.object { json in
                        json.field("id", factor.id)
                        json.field("label", factor.label)
                        json.key("changes")
                        json.array { json in
                            for item in factor.items {
                                json.object { json in
                                    json.field("what", item.key)
                                    json.field("old", item.old)
                                    json.field("new", item.new)
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    private static func write(_ pair: RuleDiff.RuleSetPair, _ json: inout JSONWriter) {
        json.object { json in
            json.field("id", pair.id)
            let status =
                pair.old == nil ? "added" : pair.new == nil ? "removed" : pair.changes.isEmpty ? "unchanged" : "changed"
            json.field("status", status)
            json.field("old_version", pair.old?.version)
            json.field("new_version", pair.new?.version)
            json.key("changes")
            json.array { json in
                for change in pair.changes {
                    json.object { json in
                        json.field("section", change.section.rawValue)
                        json.field("kind", change.kind.rawValue)
                        json.field("item", change.item)
                        json.field("label", change.label)
                        json.field("field", change.field)
                        json.field("old", change.old)
                        json.field("new", change.new)
                    }
                }
            }
        }
    }
}
