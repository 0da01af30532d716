import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import Wenping
import WenpingLedger

/// Turns every error into `application/problem+json`: Hummingbird's own (unknown route, wrong method, oversized
/// body) and unexpected ones (logged, answered as 500 without internals).
struct ProblemMiddleware: RouterMiddleware {
    typealias Context = WenpingRequestContext
    /// Every route's path pattern and its methods, to tell a wrong method (405) from an unknown path (404).
    let routes: RouteTable
    let maxBodyBytes: Int

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let problem as Problem {
            return try problem.response(from: request, context: context)
        } catch let error as HTTPError {
            return try translate(error, request: request).response(from: request, context: context)
        } catch {
            context.logger.error("unexpected error", metadata: ["error": "\(String(reflecting: error))"])
            return try Problem(
                .internalServerError, .ledgerFailure, "服务内部错误",
                detail: "服务处理请求时出错，已记入日志；请稍后重试，或把请求编号 \(context.id) 告知管理员"
            ).response(from: request, context: context)
        }
    }

    func translate(_ error: HTTPError, request: Request) -> Problem {
        switch error.status {
        case .notFound:
            let allowed = routes.methods(forPath: request.uri.path)
            if !allowed.isEmpty {
                return .methodNotAllowed(request.method.rawValue, allowed: allowed)
            }
            return .notFound("没有地址 \(request.uri.path)；接口列表见 /api/v1/openapi.json")
        case .contentTooLarge:
            return .tooLarge(limit: maxBodyBytes)
        case .badRequest:
            return .malformed(error.body ?? "请求无法解析")
        default:
            return Problem(error.status, .requestMalformed, error.status.reasonPhrase, detail: error.body ?? "请求无法处理")
        }
    }
}

/// The service's routes as (method, path pattern), the source for 405 answers and for checking the OpenAPI
/// document covers every route.
struct RouteTable: Sendable {
    private(set) var entries: [(method: String, path: String)] = []

    mutating func add(_ method: String, _ path: String) { entries.append((method, path)) }

    /// The methods registered for a concrete path (`{id}` segments match anything).
    func methods(forPath path: String) -> [String] {
        let segments = path.split(separator: "/", omittingEmptySubsequences: true)
        return entries.filter { entry in
            let pattern = entry.path.split(separator: "/", omittingEmptySubsequences: true)
            return pattern.count == segments.count
                && zip(pattern, segments).allSatisfy { $0.hasPrefix("{") || $0 == $1 }
        }.map(\.method).sorted()
    }
}
