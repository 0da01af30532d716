import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdCore
import HummingbirdTLS
public import Logging
import NIOCore
import NIOSSL
import ServiceLifecycle
import Synchronization
import UnixSignals
import Wenping
import WenpingDocuments
import WenpingLedger

/// Why the service could not start, in Chinese, with the exit status the CLI should use.
public struct StartFailure: Error, CustomStringConvertible, Sendable {
    public var description: String
    /// 2 when the rules have errors, 4 for files (ledger, TLS, password file), 64 for bad settings.
    public var exitCode: Int32
}

/// The assessment service: opens the ledger, compiles the rules, creates the first administrator, then serves
/// HTTP (or HTTPS) until SIGINT or SIGTERM, finishing requests in flight and closing the ledger cleanly.
public enum WenpingService {
    /// Opens the ledger, compiles the rules and makes sure an administrator exists.
    ///
    /// - Parameter announce: receives the one-time administrator password line when one is generated.
    static func prepare(
        _ configuration: ServerConfiguration, logger: Logger, announce: @Sendable (String) -> Void
    ) async throws(StartFailure) -> ServiceState {
        if (configuration.tlsCertificate == nil) != (configuration.tlsKey == nil) {
            throw StartFailure(description: "--tls-cert 和 --tls-key 须同时给出", exitCode: 64)
        }
        guard ServerResources.folder != nil else {
            throw StartFailure(
                description:
                    "找不到服务的页面模板和静态文件（应在 wenping 所在目录的 ../share/wenping/server）；请用 make install 重新安装",
                exitCode: 4)
        }
        let catalog = RuleSetCatalog(paths: configuration.rules)
        let errors = catalog.diagnostics.filter { $0.severity == .error }
        if !errors.isEmpty || catalog.ruleSets.isEmpty {
            let text =
                errors.isEmpty
                ? "规则目录 \(configuration.rules.joined(separator: "、")) 中没有规则"
                : DiagnosticFormatter(sources: catalog.sources).format(errors) + "规则文件有错误，服务未启动；请先运行 wenping check 修正"
            throw StartFailure(description: text, exitCode: 2)
        }
        let documents = try documentRenderer(configuration, logger: logger)
        let ledger: SQLiteLedger
        do {
            ledger = try SQLiteLedger(path: configuration.ledger)
        } catch {
            throw StartFailure(description: error.description, exitCode: 4)
        }
        let state = ServiceState(
            configuration: configuration, ledger: ledger, catalog: catalog, logger: logger, documents: documents)
        try await createFirstAdministrator(state, announce: announce)
        await markInterruptedJobs(state)
        return state
    }

    /// Reads every batch job folder once: the job list's order (``ServiceState/batchJobs``), and the jobs that
    /// were running when the service last stopped, which are marked interrupted (their pages say so and offer to
    /// run the stored input again), each with a warning in the log and a line in the audit log.
    static func markInterruptedJobs(_ state: ServiceState) async {
        let now = ISO8601DateFormatter().string(from: Date())
        let folder = state.configuration.jobsFolder
        let all = BatchJob.list(jobsFolder: folder, limit: Int.max)
        state.batchJobs.replace(with: all)
        let jobs = BatchJob.markInterrupted(all, jobsFolder: folder, at: now, logger: state.logger)
        for job in jobs {
            let detail =
                job.progress.map { "\($0.done) of about \($0.estimate) inputs done before the service stopped" }
                ?? "stopped with no readable progress file: how many inputs were done is not known"
            state.logger.warning(
                "batch job interrupted by the last shutdown",
                metadata: [
                    "job": "\(job.id)", "done": "\(job.progress.map { String($0.done) } ?? "unknown")",
                    "estimate": "\(job.progress.map { String($0.estimate) } ?? "unknown")",
                ])
            try? await state.ledger.audit(
                actor: "system", action: "batch.interrupted", target: "batch:\(job.id)",
                detail: detail)
        }
    }

    /// The office's templates, checked (an error stops the start, status 64), and the PDF converter: the one
    /// configured (not found: status 4; `none` for no PDF), else the first on `PATH`, else none (PDF requests
    /// then answer 503).
    static func documentRenderer(_ configuration: ServerConfiguration, logger: Logger) throws(StartFailure)
        -> DocumentRenderer
    {
        let templates = ReportTemplates(folder: configuration.reportTemplates)
        if templates.hasErrors {
            let text = DiagnosticFormatter(sources: templates.sources).format(templates.diagnostics)
            throw StartFailure(description: text + "报告模板有错误，服务未启动；请修正模板后重试", exitCode: 64)
        }
        var converter: PDFConverter?
        if configuration.pdfConverter == "none" { return DocumentRenderer(templates: templates) }
        do {
            converter = try PDFConverter.locate(configuration.pdfConverter)
        } catch {
            if configuration.pdfConverter != nil { throw StartFailure(description: "\(error)", exitCode: 4) }
            logger.warning("\(error)；PDF 报告请求将答复 503")
        }
        return DocumentRenderer(templates: templates, converter: converter)
    }

