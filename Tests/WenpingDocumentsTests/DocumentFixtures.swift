import Foundation
import Testing
import Wenping
import ZIPFoundation

/// Paths, projects and helpers shared by the document tests.
enum DocumentFixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path
    static let catalog = RuleSetCatalog(paths: [root + "/Rules"])

    /// Every graded example project (`Fixtures/projects/<kind>/<name>.yaml` with an `.expected.yaml`), relative to
    /// `Fixtures/projects`.
    static let projects: [String] = {
        let folder = root + "/Fixtures/projects"
        let files = (FileManager.default.enumerator(atPath: folder)?.allObjects as? [String]) ?? []
        return files.filter { $0.hasSuffix(".expected.yaml") }.sorted().map {
            $0.replacingOccurrences(of: ".expected.yaml", with: ".yaml")
        }
    }()

    static func assess(_ project: String) throws -> Assessment {
        let loaded = ProjectLoader(catalog: catalog).load(file: root + "/Fixtures/projects/" + project)
        let loadedProject = try #require(loaded.project, "\(loaded.diagnostics)")
        return Engine.evaluate(loadedProject)
    }

    /// The entries of a ZIP package: path, bytes, and the entry's modification date, in archive order.
    static func entries(_ bytes: [UInt8]) throws -> [(path: String, data: Data, date: Date)] {
        let archive = try Archive(data: Data(bytes), accessMode: .read)
        var out: [(String, Data, Date)] = []
        for entry in archive {
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            out.append((entry.path, data, entry.fileAttributes[.modificationDate] as? Date ?? .distantPast))
        }
        return out
    }

    /// A package as text for golden files: each part's path, then its XML with a line break between adjacent
    /// tags (so a diff shows which element changed; text content is untouched).
    static func canonical(_ bytes: [UInt8]) throws -> String {
        try entries(bytes).map { entry in
            let text = String(decoding: entry.data, as: UTF8.self).replacingOccurrences(of: "><", with: ">\n<")
            return "=== \(entry.path) ===\n\(text)"
        }.joined()
    }

    /// A temporary folder, removed by the caller.
    static func temporaryFolder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent(
            "wenping-documents-tests-\(getpid())-\(UInt64.random(in: 0...UInt64.max))"
        ).path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Whether a test needing an external tool must run: `.ci/run` sets `WENPING_REQUIRE_DOCUMENT_TOOLS=1` after
    /// installing LibreOffice and python-docx, so there a missing tool fails instead of skipping.
    static let toolsRequired = ProcessInfo.processInfo.environment["WENPING_REQUIRE_DOCUMENT_TOOLS"] == "1"

    /// The first executable named `name` on `PATH`.
    static func which(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(name)" }.first {
            FileManager.default.isExecutableFile(atPath: $0)
        }
    }

    /// Runs a program and returns its status and standard output (standard error is appended).
    static func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}

/// Compares `actual` with the golden file `Snapshots/<name>`; `RECORD_SNAPSHOTS=1` rewrites it instead.
func assertSnapshot(
    _ actual: String, named name: String, filePath: String = #filePath,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
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
