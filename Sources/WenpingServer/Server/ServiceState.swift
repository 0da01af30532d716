import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import Synchronization
import Wenping
import WenpingDocuments
import WenpingLedger

/// What every route shares: the configuration, the ledger, the rules in force, sessions, the login limiter,
/// metrics and batch jobs.
///
/// The rules are swapped whole on reload: a request sees either the old catalog or the new one. Rulesets of
/// earlier catalogs are kept by digest so that assessments made under them can still be rendered.
final class ServiceState: Sendable {
    let configuration: ServerConfiguration
    let ledger: any LedgerStore
    let sessions: SessionStore
    let limiter: LoginLimiter
    let metrics: ServerMetrics
    /// The batch jobs in list order (filled at start, added to as jobs are made).
    let batchJobs = BatchJobIndex()
    let logger: Logger
    /// Word and PDF reports: the office's templates, the PDF converter found at start (if any).
    let documents: DocumentRenderer
    /// PDF conversions running now; at most one per core, so anonymous dry runs cannot queue up converters.
    let conversions = Mutex(0)
    private let current: Mutex<RuleSetCatalog>
    private let byDigest: Mutex<[String: CompiledRuleSet]>
    private let reloadOutcome = Mutex<ReloadOutcome?>(nil)

    init(
        configuration: ServerConfiguration, ledger: any LedgerStore, catalog: RuleSetCatalog, logger: Logger,
        documents: DocumentRenderer = DocumentRenderer()
    ) {
        self.configuration = configuration
        self.documents = documents
        self.ledger = ledger
        self.logger = logger
        sessions = SessionStore(lifetime: configuration.sessionLifetime)
        limiter = LoginLimiter(attempts: configuration.loginAttempts, window: configuration.loginWindow)
        metrics = ServerMetrics()
        current = Mutex(catalog)
        byDigest = Mutex(Dictionary(catalog.ruleSets.map { ($0.digest, $0) }, uniquingKeysWith: { first, _ in first }))
    }

    /// The rules in force now.
    var catalog: RuleSetCatalog { current.withLock { $0 } }

    /// Replaces the rules in force (the caller has checked they compile clean).
    func swap(_ catalog: RuleSetCatalog) {
        current.withLock { $0 = catalog }
        byDigest.withLock { table in
            for ruleSet in catalog.ruleSets where table[ruleSet.digest] == nil { table[ruleSet.digest] = ruleSet }
        }
    }

    /// The result of the last reload since start, nil when there was none.
    var lastReload: ReloadOutcome? {
        get { reloadOutcome.withLock { $0 } }
        set { reloadOutcome.withLock { $0 = newValue } }
    }

    /// A ruleset loaded at any time since start, by its digest (hex, without `sha256:`).
    func ruleSet(digest: String) -> CompiledRuleSet? { byDigest.withLock { $0[digest] } }

    /// Runs a ledger call, turning its errors into problems.
    func ledgerCall<T>(_ body: (any LedgerStore) async throws(LedgerError) -> T) async throws(Problem) -> T {
        do {
            return try await body(ledger)
        } catch {
            switch error {
            case .conflict(let message): throw Problem(.conflict, .conflict, "记录已存在", detail: message)
            case .notFound(let message): throw Problem.notFound(message)
            case .invalid(let message): throw Problem(.unprocessableContent, .reviewInvalid, "请求不合规", detail: message)
            case .unavailable, .storage:
                logger.error("ledger failure", metadata: ["error": "\(error.description)"])
                throw Problem.ledger(LedgerFailure(message: "账本暂时无法读写；请稍后重试，或请管理员查看服务日志"))
            }
        }
    }

    /// The request body, at most ``ServerConfiguration/maxBodyBytes`` bytes.
    func collectBody(_ request: Request) async throws(Problem) -> ByteBuffer {
        do {
            return try await request.body.collect(upTo: configuration.maxBodyBytes)
        } catch {
            throw Problem.tooLarge(limit: configuration.maxBodyBytes)
        }
    }

    /// Logs a refused request (who, what, why) at notice level.
    func logDenied(_ request: Request, _ context: WenpingRequestContext, reason: String) {
        context.logger.notice(
            "denied",
            metadata: [
                "reason": .string(reason), "method": .string(request.method.rawValue),
                "path": .string(request.uri.path), "client": .string(context.clientAddress),
            ])
    }
}
