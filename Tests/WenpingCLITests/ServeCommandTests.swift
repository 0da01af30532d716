import Foundation
import Testing
import WenpingLedger

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Runs `wenping serve` as a real process on a loopback port: graceful shutdown, and a SIGKILL in the middle of a
/// write load after which `wenping ledger verify` must pass and every acknowledged assessment must be there.
@Suite("wenping serve", .serialized)
struct ServeCommandTests {
    /// A running server and what it printed.
    final class Server: @unchecked Sendable {
        let process = Process()
        let port: Int
        let folder: String
        var base: String { "http://127.0.0.1:\(port)" }

        init(folder: String, extra: [String] = []) throws {
            self.folder = folder
            try "serve-test-password".write(toFile: folder + "/admin-password", atomically: true, encoding: .utf8)
            process.executableURL = URL(fileURLWithPath: CommandLineTests.executable)
            process.arguments =
                [
                    "serve", "--port", "0", "--ledger", folder + "/wenping.sqlite", "--rules", "Rules",
                    "--admin-password-file", folder + "/admin-password", "--bcrypt-cost", "4", "--jobs-folder",
                    folder + "/jobs",
                ] + extra
            process.currentDirectoryURL = URL(fileURLWithPath: CommandLineTests.root)
            process.environment = ProcessInfo.processInfo.environment.merging(["LOG_LEVEL": "warning"]) { $1 }
            let err = Pipe()
            process.standardError = err
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            var text = ""
            var found: Int?
            let deadline = Date().addingTimeInterval(60)
            while found == nil, Date() < deadline {
                let data = err.fileHandleForReading.availableData
                if data.isEmpty { break }
                text += String(decoding: data, as: UTF8.self)
                if let range = text.range(of: "://127.0.0.1:") {
                    let digits = text[range.upperBound...].prefix { $0.isNumber }
                    if text[range.upperBound...].dropFirst(digits.count).first != nil { found = Int(digits) }
                }
            }
            guard let found else { throw Failure(message: "server did not start: \(text)") }
            port = found
        }

        func signal(_ number: Int32) -> Int32 {
            kill(process.processIdentifier, number)
            process.waitUntilExit()
            return process.terminationStatus
        }
    }

    struct Failure: Error {
        var message: String
    }

    /// One blocking HTTP request; (status, body).
    ///
    /// Status 0 when the connection failed.
    static func request(_ method: String, _ url: String, body: String? = nil, headers: [String: String] = [:])
        -> (Int, [String: Any])
    {
        var request = URLRequest(url: URL(string: url)!)
        request.httpMethod = method
        request.timeoutInterval = 10
        request.httpBody = body.map { Data($0.utf8) }
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        for (key, value) in headers { request.setValue(value, forHTTPHeaderField: key) }
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var result: (Int, [String: Any]) = (0, [:])
        URLSession.shared.dataTask(with: request) { data, response, _ in
            let status = (response as? HTTPURLResponse)?.statusCode ?? 0
            let json = data.flatMap { try? JSONSerialization.jsonObject(with: $0) as? [String: Any] } ?? [:]
            result = (status, json)
            done.signal()
        }.resume()
        done.wait()
        return result
    }

