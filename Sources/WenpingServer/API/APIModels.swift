import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import Wenping
import WenpingLedger

/// The JSON bodies the API answers with (field names as in `openapi.json`).
enum APIModels {
    struct Health: Encodable {
        var status = "ok"
        var rulesets: Int
        var engine: String
    }

    struct RuleSetInfo: Encodable {
        var id: String
        var title: String
        var version: String
        var effective: String?
        /// The first day this version is no longer in force (`YYYY-MM-DD`); `null` when it has no end.
        var expires: String?
        var jurisdiction: String
        var appliesTo: [String]
        /// `sha256:` followed by the hex digest, as reports carry it.
        var digest: String

        enum CodingKeys: String, CodingKey {
            case id, title, version, effective, expires, jurisdiction, appliesTo, digest
        }

        /// Like the synthesised encoding, but `effective` and `expires` are always written (`null` when the
        /// file gives no date), so a client sees the version's whole period.
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)
            try container.encode(title, forKey: .title)
            try container.encode(version, forKey: .version)
            try container.encode(effective, forKey: .effective)
            try container.encode(expires, forKey: .expires)
            try container.encode(jurisdiction, forKey: .jurisdiction)
            try container.encode(appliesTo, forKey: .appliesTo)
            try container.encode(digest, forKey: .digest)
        }
    }

    struct RuleSetList: Encodable {
        var rulesets: [RuleSetInfo]
    }

    struct ReviewInfo: Encodable {
        var id: Int64
        var reviewer: String
        var decision: String
        var adjustedGrade: String?
        var comment: String
        var createdAt: String

        init(_ record: ReviewRecord) {
            id = record.id
            reviewer = record.content.reviewer
            decision = record.content.decision.rawValue
            adjustedGrade = record.content.adjustedGrade
            comment = record.content.comment
            createdAt = record.createdAt
        }
    }

    struct AssessmentInfo: Encodable {
        var id: Int64
        var projectId: String
        var projectVersion: Int
        var ruleset: RuleSetRef
        var engineVersion: String
        var createdAt: String
        var createdBy: String
        var gradeBefore: String
        var gradeAfter: String
        var indexBefore: Double
        var indexAfter: Double
        /// The adjusted grade of the latest override, if a reviewer recorded one (never replaces `gradeAfter`).
        var reviewedGrade: String?
        var reviews: [ReviewInfo]
        var chainSeq: Int64
        var rowHash: String

        init(_ record: AssessmentRecord, reviews: [ReviewRecord]) {
            let content = record.content
            id = record.id
            projectId = content.projectID
            projectVersion = content.projectVersion
            ruleset = RuleSetRef(
                id: content.ruleSetID, version: content.ruleSetVersion, digest: "sha256:" + content.ruleSetDigest)
            engineVersion = content.engineVersion
            createdAt = record.createdAt
            createdBy = content.user
            gradeBefore = content.gradeBefore
            gradeAfter = content.gradeAfter
            indexBefore = content.indexBefore
            indexAfter = content.indexAfter
            reviewedGrade = reviews.last { $0.content.decision == .adjusted }?.content.adjustedGrade
            self.reviews = reviews.map(ReviewInfo.init)
            chainSeq = record.chainSeq
            rowHash = record.rowHash
        }
    }

    struct RuleSetRef: Encodable {
        var id: String
        var version: String
        var digest: String
    }

    struct StoredAssessment: Encodable {
        var projectId: String
        var projectVersion: Int
        var assessment: AssessmentInfo
    }

    struct VersionInfo: Encodable {
        var version: Int
        var name: String
        var contentDigest: String
        var createdAt: String
        var createdBy: String
    }

    struct ProjectHistory: Encodable {
        var projectId: String
        var name: String
        var versions: [VersionInfo]
        var assessments: [AssessmentInfo]
    }

    struct ProjectList: Encodable {
        struct Item: Encodable {
            var projectId: String
            var name: String
            var latestVersion: Int
            var createdAt: String
        }
        var projects: [Item]
    }

    struct UserInfo: Encodable {
        var id: Int64
        var name: String
        var role: String
        var createdAt: String

        init(_ user: LedgerUser) {
            id = user.id
            name = user.name
            role = user.role.rawValue
            createdAt = user.createdAt
        }
    }

    struct UserList: Encodable {
        var users: [UserInfo]
    }

    struct LoginResult: Encodable {
        var user: UserInfo
        var csrfToken: String
        /// Seconds the session lasts without use.
        var expiresIn: Int
    }

    struct Me: Encodable {
        var id: Int64
        var name: String
        var role: String
        var via: String
    }

    struct TokenInfo: Encodable {
        var id: Int64
        var name: String
        var role: String
        var createdAt: String
        var revokedAt: String?
        /// The secret, present only in the answer that creates the token.
        var token: String?

        init(_ token: LedgerToken, secret: String? = nil) {
            id = token.id
            name = token.name
            role = token.role.rawValue
            createdAt = token.createdAt
            revokedAt = token.revokedAt
            self.token = secret
        }
    }

    struct TokenList: Encodable {
        var tokens: [TokenInfo]
    }

    struct AuditList: Encodable {
        var entries: [AuditEntry]
    }

    struct ReloadResult: Encodable {
        var rulesets: [RuleSetInfo]
        var warnings: Int
    }
}

/// The JSON bodies the API accepts.
enum APIInputs {
    struct Login: Decodable {
        var name: String
        var password: String
    }

    struct NewUser: Decodable {
        var name: String
        var role: String
        var password: String
    }

    struct NewToken: Decodable {
        var name: String
        var role: String?
    }

    struct Review: Decodable {
        var decision: String
        var adjustedGrade: String?
        var comment: String?
    }
}
