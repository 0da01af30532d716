import Foundation
import Testing

@testable import Wenping

/// Class 6 of issue 8: only regular files are read.
///
/// A FIFO, a device or a looping symbolic link is refused at once
/// with a message that says what it is (never "no permission" or "does not exist").
struct FileKindTests {
    static func fifo(in folder: String, named name: String) -> String {
        let path = folder + "/" + name
        #expect(mkfifo(path, 0o644) == 0)
        return path
    }

    @Test func fifoNamedLikeAProjectOrRuleFileIsRefusedWithoutBlocking() throws {
        let folder = try HardeningSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for name in ["p.yaml", "p.jsonl", "p.csv"] {
            let path = Self.fifo(in: folder, named: name)
            #expect(throws: FileSystem.Failure.self) { _ = try FileSystem.read(path, limit: 1 << 20) }
            do {
                _ = try FileSystem.read(path, limit: 1 << 20)
            } catch {
                #expect(error.code == .notARegularFile)
                #expect(error.description.contains("命名管道（FIFO）"))
            }
            #expect(throws: FileSystem.Failure.self) { _ = try ByteReader(path: path) }
        }
        let output = ProjectLoader(catalog: RuleSetCatalog(ruleSets: [])).load(file: folder + "/p.yaml")
        #expect(output.diagnostics.map(\.code) == [.notARegularFile])
        let check = RuleCheck.run(paths: [folder + "/p.yaml"])
        #expect(check.diagnostics.map(\.code) == [.notARegularFile], "\(check.diagnostics)")
    }

    @Test func devicesAndSymlinkLoopsGetTheirOwnMessages() throws {
        do {
            _ = try FileSystem.read("/dev/zero", limit: 1 << 20)
            Issue.record("/dev/zero was read")
        } catch {
            #expect(error.code == .notARegularFile && error.description.contains("设备文件"))
        }
        let folder = try HardeningSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createSymbolicLink(atPath: folder + "/a.yaml", withDestinationPath: "b.yaml")
        try FileManager.default.createSymbolicLink(atPath: folder + "/b.yaml", withDestinationPath: "a.yaml")
        do {
            _ = try FileSystem.read(folder + "/a.yaml", limit: 1 << 20)
            Issue.record("a symlink loop was read")
        } catch {
            #expect(error.code == .notARegularFile && error.description.contains("循环"))
        }
        do {
            _ = try FileSystem.read(folder + "/missing.yaml", limit: 1 << 20)
        } catch {
            #expect(error.code == .fileUnreadable && error.description == "文件不存在")
        }
    }
}
