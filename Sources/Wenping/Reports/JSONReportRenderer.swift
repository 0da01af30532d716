/// Renders an assessment as the versioned JSON report (`docs/report-schema.md`).
///
/// Fields appear in a fixed order and numbers are rounded to six decimals, so the same assessment always gives
/// the same bytes.
public enum JSONReportRenderer {
    /// The schema identifier written as the report's first field.
    public static let schema = "wenping/assessment/2"

    public static func render(_ assessment: Assessment) -> String {
        render(ReportModel(assessment))
    }

    static func render(_ model: ReportModel) -> String {
        String(decoding: bytes(model), as: UTF8.self)
    }

    /// The report as UTF-8 bytes, ending with a newline: pretty-printed (the bytes of ``render(_:)-swift.type.method``)
    /// or, when `compact`, on one line without whitespace between tokens (the same value, so a JSON Lines line).
    public static func bytes(_ assessment: Assessment, compact: Bool = false) -> [UInt8] {
        bytes(ReportModel(assessment), compact: compact)
    }

    /// Bytes reserved for a report up front: more than most reports need, so the buffer seldom regrows.
    static let expectedSize = 96 << 10

    /// - Parameter cache: where runs that repeat across the ruleset's reports are kept (by default the ruleset's
    ///   shared cache); the bytes are the same with any cache or none.
    static func bytes(_ model: ReportModel, compact: Bool = false) -> [UInt8] {
        bytes(model, compact: compact, cache: JSONReportCache.shared(for: model.ruleSet))
    }

    static func bytes(_ model: ReportModel, compact: Bool, cache: JSONReportCache?) -> [UInt8] {
        var writer = JSONWriter(compact: compact, capacity: expectedSize, fragments: cache)
        writer.object { json in
            json.field("schema", schema)
            writeBanners(model, &json)
            writeProject(model, &json)
            writeProvenance(model, &json)
            json.key("facts")
            json.array { json in
                // Read in place, as factors are: a loop over the array would copy every fact (and retain its text).
                model.facts.withUnsafeBufferPointer { facts in
                    for index in facts.indices { write(facts.baseAddress! + index, slot: index, &json) }
                }
            }
            SurveyReportSection.writeJSON(model, &json)
            ExpertReportSection.writeJSON(model, &json)
            json.key("derived")
            json.array { json in
                let first = model.facts.count
                model.derived.withUnsafeBufferPointer { derived in
                    for index in derived.indices { write(derived.baseAddress! + index, slot: first + index, &json) }
                }
            }
            json.key("factors")
            json.array { json in
                var measureSlot = 0
                // Read in place: a loop over the array would copy every factor (and retain all its text).
                model.factors.withUnsafeBufferPointer { factors in
                    for index in factors.indices {
                        write(factors.baseAddress! + index, slot: index, measureSlot: &measureSlot, &json)
                    }
                }
            }
            json.key("before")
            write(model.before, &json)
            json.key("after")
            write(model.after, &json)
            json.key("floors")
            json.array { json in
                for floor in model.floors {
                    json.object { json in
                        json.field("id", floor.id)
                        json.field("label", floor.label)
                        json.field("grade", floor.grade)
                        json.field("basis", strings: floor.basis)
                        json.field("because", floor.because)
                        json.field("undecided", floor.undecided)
                        json.field("statement", floor.statement)
                    }
                }
            }
            json.key("conclusion")
            json.object { json in
                json.field("grade_before", model.before.grade)
                json.field("grade_after", model.after.grade)
                json.field("label", model.after.gradeLabel)
                json.field("decision", model.decision)
                json.field("decision_basis", strings: model.decisionBasis)
                json.field("may_proceed", model.mayProceed)
                json.field("main_factors", strings: model.mainFactors)
                json.key("meaning")
                if let meaning = model.gradeMeaning {
                    json.object { json in
                        json.field("grade", meaning.grade)
                        json.field("source", meaning.source)
                        json.field("text", meaning.text)
                    }
                } else {
                    json.null()
                }
                json.key("findings")
                json.array { json in
                    for finding in model.findings {
                        json.object { json in
                            json.field("category", finding.category)
                            json.field("text", finding.text)
                        }
                    }
                }
                json.key("recommendations")
                json.object { json in
                    json.field("required", strings: model.recommendations.required)
                    json.field("suggested", strings: model.recommendations.suggested)
                }
            }
            writeOutline(model, &json)
            json.field("warnings", strings: model.warnings)
        }
        writer.endLine()
        return writer.finished()
    }

