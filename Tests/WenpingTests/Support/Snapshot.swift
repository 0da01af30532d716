import Foundation
import Testing

/// Compares `actual` with the golden file `Snapshots/<name>` beside the calling test file; with
/// `RECORD_SNAPSHOTS=1` in the environment it rewrites the golden file instead (review the diff before committing).
func assertSnapshot(
    _ actual: String, named name: String, filePath: String = #filePath,
    sourceLocation: SourceLocation = #_sourceLocation
) throws {
    let folder = URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")
    let path = folder.appendingPathComponent(name).path
    if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try actual.write(toFile: path, atomically: true, encoding: .utf8)
    }
    let expected = try String(contentsOfFile: path, encoding: .utf8)
    #expect(
        actual == expected, "snapshot \(name) differs; RECORD_SNAPSHOTS=1 swift test re-records it",
        sourceLocation: sourceLocation)
}