    static func folder() throws -> String {
        let folder = NSTemporaryDirectory() + "wenping-serve-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    /// Signs in as admin and makes a 编制 token.
    static func token(_ server: Server) throws -> String {
        var login = URLRequest(url: URL(string: server.base + "/api/v1/login")!)
        login.httpMethod = "POST"
        login.httpBody = Data(#"{"name": "admin", "password": "serve-test-password"}"#.utf8)
        login.setValue("application/json", forHTTPHeaderField: "Content-Type")
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var cookie = ""
        nonisolated(unsafe) var csrf = ""
        URLSession.shared.dataTask(with: login) { data, response, _ in
            let header = (response as? HTTPURLResponse)?.value(forHTTPHeaderField: "Set-Cookie") ?? ""
            cookie = String(header.split(separator: ";").first ?? "")
            let json = data.flatMap { try? JSONSerialization.jsonObject(with: $0) as? [String: Any] }
            csrf = json?["csrfToken"] as? String ?? ""
            done.signal()
        }.resume()
        done.wait()
        let (status, json) = request(
            "POST", server.base + "/api/v1/tokens", body: #"{"name": "load", "role": "编制"}"#,
            headers: ["Cookie": cookie, "X-CSRF-Token": csrf])
        guard status == 201, let token = json["token"] as? String else {
            throw Failure(message: "token: \(status) \(json)")
        }
        return token
    }

    static func project(_ index: Int) -> String {
        #"{"id": "KILL-\#(index % 25)", "name": "写入负载项目 \#(index)", "kind": "house_expropriation", "jurisdiction": "中国/陕西省/西安市", "facts": {"households": \#(100 + index), "purpose": "基础设施建设", "plan_conformity": true, "in_annual_plan": true, "comment_period_days": 35, "funds_in_place": true, "offered_price": 7475, "market_price": 6500, "resettlement_housing_ready": true, "transition_months": 12, "opposition_rate": 0.03, "survey_coverage": 0.98, "petitions_5y": 0, "media_sentiment": "无负面舆情", "emergency_plan": true}, "measures": []}"#
    }

    @Test func sigtermAndSigintShutDownGracefully() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for (signal, status) in [(SIGTERM, Int32(143)), (SIGINT, Int32(130))] {
            let server = try Server(folder: folder)
            #expect(Self.request("GET", server.base + "/healthz").0 == 200)
            #expect(server.signal(signal) == status)
        }
        let verify = try CommandLineTests.run(["ledger", "verify", folder + "/wenping.sqlite"])
        #expect(verify.status == 0)
    }

    @Test func killDuringWritesLeavesAVerifiableLedger() async throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let server = try Server(folder: folder)
        let token = try Self.token(server)
        let acknowledged = NSLock()
        nonisolated(unsafe) var ids: [Int] = []
        nonisolated(unsafe) var stop = false
        let writers = (0..<4).map { writer in
            Thread {
                var index = writer
                while !stop {
                    let (status, json) = Self.request(
                        "POST", server.base + "/api/v1/projects", body: Self.project(index),
                        headers: ["Authorization": "Bearer \(token)"])
                    if status == 201, let id = (json["assessment"] as? [String: Any])?["id"] as? Int {
                        acknowledged.withLock { ids.append(id) }
                    }
                    index += 4
                }
            }
        }
        for writer in writers { writer.start() }
        // Let the load build up, then kill the server without warning in the middle of it.
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline {
            let count = acknowledged.withLock { ids.count }
            if count >= 40 { break }
            usleep(20_000)
        }
        kill(server.process.processIdentifier, SIGKILL)
        server.process.waitUntilExit()
        stop = true
        try await Task.sleep(for: .milliseconds(500))
        let confirmed = acknowledged.withLock { ids }
        #expect(confirmed.count >= 10, "the load did not get going")

        let verify = try CommandLineTests.run(["ledger", "verify", folder + "/wenping.sqlite"])
        #expect(verify.status == 0, "\(verify.stderr)")
        #expect(verify.stdout.contains("账本完好"))
        let ledger = try SQLiteLedger(path: folder + "/wenping.sqlite", create: false)
        let report = try await ledger.verify()
        #expect(report.isIntact)
        // Every acknowledged assessment is there, each with its project version.
        for id in confirmed {
            let record = try #require(try await ledger.assessment(id: Int64(id)))
            #expect(
                try await ledger.projectVersion(
                    projectID: record.content.projectID, version: record.content.projectVersion) != nil)
        }
        let rows = report.rowsChecked
        try await ledger.close()

        // The service starts again on the same ledger and the chain goes on.
        let again = try Server(folder: folder)
        let next = Self.request(
            "POST", again.base + "/api/v1/projects", body: Self.project(999),
            headers: ["Authorization": "Bearer \(token)"])
        #expect(next.0 == 201)
        #expect(again.signal(SIGTERM) == 143)
        let after = try CommandLineTests.run(["ledger", "verify", folder + "/wenping.sqlite"])
        #expect(after.status == 0)
        #expect(after.stdout.contains("共校验 \(rows + 1) 行"))
    }

    static func tool(_ name: String) -> String? {
        ["/usr/bin/", "/bin/", "/usr/local/bin/"].map { $0 + name }.first {
            FileManager.default.isExecutableFile(atPath: $0)
        }
    }

    static func runTool(_ path: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// With `--tls-cert` and `--tls-key` the service speaks HTTPS only (a throwaway self-signed certificate).
    @Test(.enabled(if: tool("openssl") != nil && tool("curl") != nil))
    func tlsServesHTTPSOnly() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        _ = try Self.runTool(
            Self.tool("openssl")!,
            [
                "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", folder + "/key.pem", "-out",
                folder + "/cert.pem", "-days", "1", "-subj", "/CN=127.0.0.1",
            ])
        let server = try Server(
            folder: folder, extra: ["--tls-cert", folder + "/cert.pem", "--tls-key", folder + "/key.pem"])
        let https = try Self.runTool(Self.tool("curl")!, ["-sk", "https://127.0.0.1:\(server.port)/healthz"])
        #expect(https.contains("\"status\":\"ok\""))
        let plain = try Self.runTool(Self.tool("curl")!, ["-s", "http://127.0.0.1:\(server.port)/healthz"])
        #expect(!plain.contains("\"status\""))
        #expect(server.signal(SIGTERM) == 143)
    }

    @Test func ledgerCommandsReportBrokenAndMissingFiles() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let missing = try CommandLineTests.run(["ledger", "verify", folder + "/none.sqlite"])
        #expect(missing.status == 4)
        #expect(missing.stderr.contains("不存在"))
        try "not a database".write(toFile: folder + "/junk.sqlite", atomically: true, encoding: .utf8)
        #expect(try CommandLineTests.run(["ledger", "verify", folder + "/junk.sqlite"]).status == 4)
    }
}