    private static func writeProject(_ model: ReportModel, _ json: inout JSONWriter) {
        let project = model.project
        json.key("project")
        json.object { json in
            json.field("id", project.id)
            json.field("name", project.name)
            json.field("kind", project.kind)
            json.field("kind_label", model.kindLabel)
            json.field("jurisdiction", project.jurisdiction)
            json.field("jurisdiction_label", model.jurisdictionLabel)
            json.key("details")
            json.array { json in
                for detail in project.details {
                    json.object { json in
                        json.field("key", detail.key)
                        json.field("label", detail.label)
                        json.field("value", detail.value)
                    }
                }
            }
            json.field("measures", strings: project.measures)
        }
    }

    private static func writeProvenance(_ model: ReportModel, _ json: inout JSONWriter) {
        let block = RuleSetBlock(model.ruleSet, citations: model.citations)
        if let choice = model.project.versionChoice {
            block.write(versionChoice: choice, &json)
            json.key("provenance")
        } else {
            json.write(block, slot: 0)  // ends with the key `provenance`
        }
        json.object { json in
            json.field("engine", "wenping " + WenpingVersion.current)
            json.field("input_digest", "sha256:" + model.project.inputDigest)
        }
    }

    /// A fact; `slot` is its place among the report's facts and derived values (where a cache looks); read in
    /// place, as a factor is.
    private static func write(_ fact: UnsafePointer<ReportModel.Fact>, slot: Int, _ json: inout JSONWriter) {
        json.object { json in
            json.write(FactHead.self, of: fact, slot: slot)  // ends with the key `value`
            json.value(fact.pointee.value)
            json.field("display", fact.pointee.display)
            json.field("source", fact.pointee.source)
        }
    }

    /// A factor; `slot` is its index, `measureSlot` the place of its first measure among the report's measures
    /// (advanced past its own).
    ///
    /// Read through a pointer into the model's array: a factor is a large value (about 540 bytes of fields and
    /// references), and passing one by value copied it and retained every string in it.
    private static func write(
        _ factor: UnsafePointer<ReportModel.Factor>, slot: Int, measureSlot: inout Int, _ json: inout JSONWriter
    ) {
        json.object { json in
            json.write(FactorHead.self, of: factor, slot: slot)  // ends with the key `applicability`
            json.string(factor.pointee.applicability)
            if factor.pointee.source != "bands" { json.field("source", factor.pointee.source) }
            json.key("before")
            if factor.pointee.isApplicable {
                writeEstimate(of: factor, afterMeasures: false, slot: slot, &json)
            } else {
                json.null()
            }
            json.key("measures")
            json.array { json in
                factor.pointee.measures.withUnsafeBufferPointer { measures in
                    for index in measures.indices {
                        write(measures.baseAddress! + index, slot: measureSlot, &json)
                        measureSlot += 1
                    }
                }
            }
            json.key("after")
            if factor.pointee.isApplicable {
                writeEstimate(of: factor, afterMeasures: true, slot: slot, &json)
            } else {
                json.null()
            }
        }
    }

    /// A measure; `slot` is its place among the report's measures (read in place, as a factor is).
    private static func write(
        _ measure: UnsafePointer<ReportModel.Measure>, slot: Int, _ json: inout JSONWriter
    ) {
        json.object { json in
            json.write(MeasureHead.self, of: measure, slot: slot)  // ends with the key `adopted`
            json.bool(measure.pointee.adopted)
            json.field("outcome", measure.pointee.outcome)
        }
    }

    /// The factor's estimate before measures, or after them, its factor at `slot` (before and after measures
    /// share the slot: a band's text is the same); read in place, as the factor is.
    private static func writeEstimate(
        of factor: UnsafePointer<ReportModel.Factor>, afterMeasures: Bool, slot: Int, _ json: inout JSONWriter
    ) {
        // Read where it lies in the factor (a stored property, so it has an offset).
        let offset = afterMeasures ? Self.estimateOffsets.after : Self.estimateOffsets.before
        let estimate = (UnsafeRawPointer(factor) + offset).assumingMemoryBound(to: ReportModel.Estimate.self)
        json.object { json in
            json.write(EstimateHead.self, of: estimate, slot: slot)  // ends with the key `contribution`
            json.number(estimate.pointee.contribution)
        }
    }

    /// Where a factor's estimates before and after measures lie in it, in bytes.
    private static let estimateOffsets = (
        before: MemoryLayout<ReportModel.Factor>.offset(of: \.before)!,
        after: MemoryLayout<ReportModel.Factor>.offset(of: \.after)!
    )