    static func createFirstAdministrator(_ state: ServiceState, announce: @Sendable (String) -> Void)
        async throws(StartFailure)
    {
        do {
            guard try await state.ledger.userCount() == 0 else { return }
            var password: String
            var generated = false
            if let file = state.configuration.adminPasswordFile {
                guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
                    throw StartFailure(description: "无法读取管理员密码文件“\(file)”", exitCode: 4)
                }
                password = text.trimmingCharacters(in: .newlines)
                guard password.count >= 12 else {
                    throw StartFailure(description: "管理员密码文件“\(file)”中的密码至少 12 个字符", exitCode: 64)
                }
            } else {
                password = Secrets.onetimePassword()
                generated = true
            }
            let hash = Secrets.hashPassword(password, cost: state.configuration.bcryptCost)
            _ = try await state.ledger.createUser(name: "admin", role: .administrator, passwordHash: hash, by: "system")
            if generated {
                announce("已创建管理员账户 admin，一次性密码：\(password)\n（只显示这一次；请妥善保管，或下次用 --admin-password-file 指定）\n")
            }
            password = ""
        } catch let failure as StartFailure {
            throw failure
        } catch {
            throw StartFailure(description: "\(error)", exitCode: 4)
        }
    }

    /// The HTTP application for `state` (no TLS), for tests and for ``run(_:logger:announce:)``.
    static func application(
        _ state: ServiceState, server: HTTPServerBuilder = .http1(),
        onRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        let (router, _) = APIRoutes(state: state).router()
        return Application(
            router: router, server: server,
            configuration: ApplicationConfiguration(
                address: .hostname(state.configuration.host, port: state.configuration.port), serverName: "wenping"),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? 0) },
            logger: state.logger)
    }

    /// The route table (method, path), for checking the OpenAPI document.
    static func routeTable(_ state: ServiceState) -> RouteTable { APIRoutes(state: state).router().1 }

    /// Runs until SIGINT or SIGTERM; returns the exit status for the signal that stopped it (130 or 143).
    public static func run(
        _ configuration: ServerConfiguration, logger: Logger, announce: @escaping @Sendable (String) -> Void
    ) async throws -> Int32 {
        let state = try await prepare(configuration, logger: logger, announce: announce)
        var server = HTTPServerBuilder.http1()
        if let certificate = configuration.tlsCertificate, let key = configuration.tlsKey {
            do {
                let chain = try NIOSSLCertificate.fromPEMFile(certificate).map {
                    NIOSSLCertificateSource.certificate($0)
                }
                let privateKey = try NIOSSLPrivateKey(file: key, format: .pem)
                let tls = TLSConfiguration.makeServerConfiguration(
                    certificateChain: chain, privateKey: .privateKey(privateKey))
                server = try .tls(.http1(), tlsConfiguration: tls)
            } catch {
                throw StartFailure(description: "无法读取 TLS 证书或私钥（\(certificate)、\(key)）：\(error)", exitCode: 4)
            }
        }
        let scheme = configuration.usesTLS ? "https" : "http"
        let app = application(state, server: server) { port in
            announce("wenping 评估服务已启动：\(scheme)://\(configuration.host):\(port)（账本 \(configuration.ledger)）\n")
        }
        let group = ServiceGroup(
            configuration: .init(
                services: [.init(service: LedgerCloser(ledger: state.ledger)), .init(service: app)],
                gracefulShutdownSignals: [], logger: logger))
        let received = ReceivedSignal()
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask {
                for await signal in await UnixSignalsSequence(trapping: .sigint, .sigterm) {
                    received.value.withLock { $0 = signal }
                    logger.info("shutting down", metadata: ["signal": "\(signal)"])
                    await group.triggerGracefulShutdown()
                    break
                }
            }
            try await group.run()
            tasks.cancelAll()
        }
        return received.value.withLock { $0 } == .sigint ? 130 : 143
    }
}

/// The signal that stopped the service, shared between the signal task and ``WenpingService/run``.
final class ReceivedSignal: Sendable {
    let value = Mutex<UnixSignal?>(nil)
}

/// Closes the ledger after the HTTP server (started after it, so shut down after it) has finished its requests.
struct LedgerCloser: Service {
    let ledger: any LedgerStore

    func run() async throws {
        try? await gracefulShutdown()
        try await ledger.close()
    }
}
