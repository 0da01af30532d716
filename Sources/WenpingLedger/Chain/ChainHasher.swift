import Crypto

/// The canonical content of chain rows and the hash that links them.
///
/// Canonical content is one line per field in a fixed order, `name=<UTF-8 byte count>:value`, so no value can
/// forge a field boundary. A row's hash is SHA-256 over the previous row's hash (hex), a newline, and its
/// canonical content. The first row's previous hash is ``genesis``.
enum ChainHasher {
    static let genesis = String(repeating: "0", count: 64)

    static func canonical(_ fields: [(String, String)]) -> String {
        var text = ""
        for (name, value) in fields {
            text += "\(name)=\(value.utf8.count):\(value)\n"
        }
        return text
    }

    static func rowHash(previous: String, fields: [(String, String)]) -> String {
        hex(Array((previous + "\n" + canonical(fields)).utf8))
    }

    static func hex(_ bytes: [UInt8]) -> String {
        SHA256.hash(data: bytes).map { byte in
            let digits = Array("0123456789abcdef")
            return String([digits[Int(byte >> 4)], digits[Int(byte & 0xf)]])
        }.joined()
    }

    /// Doubles in canonical form: Swift's shortest round-tripping text, so the same bits give the same text.
    static func number(_ value: Double) -> String { "\(value)" }

    static func fields(_ record: AssessmentRecord) -> [(String, String)] {
        let content = record.content
        return [
            ("table", "assessments"), ("id", "\(record.id)"), ("chain_seq", "\(record.chainSeq)"),
            ("project_id", content.projectID), ("project_version", "\(content.projectVersion)"),
            ("ruleset_id", content.ruleSetID), ("ruleset_version", content.ruleSetVersion),
            ("ruleset_digest", content.ruleSetDigest), ("engine_version", content.engineVersion),
            ("created_at", record.createdAt), ("created_by", content.user),
            ("grade_before", content.gradeBefore), ("grade_after", content.gradeAfter),
            ("index_before", number(content.indexBefore)), ("index_after", number(content.indexAfter)),
            ("report_json", content.reportJSON),
        ]
    }

    static func fields(_ record: ReviewRecord) -> [(String, String)] {
        let content = record.content
        return [
            ("table", "reviews"), ("id", "\(record.id)"), ("chain_seq", "\(record.chainSeq)"),
            ("assessment_id", "\(content.assessmentID)"), ("reviewer", content.reviewer),
            ("decision", content.decision.rawValue), ("adjusted_grade", content.adjustedGrade ?? ""),
            ("has_adjusted_grade", content.adjustedGrade == nil ? "0" : "1"), ("comment", content.comment),
            ("created_at", record.createdAt),
        ]
    }
}
