import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

@testable import WenpingLedger
@testable import WenpingServer

@Suite("Security")
struct SecurityTests {
    @Test func unauthenticatedAndWrongRoleRequestsAreDenied() async throws {
        let fixture = try await ServerFixture()
        defer { fixture.remove() }
        try await fixture.test { client in
            let anonymous = try await client.call(.post, "/api/v1/projects", ServerFixture.project)
            #expect(anonymous.status == .unauthorized)
            #expect(anonymous.json["code"] as? String == "E703")
            for (method, path) in [
                (HTTPRequest.Method.get, "/api/v1/projects"), (.get, "/api/v1/assessments/1"), (.get, "/api/v1/users"),
                (.post, "/api/v1/rulesets/reload"), (.get, "/api/v1/audit"), (.get, "/api/v1/me"),
            ] {
                #expect(try await client.call(method, path).status == .unauthorized, "\(path)")
            }
            let admin = try await client.admin()
            let reviewer = try await client.user("wang", role: "审核", admin: admin)
            let preparer = try await client.user("li", role: "编制", admin: admin)
            let denied = try await client.call(.post, "/api/v1/projects", ServerFixture.project, as: reviewer)
            #expect(denied.status == .forbidden)
            #expect(denied.json["code"] as? String == "E704")
            let saved = try await client.call(.post, "/api/v1/projects", ServerFixture.project, as: preparer)
            let id = try #require((saved.json["assessment"] as? [String: Any])?["id"] as? Int)
            let selfReview = try await client.call(
                .post, "/api/v1/assessments/\(id)/reviews", #"{"decision": "通过", "comment": "自审"}"#, as: preparer)
            #expect(selfReview.status == .forbidden)
            #expect(try await client.call(.post, "/api/v1/rulesets/reload", as: preparer).status == .forbidden)
            #expect(try await client.call(.get, "/api/v1/users", as: reviewer).status == .forbidden)
            let escalate = try await client.call(.post, "/api/v1/tokens", #"{"name": "x", "role": "管理"}"#, as: preparer)
            #expect(escalate.status == .forbidden)
        }
    }

    @Test func sessionWritesWithoutTheCSRFTokenAreRejected() async throws {
        let fixture = try await ServerFixture()
        defer { fixture.remove() }
        try await fixture.test { client in
            let admin = try await client.admin()
            let preparer = try await client.user("li", role: "编制", admin: admin)
            let missing = try await client.call(
                .post, "/api/v1/projects", ServerFixture.project, as: preparer, csrf: false)
            #expect(missing.status == .forbidden)
            #expect(missing.json["code"] as? String == "E705")
            var forged = preparer
            forged.csrf = String(repeating: "0", count: 64)
            #expect(
                try await client.call(.post, "/api/v1/projects", ServerFixture.project, as: forged).status == .forbidden
            )
            let form = try await client.call(
                .post, "/api/v1/logout", "_csrf=wrong", as: preparer, csrf: false,
                headers: [.contentType: "application/x-www-form-urlencoded"])
            #expect(form.status == .forbidden)
            let formOK = try await client.call(
                .post, "/api/v1/logout", "_csrf=\(preparer.csrf ?? "")", as: Caller(cookie: preparer.cookie),
                csrf: false, headers: [.contentType: "application/x-www-form-urlencoded"])
            #expect(formOK.status == .noContent)
            // Reads need no CSRF token; the ended session no longer works.
            let after = try await client.call(.get, "/api/v1/me", as: preparer)
            #expect(after.status == .unauthorized)
            #expect(after.json["code"] as? String == "E710")
        }
        #expect(try await fixture.state.ledger.projects(limit: 10, offset: 0).isEmpty)
    }

    @Test func sessionCookieIsHttpOnlySecureAndStrict() async throws {
        let fixture = try await ServerFixture()
        defer { fixture.remove() }
        try await fixture.test { client in
            let response = try await client.call(
                .post, "/api/v1/login", #"{"name": "admin", "password": "\#(ServerFixture.adminPassword)"}"#)
            let cookie = response.headers[.setCookie] ?? ""
            #expect(cookie.contains("HttpOnly") && cookie.contains("Secure") && cookie.contains("SameSite=Strict"))
            let admin = try await client.admin()
            fixture.state.sessions.expire(secret: admin.cookie ?? "")
            let expired = try await client.call(.get, "/api/v1/me", as: admin)
            #expect(expired.status == .unauthorized)
            #expect(expired.json["code"] as? String == "E710")
        }
    }

    @Test func tokensAreHashedScopedAndRevocable() async throws {
        let fixture = try await ServerFixture()
        defer { fixture.remove() }
        try await fixture.test { client in
            let admin = try await client.admin()
            let created = try await client.call(.post, "/api/v1/tokens", #"{"name": "档案系统", "role": "编制"}"#, as: admin)
            #expect(created.status == .created)
            let secret = try #require(created.json["token"] as? String)
            let tokenID = try #require(created.json["id"] as? Int)
            let system = Caller(bearer: secret)
            let me = try await client.call(.get, "/api/v1/me", as: system)
            #expect(me.json["role"] as? String == "编制")
            #expect(me.json["via"] as? String == "token")
            // A token needs no CSRF token (it is not sent by browsers on their own).
            #expect(
                try await client.call(.post, "/api/v1/projects", ServerFixture.project, as: system).status == .created)
            // Scoped: the admin's token with the 编制 role cannot manage users.
            #expect(try await client.call(.get, "/api/v1/users", as: system).status == .forbidden)
            let listed = try await client.call(.get, "/api/v1/tokens", as: admin)
            #expect(!listed.text.contains(secret))
            #expect(try await client.call(.delete, "/api/v1/tokens/\(tokenID)", as: admin).status == .noContent)
            let revoked = try await client.call(.get, "/api/v1/me", as: system)
            #expect(revoked.status == .unauthorized)
            #expect(revoked.json["code"] as? String == "E710")
            #expect(try await client.call(.get, "/api/v1/me", as: Caller(bearer: "wp_guess")).status == .unauthorized)
        }
        let stored = try await fixture.state.ledger.tokens(userID: 1)
        #expect(stored.count == 1 && stored[0].tokenHash.count == 64)
    }

    @Test func loginIsRateLimited() async throws {
        let fixture = try await ServerFixture { $0.loginAttempts = 3 }
        defer { fixture.remove() }
        try await fixture.test { client in
            for _ in 0..<3 {
                let wrong = try await client.call(
                    .post, "/api/v1/login", #"{"name": "admin", "password": "wrong-password"}"#)
                #expect(wrong.status == .unauthorized)
                #expect(wrong.json["code"] as? String == "E708")
            }
            let throttled = try await client.call(
                .post, "/api/v1/login", #"{"name": "admin", "password": "\#(ServerFixture.adminPassword)"}"#)
            #expect(throttled.status == .tooManyRequests)
            #expect(throttled.json["code"] as? String == "E709")
            #expect(throttled.headers[.retryAfter] != nil)
        }
    }

    @Test func injectionStringsAreStoredAsTextAndMarkupIsEscaped() async throws {
        let fixture = try await ServerFixture()
        defer { fixture.remove() }
        let hostileID = "P-1'; DROP TABLE assessments; --"
        let hostileName = "<script>alert('xss')</script><img src=x onerror=alert(1)>"
        try await fixture.test { client in
            let admin = try await client.admin()
            let preparer = try await client.user("li", role: "编制", admin: admin)
            let reviewer = try await client.user("wang\"><script>alert(2)</script>", role: "审核", admin: admin)
            let saved = try await client.call(
                .post, "/api/v1/projects", ServerFixture.project(id: hostileID, name: hostileName), as: preparer)
            #expect(saved.status == .created, "\(saved.text)")
            #expect(saved.json["projectId"] as? String == hostileID)
            let id = try #require((saved.json["assessment"] as? [String: Any])?["id"] as? Int)
            let review = try await client.call(
                .post, "/api/v1/assessments/\(id)/reviews",
                #"{"decision": "退回", "comment": "<b onmouseover=alert(3)>补充材料</b>"}"#,
                as: reviewer)
            #expect(review.status == .created)
            let path = "/api/v1/projects/" + hostileID.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
            let history = try await client.call(.get, path, as: preparer)
            #expect(history.json["projectId"] as? String == hostileID)
            let html = try await client.call(.get, "/api/v1/assessments/\(id)/report?format=html", as: preparer)
            #expect(html.status == .ok)
            #expect(!html.text.contains("<script>alert"))
            #expect(!html.text.contains("<img src=x"))
            #expect(!html.text.contains("<b onmouseover"))
            #expect(html.text.contains("&lt;script&gt;"))
            #expect(html.headers[.contentSecurityPolicy]?.contains("default-src 'none'") == true)
            let markdown = try await client.call(.get, "/api/v1/assessments/\(id)/report?format=md", as: preparer)
            #expect(!markdown.text.contains("<b onmouseover"))
            // JSON keeps the text exactly (it is data, not a page) and is never sniffed as HTML.
            let json = try await client.call(.get, "/api/v1/assessments/\(id)/report", as: preparer)
            #expect((json.json["project"] as? [String: Any])?["name"] as? String == hostileName)
            #expect(json.headers[.contentType]?.hasPrefix("application/json") == true)
            #expect(json.headers[HTTPField.Name("X-Content-Type-Options")!] == "nosniff")
        }
        #expect(try await fixture.state.ledger.verify().isIntact)
        #expect(try await fixture.state.ledger.versions(projectID: hostileID).count == 1)
    }

    @Test(arguments: [
        "/api/v1/assessments/..%2F..%2Fetc%2Fpasswd/report", "/api/v1/assessments/../../etc/passwd/report",
        "/api/v1/assessments/1%00/report", "/api/v1/assessments/-1/report", "/api/v1/assessments/0x1/report",
        "/api/v1/rulesets/..%2F..%2Fetc%2Fpasswd/schema", "/api/v1/rulesets/../../../etc/passwd/schema",
    ])
    func pathTraversalOnDownloadsFindsNothing(path: String) async throws {
        let fixture = try await ServerFixture()
        defer { fixture.remove() }
        try await fixture.test { client in
            let admin = try await client.admin()
            let response = try await client.call(.get, path, as: admin)
            #expect(response.status == .notFound || response.status == .badRequest, "\(path): \(response.status)")
            #expect(!response.text.contains("root:"))
        }
    }
}
