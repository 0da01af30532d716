import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import Testing

@testable import WenpingLedger
@testable import WenpingServer

/// A service on a fresh ledger in a temporary folder, with the repository's rules and a known admin password.
struct ServerFixture {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path
    static let adminPassword = "admin-password-123"
    /// A valid project (Xi'an house expropriation), as a dossier system would send it.
    static let project = #"""
        {"id": "XA-2025-002", "name": "长安区某某路拓宽工程房屋征收", "kind": "house_expropriation", "jurisdiction": "中国/陕西省/西安市", "location": "西安市长安区某某街道", "applicant": "长安区房屋征收办公室", "scale": "被征收房屋 180 户", "facts": {"households": 180, "purpose": "基础设施建设", "plan_conformity": true, "in_annual_plan": true, "comment_period_days": 35, "funds_in_place": true, "offered_price": 7475, "market_price": 6500, "resettlement_housing_ready": true, "transition_months": 12, "opposition_rate": 0.03, "survey_coverage": 0.98, "petitions_5y": 0, "media_sentiment": "无负面舆情", "emergency_plan": true}, "measures": ["opinion-monitoring"]}
        """#

    let folder: String
    let state: ServiceState

    /// - Parameter existing: the folder of an earlier fixture, to start the service again on its ledger (a
    ///   restart); a new folder when nil.
    init(
        rules: [String]? = nil, existing: String? = nil, configure: (inout ServerConfiguration) -> Void = { _ in }
    ) async throws {
        folder = existing ?? NSTemporaryDirectory() + "wenping-server-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let passwordFile = folder + "/admin-password"
        try Self.adminPassword.write(toFile: passwordFile, atomically: true, encoding: .utf8)
        var configuration = ServerConfiguration()
        configuration.port = 0
        configuration.ledger = folder + "/wenping.sqlite"
        configuration.rules = rules ?? [Self.root + "/Rules"]
        configuration.adminPasswordFile = passwordFile
        configuration.bcryptCost = 4
        configure(&configuration)
        var logger = Logger(label: "wenping.test")
        logger.logLevel = .critical
        state = try await WenpingService.prepare(configuration, logger: logger, announce: { _ in })
    }

    func remove() { try? FileManager.default.removeItem(atPath: folder) }

    /// Runs `body` against the service through Hummingbird's router test client.
    func test(_ body: @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        try await WenpingService.application(state).test(.router) { client in try await body(client) }
    }

    static func project(id: String = "XA-2025-002", name: String = "长安区某某路拓宽工程房屋征收", households: Int = 180)
        -> String
    {
        project.replacingOccurrences(of: "\"XA-2025-002\"", with: JSONLiteral.string(id))
            .replacingOccurrences(of: "\"长安区某某路拓宽工程房屋征收\"", with: JSONLiteral.string(name))
            .replacingOccurrences(of: "\"households\": 180", with: "\"households\": \(households)")
    }
}

enum JSONLiteral {
    static func string(_ text: String) -> String {
        String(decoding: try! JSONEncoder().encode(text), as: UTF8.self)
    }
}

/// A signed-in caller: a session cookie with its CSRF token, or a bearer token.
struct Caller: Sendable {
    var cookie: String?
    var csrf: String?
    var bearer: String?

    func headers(csrf includeCSRF: Bool = true) -> HTTPFields {
        var fields: HTTPFields = [.contentType: "application/json"]
        if let cookie { fields[.cookie] = "wenping_session=\(cookie)" }
        if includeCSRF, let csrf { fields[HTTPField.Name("X-CSRF-Token")!] = csrf }
        if let bearer { fields[.authorization] = "Bearer \(bearer)" }
        return fields
    }
}

extension TestClientProtocol {
    @discardableResult
    func call(
        _ method: HTTPRequest.Method, _ uri: String, _ body: String? = nil, as caller: Caller? = nil,
        csrf: Bool = true, headers extra: HTTPFields = [:]
    ) async throws -> TestResponse {
        var headers = caller?.headers(csrf: csrf) ?? [.contentType: "application/json"]
        for field in extra { headers[field.name] = field.value }
        return try await execute(
            uri: uri, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) })
    }

    func login(_ name: String, _ password: String) async throws -> Caller {
        let response = try await call(
            .post, "/api/v1/login",
            #"{"name": \#(JSONLiteral.string(name)), "password": \#(JSONLiteral.string(password))}"#)
        #expect(response.status == .ok, "login \(name): \(String(buffer: response.body))")
        let setCookie = response.headers[.setCookie] ?? ""
        let cookie = setCookie.split(separator: ";").first.map { String($0.dropFirst("wenping_session=".count)) }
        let json = try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any]
        return Caller(cookie: cookie, csrf: json?["csrfToken"] as? String)
    }

    func admin() async throws -> Caller { try await login("admin", ServerFixture.adminPassword) }

    /// Creates a user with `role` (as admin) and signs them in.
    func user(_ name: String, role: String, admin: Caller) async throws -> Caller {
        let password = "password-\(name)-123"
        let response = try await call(
            .post, "/api/v1/users",
            #"{"name": \#(JSONLiteral.string(name)), "role": "\#(role)", "password": \#(JSONLiteral.string(password))}"#,
            as: admin)
        #expect(response.status == .created, "\(String(buffer: response.body))")
        return try await login(name, password)
    }
}

extension TestResponse {
    var json: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(body.readableBytesView))) as? [String: Any] ?? [:]
    }
    var text: String { String(buffer: body) }
}
