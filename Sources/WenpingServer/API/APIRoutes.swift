import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import Wenping
import WenpingLedger

/// The service's routes, registered on a Hummingbird router and listed in a ``RouteTable``.
///
/// Pages for people (the workbench) will be a second group of routes beside these, rendering Mustache templates
/// shipped in `Resources/`; they share the context, the auth middleware and the problem answers.
struct APIRoutes: Sendable {
    let state: ServiceState

    typealias Handler = @Sendable (Request, WenpingRequestContext) async throws -> Response

    /// Every route: method, path, handler.
    ///
    /// The OpenAPI document lists the same set (a test checks it).
    var all: [(HTTPRequest.Method, String, Handler)] {
        [
            (.get, "/healthz", health),
            (.get, "/metrics", metrics),
            (.get, "/api/v1/openapi.json", openAPI),
            (.post, "/api/v1/assess", assess),
            (.post, "/api/v1/survey", survey),
            (.get, "/api/v1/rulesets", ruleSetList),
            (.get, "/api/v1/rulesets/{rulesetId}/schema", ruleSetSchema),
            (.post, "/api/v1/rulesets/reload", reload),
            (.post, "/api/v1/projects", saveProject),
            (.get, "/api/v1/projects", projectList),
            (.get, "/api/v1/projects/{projectId}", projectHistory),
            (.get, "/api/v1/projects/{projectId}/diff", projectDiff),
            (.get, "/api/v1/assessments/{assessmentId}", assessmentInfo),
            (.get, "/api/v1/assessments/{assessmentId}/report", assessmentReport),
            (.post, "/api/v1/assessments/{assessmentId}/reviews", review),
            (.post, "/api/v1/login", login),
            (.post, "/api/v1/logout", logout),
            (.get, "/api/v1/me", me),
            (.get, "/api/v1/users", userList),
            (.post, "/api/v1/users", createUser),
            (.get, "/api/v1/tokens", tokenList),
            (.post, "/api/v1/tokens", createToken),
            (.delete, "/api/v1/tokens/{tokenId}", revokeToken),
            (.get, "/api/v1/audit", auditLog),
            (.post, "/api/v1/batches", createBatch),
            (.get, "/api/v1/batches/{jobId}", batchInfo),
            (.get, "/api/v1/batches/{jobId}/reports/{file}", batchReport),
        ]
    }

    /// A router with every route and the middleware stack: access log and metrics, problem answers, auth.
    func router() -> (Router<WenpingRequestContext>, RouteTable) {
        let router = Router(context: WenpingRequestContext.self)
        var table = RouteTable()
        for (method, path, _) in all { table.add(method.rawValue, path) }
        router.add(middleware: ObservabilityMiddleware(metrics: state.metrics))
        router.add(middleware: SecurityHeadersMiddleware())
        router.add(middleware: ProblemMiddleware(routes: table, maxBodyBytes: state.configuration.maxBodyBytes))
        router.add(middleware: AuthMiddleware(state: state))
        for (method, path, handler) in all {
            router.on(RouterPath(path), method: method) { request, context in try await handler(request, context) }
        }
        PageRoutes(state: state).register(on: router)
        return (router, table)
    }

    func health(_ request: Request, _ context: WenpingRequestContext) async throws -> Response {
        try JSONText.response(
            APIModels.Health(rulesets: state.catalog.ruleSets.count { !$0.isBase }, engine: WenpingVersion.current))
    }

    func metrics(_ request: Request, _ context: WenpingRequestContext) async throws -> Response {
        JSONText.text(state.metrics.exposition(), contentType: "text/plain; version=0.0.4; charset=utf-8")
    }

    func openAPI(_ request: Request, _ context: WenpingRequestContext) async throws -> Response {
        JSONText.text(OpenAPIDocument.text, contentType: "application/json; charset=utf-8")
    }
}

/// Headers every answer carries: no sniffing, no framing, no referrer leaks, no caching of API answers.
struct SecurityHeadersMiddleware: RouterMiddleware {
    typealias Context = WenpingRequestContext

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        var response = try await next(request, context)
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[HTTPField.Name("X-Frame-Options")!] = "DENY"
        response.headers[HTTPField.Name("Referrer-Policy")!] = "no-referrer"
        if response.headers[.cacheControl] == nil { response.headers[.cacheControl] = "no-store" }
        return response
    }
}

/// The committed OpenAPI 3.1 document (`Sources/WenpingServer/Resources/openapi.json`).
public enum OpenAPIDocument {
    public static let text: String = {
        guard let url = ServerResources.folder?.appendingPathComponent("openapi.json"),
            let data = try? Data(contentsOf: url)
        else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }()
}
