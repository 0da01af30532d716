import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import Wenping
import WenpingLedger

/// The outermost middleware: one structured access-log line and the request metrics per request, after the
/// response (so the status is known; errors have already become problem responses inside).
struct ObservabilityMiddleware: RouterMiddleware {
    typealias Context = WenpingRequestContext
    let metrics: ServerMetrics

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let start = ContinuousClock.now
        let response = try await next(request, context)
        let duration = ContinuousClock.now - start
        let route = context.endpointPath ?? "unmatched"
        metrics.request(method: request.method.rawValue, route: route, status: response.status.code, duration: duration)
        let milliseconds = Double(duration.components.attoseconds) / 1e15 + Double(duration.components.seconds) * 1000
        context.logger.info(
            "request",
            metadata: [
                "method": .string(request.method.rawValue), "path": .string(request.uri.path),
                "status": .stringConvertible(response.status.code), "ms": .string(String(format: "%.2f", milliseconds)),
                "client": .string(context.clientAddress),
            ])
        return response
    }
}
