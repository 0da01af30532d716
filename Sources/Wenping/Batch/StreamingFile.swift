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
    /// Whether pages written long enough ago leave the page cache (``PageCache``, as ``WrittenPages`` does for
    /// report files): for a stream that is only written, never read back (`reports.jsonl`: hundreds of megabytes
    /// for a large batch).
    private let releasesPages: Bool
    /// Bytes written to the file so far, and the first byte whose pages are still kept.
    private var written = 0
    private var keptFrom = 0
    /// Bytes behind the end whose pages are kept: write-back started on them a few flushes ago.
    private static let keptBytes = 4 << 20

    /// Creates (or truncates) the temporary file for `path`.
    ///
    /// - Parameter suffix: distinguishes several temporary files for the same path.
    /// - Parameter releasesPages: start write-back at each flush and let the pages go once well behind the end;
    ///   only for a file never read back before ``commit()`` (not for one passed to ``append(contentsOf:)``).
    init(path: String, suffix: String = "tmp", releasesPages: Bool = false) throws {
        self.path = path
        self.releasesPages = releasesPages
        let directory = FilePath.directory(of: path)
        let name = path.split(separator: "/").last.map(String.init) ?? path
        temporary = FilePath.join(directory, ".\(name).\(suffix)-\(ProcessInfo.processInfo.processIdentifier)")
        let descriptor = open(temporary, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw FileSystem.Failure(writing: path, errno: errno) }
        handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
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

    func write(_ bytes: [UInt8]) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= Self.flushSize { try flush() }
    }

    /// Appends everything written to `other` so far (which stays open).
    ///
    /// Copied with `pread(2)` in pieces of ``flushSize`` bytes (`FileHandle.read(upToCount:)` read 4 KB a system
    /// call: 27,000 calls for the rows of 100,000 projects).
    func append(contentsOf other: StreamingFile) throws {
        try flush()
        try other.flush()
        let source = other.handle.fileDescriptor
        var chunk = [UInt8](repeating: 0, count: Self.flushSize)
        var offset: off_t = 0
        while true {
            let count = chunk.withUnsafeMutableBytes { pread(source, $0.baseAddress, $0.count, offset) }
            if count < 0 {
                if errno == EINTR { continue }
                throw FileSystem.Failure(
                    description:
                        "无法读回临时文件“\(other.temporary)”：\(FileSystem.Failure(errno: errno))；请确认输出目录所在的磁盘正常后重试")
            }
            if count == 0 { return }
            offset += off_t(count)
            do {
                try handle.write(contentsOf: chunk[..<count])
            } catch {
                throw FileSystem.Failure(writing: path, error: error)
            }
        }
    }

    func flush() throws {
        guard !buffer.isEmpty else { return }
        do {
            try handle.write(contentsOf: buffer)
        } catch {
            throw FileSystem.Failure(writing: path, error: error)
        }
        if releasesPages {
            let descriptor = handle.fileDescriptor
            PageCache.startWriteBack(descriptor, offset: written, count: buffer.count)
            written += buffer.count
            if written - keptFrom >= 2 * Self.keptBytes {
                PageCache.letGo(descriptor, offset: keptFrom, count: written - Self.keptBytes - keptFrom)
                keptFrom = written - Self.keptBytes
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes what is buffered and renames the file into place.
    func commit() throws {
        try finishWriting()
        try publish()
    }

    /// Writes what is buffered, makes it durable and closes the file, without renaming it: the first half of
    /// ``commit()``, for files that must appear together (``publish()`` each once all are written).
    func finishWriting() throws {
        try flush()
        do {
            try handle.synchronize()
        } catch {
            throw FileSystem.Failure(writing: path, error: error)
        }
        close()
    }

    /// Renames the finished temporary file into place.
    func publish() throws {
        if rename(temporary, path) != 0 {
            let failure = FileSystem.Failure(writing: path, errno: errno)
            try? FileManager.default.removeItem(atPath: temporary)
            throw failure
        }
    }

    /// Removes the temporary file without touching `path`.
    func abandon() {
        close()
        try? FileManager.default.removeItem(atPath: temporary)
    }
}
