import Foundation
import Testing
import WenpingYAML

/// Parses `text`, recording a test issue and returning `nil` if it fails.
func parseRoot(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> YAMLNode? {
    do {
        return try YAMLParser.parse(text).root
    } catch {
        Issue.record("unexpected error \(error)", sourceLocation: sourceLocation)
        return nil
    }
}

/// The error parsing `text` throws, or `nil` (with a test issue) if it parses.
func parseError(
    _ text: String, limits: YAMLLimits = .default, sourceLocation: SourceLocation = #_sourceLocation
) -> YAMLError? {
    parseError(Array(text.utf8), limits: limits, sourceLocation: sourceLocation)
}

/// The error parsing `bytes` throws, or `nil` (with a test issue) if they parse.
func parseError(
    _ bytes: [UInt8], limits: YAMLLimits = .default, sourceLocation: SourceLocation = #_sourceLocation
) -> YAMLError? {
    do {
        _ = try YAMLParser.parse(bytes, limits: limits)
        Issue.record("expected an error", sourceLocation: sourceLocation)
        return nil
    } catch {
        return error
    }
}

/// The first scalar found under `path` (mapping keys or sequence indexes written as strings) in `node`.
func scalar(_ node: YAMLNode?, _ path: String...) -> YAMLNode.Scalar? {
    var current = node
    for step in path {
        switch current {
        case .mapping(let mapping)?: current = mapping[step]
        case .sequence(let sequence)?:
            guard let index = Int(step), sequence.items.indices.contains(index) else { return nil }
            current = sequence.items[index]
        default: return nil
        }
    }
    if case .scalar(let scalar)? = current { return scalar }
    return nil
}

/// A mark, written compactly.
func mark(_ line: Int, _ column: Int, _ offset: Int) -> YAMLMark {
    YAMLMark(line: line, column: column, offset: offset)
}

extension Duration {
    /// The CPU time the calling thread spends in `body`.
    ///
    /// Not wall time: other processes on a busy machine (parallel tests, other builds) can stretch wall time
    /// without limit, but not the work `body` itself does, which is what the limits of these tests are about.
    static func cpuTime(_ body: () throws -> Void) rethrows -> Duration {
        func now() -> Duration {
            var time = timespec()
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
            return .seconds(time.tv_sec) + .nanoseconds(time.tv_nsec)
        }
        let start = now()
        try body()
        return now() - start
    }
}
