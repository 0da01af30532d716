import Foundation

/// A file written piece by piece under a temporary name and renamed into place at the end, so a reader sees the
/// whole file or none of it (``AtomicFile`` for text too large to build in memory first).
///
/// Writes are buffered. The temporary file is hidden (`.name.tmp-PID`) and removed by ``abandon()``.
final class StreamingFile {
    /// The final path.
    let path: String
    /// The temporary path written until ``commit()``.
    let temporary: String
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var isClosed = false
    private static let flushSize = 1 << 18

    /// Creates (or truncates) the temporary file for `path`.
    ///
    /// - Parameter suffix: distinguishes several temporary files for the same path.
    init(path: String, suffix: String = "tmp") throws {
        self.path = path
        let directory = FilePath.directory(of: path)
        let name = path.split(separator: "/").last.map(String.init) ?? path
        temporary = FilePath.join(directory, ".\(name).\(suffix)-\(ProcessInfo.processInfo.processIdentifier)")
        guard FileManager.default.createFile(atPath: temporary, contents: nil),
            let handle = FileHandle(forUpdatingAtPath: temporary)
        else {
            throw FileSystem.Failure(description: "无法写入“\(path)”(目录不存在或没有写权限)")
        }
        self.handle = handle
    }

    deinit {
        close()
    }

    private func close() {
        guard !isClosed else { return }
        isClosed = true
        try? handle.close()
    }

    func write(_ text: String) throws {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= Self.flushSize { try flush() }
    }

    /// Appends everything written to `other` so far (which stays open).
    func append(contentsOf other: StreamingFile) throws {
        try flush()
        try other.flush()
        try other.handle.seek(toOffset: 0)
        while let chunk = try other.handle.read(upToCount: Self.flushSize), !chunk.isEmpty {
            try handle.write(contentsOf: chunk)
        }
    }

    func flush() throws {
        guard !buffer.isEmpty else { return }
        do {
            try handle.write(contentsOf: buffer)
        } catch {
            throw FileSystem.Failure(description: "无法写入“\(path)”:\(error.localizedDescription)")
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes what is buffered and renames the file into place.
    func commit() throws {
        try flush()
        try handle.synchronize()
        close()
        if rename(temporary, path) != 0 {
            try? FileManager.default.removeItem(atPath: temporary)
            throw FileSystem.Failure(description: "无法写入“\(path)”")
        }
    }

    /// Removes the temporary file without touching `path`.
    func abandon() {
        close()
        try? FileManager.default.removeItem(atPath: temporary)
    }
}
