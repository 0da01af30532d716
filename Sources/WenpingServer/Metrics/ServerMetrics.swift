import Prometheus
import Synchronization

/// The service's Prometheus metrics, in a registry of its own (so several servers in one test process do not
/// share counters): requests by method, route and status; latency by route; assessments by grade.
final class ServerMetrics: Sendable {
    let registry = PrometheusCollectorRegistry()
    static let buckets: [Duration] = [
        .microseconds(500), .milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10),
        .milliseconds(25), .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500),
        .seconds(1), .seconds(2.5), .seconds(5),
    ]

    func request(method: String, route: String, status: Int, duration: Duration) {
        registry.makeCounter(
            descriptor: MetricNameDescriptor(
                metricName: "wenping_http_requests", unitName: "total",
                helpText: "HTTP requests answered, by method, route pattern and status"),
            labels: [("method", method), ("route", route), ("status", String(status))]
        ).increment()
        registry.makeDurationHistogram(
            descriptor: MetricNameDescriptor(
                metricName: "wenping_http_request_duration", unitName: "seconds",
                helpText: "Time to answer a request, by route pattern"),
            labels: [("route", route)], buckets: Self.buckets
        ).record(duration)
    }

    /// One project graded; `stored` tells the ledger kept it (false for dry runs and batches).
    func assessment(grade: String, stored: Bool) {
        registry.makeCounter(
            descriptor: MetricNameDescriptor(
                metricName: "wenping_assessments", unitName: "total",
                helpText: "Projects graded, by grade after measures and whether the ledger stored them"),
            labels: [("grade", grade), ("stored", stored ? "true" : "false")]
        ).increment()
    }

    /// The text exposition format.
    func exposition() -> String { registry.emitToString() }
}