    private static func write(_ outcome: ReportModel.Outcome, _ json: inout JSONWriter) {
        json.object { json in
            json.field("index", number: outcome.index)
            json.field("index_grade", outcome.indexGrade)
            json.key("rules")
            json.array { json in
                for rule in outcome.rules {
                    json.object { json in
                        json.field("id", rule.id)
                        json.field("grade", rule.grade)
                        json.field("because", rule.because)
                    }
                }
            }
            json.field("grade", outcome.grade)
            json.key("reasons")
            json.array { json in
                for reason in outcome.reasons {
                    json.object { json in
                        json.field("kind", reason.kind)
                        json.field("text", reason.text)
                        json.field("grade", reason.grade)
                        json.field("decisive", reason.decisive)
                        json.field("undecided", reason.undecided)
                    }
                }
            }
        }
    }

    /// Banners first, then the completeness that the `incomplete` banner summarises.
    private static func writeBanners(_ model: ReportModel, _ json: inout JSONWriter) {
        json.key("banners")
        json.array { json in
            for banner in model.banners {
                json.object { json in
                    json.field("kind", banner.kind)
                    json.field("title", banner.title)
                    json.field("lines", strings: banner.lines)
                }
            }
        }
        json.key("completeness")
        json.object { json in
            json.field("complete", model.isComplete)
            json.key("missing")
            json.array { json in
                for fact in model.missingFacts {
                    json.object { json in
                        json.field("name", fact.name)
                        json.field("label", fact.label)
                        json.field("effects", strings: fact.effects)
                    }
                }
            }
            json.key("defaulted")
            json.array { json in
                for fact in model.defaultedFacts {
                    json.object { json in
                        json.field("name", fact.name)
                        json.field("label", fact.label)
                        json.field("display", fact.display)
                    }
                }
            }
        }
    }

    /// The report-outline parts from the project file, `null` where the file gives none.
    private static func writeOutline(_ model: ReportModel, _ json: inout JSONWriter) {
        let outline = model.project.outline
        json.key("outline")
        json.object { json in
            json.field("report_number", outline.report.number)
            json.field("assessment_date", outline.report.date)
            json.field("client", outline.report.client)
            json.field("necessity", outline.overview.necessity)
            json.field("scheme", outline.overview.scheme)
            json.field("investment", outline.overview.investment)
            json.field("resettlement", outline.overview.resettlement)
            json.field("environment", outline.overview.environment)
            json.key("assessor")
            if let assessor = outline.assessor {
                json.object { json in
                    json.field("organisation", assessor.organisation)
                    json.field("role", assessor.role)
                    json.field("designated_by", assessor.designatedBy)
                    json.field("lead", assessor.lead)
                    json.key("members")
                    json.array { json in
                        for member in assessor.members {
                            json.object { json in
                                json.field("name", member.name)
                                json.field("role", member.role)
                            }
                        }
                    }
                    json.field("participants", strings: assessor.participants)
                }
            } else {
                json.null()
            }
            json.key("process")
            if let process = outline.process {
                json.object { json in
                    json.key("investigations")
                    json.array { json in
                        for item in process.investigations {
                            json.object { json in
                                json.field("method", item.method)
                                json.field("from", item.from)
                                json.field("to", item.to)
                                json.field("scope", item.scope)
                                json.key("sample")
                                if let sample = item.sample { json.number(Double(sample)) } else { json.null() }
                                json.key("responses")
                                if let responses = item.responses {
                                    json.number(Double(responses))
                                } else {
                                    json.null()
                                }
                            }
                        }
                    }
                    json.field("identification", strings: process.identification)
                }
            } else {
                json.null()
            }
            json.key("opinions")
            if let opinions = outline.opinions {
                json.array { json in
                    for opinion in opinions {
                        json.object { json in
                            json.field("source", opinion.source)
                            json.field("opinion", opinion.opinion)
                            json.key("adopted")
                            if let adopted = opinion.adopted { json.value(.bool(adopted)) } else { json.null() }
                            json.field("response", opinion.response)
                        }
                    }
                }
            } else {
                json.null()
            }
            json.key("emergency_response")
            if let plan = outline.emergency {
                json.object { json in
                    json.field("summary", plan.summary)
                    json.field("command", plan.command)
                    json.field("levels", strings: plan.levels)
                    json.field("contacts", strings: plan.contacts)
                }
            } else {
                json.null()
            }
            json.key("sign_off")
            if let signatures = outline.signOff {
                json.object { json in
                    for ((key, _), signature) in zip(ProjectOutline.signOffRoles, signatures) {
                        json.key(key)
                        json.object { json in
                            json.field("name", signature.name)
                            json.field("date", signature.date)
                        }
                    }
                }
            } else {
                json.null()
            }
        }
    }
}
