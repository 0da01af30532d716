import Foundation
import Testing

@testable import WenpingServer

/// Where the service finds its templates: beside the executable, installed or built, never in the folder the
/// binary happened to be built in.
struct ServerResourcesTests {
    @Test func theInstalledFolderComesFirstThenTheBundleBesideTheBinaryElseNone() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("resources-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let executable = root.appendingPathComponent("bin/wenping").path
        try FileManager.default.createDirectory(
            at: root.appendingPathComponent("bin"), withIntermediateDirectories: true)
        #expect(ServerResources.locate(executable: executable) == nil)
        #expect(ServerResources.locate(executable: nil) == nil)

        let bundle = root.appendingPathComponent("bin/wenping_WenpingServer.resources/Resources")
        try FileManager.default.createDirectory(at: bundle, withIntermediateDirectories: true)
        try Data("{}".utf8).write(to: bundle.appendingPathComponent("openapi.json"))
        #expect(ServerResources.locate(executable: executable)?.path == bundle.standardizedFileURL.path)

        let installed = root.appendingPathComponent("share/wenping/server")
        try FileManager.default.createDirectory(at: installed, withIntermediateDirectories: true)
        try Data("{}".utf8).write(to: installed.appendingPathComponent("openapi.json"))
        #expect(ServerResources.locate(executable: executable)?.path == installed.standardizedFileURL.path)
    }

    /// The test runner finds the bundle SwiftPM built beside it, with the templates the pages use.
    @Test func theRunningProcessFindsItsTemplates() throws {
        let folder = try #require(ServerResources.folder)
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("templates/layout.mustache").path))
    }
}
