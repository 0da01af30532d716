import Foundation
import Synchronization
import Testing

@testable import Wenping

/// Reports written whole or not at all: a first write and an overwrite leave exactly the file, with its bytes.
struct AtomicFileTests {
    @Test func writesANewFileAndOverwritesAnOldOneLeavingNothingElse() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("atomic-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/报告.json"
        try AtomicFile.write(Array("first\n".utf8), to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "first\n")
        try AtomicFile.write(Array("second, longer\n".utf8), to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "second, longer\n")
        try AtomicFile.write([], to: folder + "/empty.json")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["empty.json", "报告.json"])
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? Int).map { $0 & 0o600 } == 0o600)
    }

    #if os(Linux)
    /// Both ways of naming an unnamed file give the same files.
    ///
    /// By its descriptor, and through `/proc/self/fd` (taken after a refusal). Other tests may write meanwhile:
    /// either way is correct for them.
    @Test func anUnnamedFileIsLinkedByDescriptorOrThroughProc() throws {
        let folder = try BatchInputsTests.folder()
        defer {
            AtomicFile.linksByDescriptor.store(true, ordering: .relaxed)
            try? FileManager.default.removeItem(atPath: folder)
        }
        for byDescriptor in [false, true] {
            AtomicFile.linksByDescriptor.store(byDescriptor, ordering: .relaxed)
            let path = folder + "/\(byDescriptor).json"
            try AtomicFile.write(Array("new\n".utf8), to: path)
            try AtomicFile.write(Array("replaced\n".utf8), to: path)
            #expect(try String(contentsOfFile: path, encoding: .utf8) == "replaced\n")
            #expect(throws: FileSystem.Failure.self) { try AtomicFile.write([1], to: folder + "/absent/x.json") }
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["false.json", "true.json"])
    }
    #endif

    @Test func aMissingFolderIsAnErrorNamingThePath() {
        let path = "/nonexistent-\(UUID().uuidString)/r.json"
        #expect(throws: FileSystem.Failure.self) { try AtomicFile.write([1], to: path) }
        do {
            try AtomicFile.write([1], to: path)
        } catch {
            #expect("\(error)".contains(path))
        }
    }
}
