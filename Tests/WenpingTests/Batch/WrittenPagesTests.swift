import Foundation
import Testing

@testable import Wenping

/// The report files a worker holds open until their pages may leave the page cache (``WrittenPages``).
@Suite struct WrittenPagesTests {
    /// The inode a descriptor refers to, or `nil` when it is not open.
    static func inode(_ descriptor: Int32) -> UInt64? {
        var info = stat()
        return fstat(descriptor, &info) == 0 ? UInt64(info.st_ino) : nil
    }

    /// The inode of the file at `path`.
    static func inode(_ path: String) -> UInt64? {
        var info = stat()
        return stat(path, &info) == 0 ? UInt64(info.st_ino) : nil
    }

    /// Files handed over are whole at their paths at once; only the last `depth` stay open, and none after
    /// ``WrittenPages/finish()``. (A closed descriptor is recognised by its inode: another test may reuse the
    /// number, never for the same file.)
    @Test func handedOverFilesAreWholeAndOnlyTheLastFewStayOpen() throws {
        let folder = try BatchInputsTests.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let pages = WrittenPages(depth: 3)
        var handed: [(descriptor: Int32, path: String)] = []
        for index in 0..<10 {
            let path = folder + "/r\(index).json"
            let bytes = Array("{\"n\": \(index), \"text\": \"\(String(repeating: "评", count: 2_000 * index))\"}\n".utf8)
            try AtomicFile.write(bytes, to: path) { descriptor in
                handed.append((descriptor, path))
                pages.hand(descriptor)
            }
            #expect(try [UInt8](Data(contentsOf: URL(fileURLWithPath: path))) == bytes)
        }
        #if os(Linux)
        // Linked from an unnamed file: every write hands its descriptor over.
        try #require(handed.count == 10)
        for (index, file) in handed.enumerated() {
            let open = Self.inode(file.descriptor) == Self.inode(file.path)
            #expect(open == (index >= 7), "file \(index)")
        }
        #endif
        pages.finish()
        for file in handed { #expect(Self.inode(file.descriptor) != Self.inode(file.path)) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).count == 10)
    }

    /// Write-backs start eight files at a time (``WrittenPages/startBatch``), fewer when fewer files are held, and
    /// always before the file is let go: a file waiting for its start is still held open.
    @Test func writeBackStartsInRowsAndBeforeAFileIsLetGo() throws {
        let folder = try BatchInputsTests.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for depth in [1, 3, WrittenPages.startBatch, WrittenPages.maximumDepth] {
            let pages = WrittenPages(depth: depth)
            var waited: [Int] = []
            for index in 0..<(2 * WrittenPages.maximumDepth + 3) {
                let path = folder + "/d\(depth)-\(index).json"
                try AtomicFile.write(Array("{\"n\": \(index)}\n".utf8), to: path) { pages.hand($0) }
                #if os(Linux)
                waited.append(pages.unstarted.count)
                #expect(pages.unstarted.count < min(WrittenPages.startBatch, depth), "depth \(depth), file \(index)")
                for descriptor in pages.unstarted { #expect(Self.inode(descriptor) != nil, "still held") }
                #endif
            }
            #if os(Linux)
            if depth >= WrittenPages.startBatch {
                #expect(waited.prefix(WrittenPages.startBatch) == ArraySlice(Array(1..<WrittenPages.startBatch) + [0]))
            }
            #endif
            pages.finish()
            #expect(pages.unstarted.isEmpty)
        }
    }

    /// However many workers, all of them together hold at most ``WrittenPages/maximumHeld`` files (at least one
    /// each), and each at most ``WrittenPages/maximumDepth``.
    @Test func workersTogetherHoldABoundedNumberOfFiles() {
        for workers in [1, 2, 3, 8, 64, 100, BatchRunner.maximumJobs] {
            let depth = WrittenPages.depth(workers: workers)
            #expect(depth >= 1 && depth <= WrittenPages.maximumDepth)
            #expect(depth == 1 || depth * workers <= WrittenPages.maximumHeld, "\(workers) workers")
        }
    }

    /// A stream that lets its pages go as it grows (`reports.jsonl`) is whole once committed, across many flushes
    /// and well past the bytes it keeps.
    @Test func aStreamThatLetsItsPagesGoIsWholeWhenCommitted() throws {
        let folder = try BatchInputsTests.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = try StreamingFile(path: folder + "/reports.jsonl", releasesPages: true)
        var expected: [UInt8] = []
        for index in 0..<4_000 {
            let line = Array("{\"n\":\(index),\"text\":\"\(String(repeating: "稳", count: index % 2_000))\"}\n".utf8)
            try file.write(line)
            expected += line
        }
        try file.commit()
        #expect(expected.count > 10 << 20)  // past twice the 4 MB kept: pages were let go
        #expect(try [UInt8](Data(contentsOf: URL(fileURLWithPath: folder + "/reports.jsonl"))) == expected)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["reports.jsonl"])
    }
}
