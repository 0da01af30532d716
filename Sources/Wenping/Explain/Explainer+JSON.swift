extension Explainer {
    /// The explanation as JSON (schema `wenping/explanation/1`), for tools: the grades, every nearest fact change
    /// and every measure not yet adopted, each with the grades it leads to, and the Chinese text of ``explain``.
    ///
    /// Keys are in a fixed order and values come from the same re-evaluations as the text, so the same assessment
    /// gives byte-identical JSON.
    /// - Parameter factor: as for ``explain(_:factor:)``; check it first with ``checkFactor(_:in:)``.
    public static func explainJSON(_ assessment: Assessment, factor: String? = nil) -> String {
        let ruleSet = assessment.ruleSet
        let selected = factor.flatMap { id in ruleSet.factors.firstIndex { $0.id == id } }
        let context = Context(assessment: assessment, model: ReportModel(assessment), selected: selected)
        let (changes, options) = whatIfs(context)
        var json = JSONWriter()
        json.object { json in
            json.field("schema", "wenping/explanation/1")
            json.field("engine", "wenping " + WenpingVersion.current)
            json.key("project")
            json.object { json in
                json.field("id", assessment.project.id)
                json.field("name", assessment.project.name)
            }
            json.key("ruleset")
            json.object { json in
                json.field("id", ruleSet.id)
                json.field("version", ruleSet.version)
                json.field("digest", ruleSet.digest)
            }
            json.field("factor", factor)
            json.field("grade_before", assessment.gradeBefore)
            json.field("grade_after", assessment.gradeAfter)
            json.key("fact_changes")
            json.array { json in
                for change in changes { factChange(change, context, into: &json) }
            }
            json.key("measure_options")
            json.array { json in
                for option in options {
                    json.object { json in
                        json.field("factor", ruleSet.factors[option.factor].id)
                        json.field("measure", option.measure.id)
                        json.field("measure_label", option.measure.label)
                        outcome(option.result, context, into: &json)
                    }
                }
            }
            json.field("text", explain(assessment, factor: factor))
        }
        return json.output + "\n"
    }

    private static func factChange(_ change: WhatIf.FactChange, _ context: Context, into json: inout JSONWriter) {
        let ruleSet = context.ruleSet
        json.object { json in
            switch change.subject {
            case .factor(let index): json.field("factor", ruleSet.factors[index].id)
            case .floor(let index): json.field("floor", ruleSet.floors[index].id)
            }
            let input = ruleSet.inputs[change.slot]
            json.field("fact", input.name)
            json.field("fact_label", input.label)
            json.field("from", display(change.from, slot: change.slot, ruleSet))
            json.field("to", display(change.to, slot: change.slot, ruleSet))
            outcome(change.result, context, into: &json)
        }
    }

    /// The grades a re-evaluation gives and how the grade after measures moves: `lowers`, `raises` or `keeps`.
    private static func outcome(_ result: Assessment, _ context: Context, into json: inout JSONWriter) {
        json.field("grade_before", result.gradeBefore)
        json.field("grade_after", result.gradeAfter)
        let current = context.assessment.after.grade
        let direction = result.after.grade < current ? "lowers" : result.after.grade > current ? "raises" : "keeps"
        json.field("grade_after_change", direction)
    }
}
