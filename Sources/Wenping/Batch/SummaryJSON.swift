import Foundation

/// The `summary.json` of a batch (schema `wenping/batch-summary/1`): the totals, then one row per input in input
/// order.
///
/// Written in three parts so that rows can be streamed: ``head(_:)`` (everything before the rows, known only at
/// the end), each ``row(_:)`` (after `\n` or `,\n`), and ``tail(empty:)``. Field order is fixed and the same
/// batch gives the same bytes.
enum SummaryJSON {
    static let schema = "wenping/batch-summary/1"

    /// Everything up to and including the opening `[` of `rows`.
    static func head(_ summary: BatchSummary) -> String {
        var writer = JSONWriter()
        writer.object { json in
            json.field("schema", schema)
            json.field("engine", WenpingVersion.current)
            json.field("interrupted", summary.interrupted)
            json.key("counts")
            json.object { json in
                json.field("total", summary.total)
                json.field("graded", summary.graded)
                json.field("invalid", summary.invalid)
                json.field("incomplete", summary.incomplete)
            }
            json.key("grades_before")
            distribution(summary.distributionBefore, &json)
            json.key("grades_after")
            distribution(summary.distributionAfter, &json)
            json.key("rulesets")
            json.array { json in
                for ruleSet in summary.ruleSetsUsed {
                    json.object { json in
                        json.field("id", ruleSet.id)
                        json.field("version", ruleSet.version)
                        json.field("digest", "sha256:" + ruleSet.digest)
                    }
                }
            }
            json.field("formats", strings: summary.formats)
        }
        // Reopen the finished object to append the rows member.
        return String(writer.output.dropLast(2)) + ",\n  \"rows\": ["
    }

    /// One row, indented to sit inside `rows`, without the separator before it.
    static func row(_ row: BatchRow) -> String {
        String(decoding: rowBytes(row), as: UTF8.self)
    }

    /// ``row(_:)`` as UTF-8 bytes, as the summary file gets it (no detour through `String`).
    static func rowBytes(_ row: BatchRow) -> [UInt8] {
        var writer = JSONWriter(baseDepth: 2, capacity: 1024)
        writer.object { json in
            json.field("sequence", row.sequence)
            json.field("status", row.isGraded ? "graded" : "invalid")
            json.field("file", row.file)
            json.key("line")
            if let line = row.line { json.int(line) } else { json.null() }
            json.field("id", row.id)
            json.field("name", row.name)
            json.field("kind", row.kind)
            json.field("kind_label", row.kindLabel)
            json.field("jurisdiction", row.jurisdiction)
            let grading = row.isGraded ? row.grading : nil
            json.field("ruleset", grading?.ruleSet.id)
            json.field("ruleset_version", grading?.ruleSet.version)
            json.key("version_choice")
            if let choice = grading?.versionChoice { choice.write(&json) } else { json.null() }
            json.field("grade_before", grading?.gradeBefore)
            json.field("grade_after", grading?.gradeAfter)
            json.key("index_before")
            if let grading { json.number(grading.indexBefore) } else { json.null() }
            json.key("index_after")
            if let grading { json.number(grading.indexAfter) } else { json.null() }
            json.field("main_factors", strings: grading == nil ? [] : row.mainFactorIDs)
            json.key("complete")
            if let grading { json.bool(grading.missingFacts.isEmpty) } else { json.null() }
            json.field("missing_facts", strings: grading?.missingFacts ?? [])
            json.key("defaulted_facts")
            if let grading { json.int(grading.defaultedCount) } else { json.null() }
            json.field("reports", strings: row.reports)
            json.key("warnings")
            json.array { json in
                for warning in row.warnings {
                    json.object { json in
                        json.field("code", warning.code)
                        json.field("message", warning.message)
                    }
                }
            }
            json.key("error")
            if let issue = row.issue {
                json.object { json in
                    json.field("file", issue.file)
                    json.key("line")
                    if let line = issue.line { json.int(line) } else { json.null() }
                    json.field("message", issue.message)
                }
            } else {
                json.null()
            }
        }
        return Self.rowIndent + writer.bytes
    }

    /// The indentation of a row's first line (its later lines are indented by the writer's base depth).
    private static let rowIndent: [UInt8] = Array("    ".utf8)

    /// Closes `rows` and the document; `empty` when no row was written.
    static func tail(empty: Bool) -> String {
        empty ? "]\n}\n" : "\n  ]\n}\n"
    }

    private static func distribution(_ counts: [(grade: String, count: Int)], _ json: inout JSONWriter) {
        json.object { json in
            for (grade, count) in counts { json.field(grade, count) }
        }
    }
}
