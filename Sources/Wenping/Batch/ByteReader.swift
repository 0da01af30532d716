import Foundation

/// Reads a file (or a byte array) front to back in fixed-size chunks, so an input of any size is scanned with a
/// small, constant amount of memory.
///
/// Used by the JSON Lines and CSV readers. Not thread-safe: one reader belongs to one thread. A read error ends
/// the stream early and is kept in ``failure``.
final class ByteReader {
    /// Bytes read from the file per system call.
    static let chunkSize = 1 << 16

    private let handle: FileHandle?
    private var buffer: [UInt8]
    private var position = 0
    private var isAtEnd = false
    /// Bytes dropped from the front of ``buffer`` so far (already consumed).
    private var discarded = 0
    /// Why reading stopped before the end of the file, in words for people; `nil` while all is well.
    private(set) var failure: String?

    /// A reader over bytes already in memory.
    init(bytes: [UInt8]) {
        handle = nil
        buffer = bytes
        isAtEnd = true
    }

    /// A reader over the file at `path`.
    ///
    /// - Throws: ``FileSystem/Failure`` when the file does not exist, is not a regular file (a folder, a pipe, a
    ///   device), or cannot be opened.
    init(path: String) throws {
        handle = FileHandle(fileDescriptor: try FileSystem.openRegularFile(path), closeOnDealloc: true)
        buffer = []
    }

    /// A reader over standard input (`-` on the command line).
    init(standardInput: Void) {
        handle = FileHandle.standardInput
        buffer = []
    }

    /// Bytes consumed so far, from the start of the input.
    var consumed: Int { discarded + position }

    deinit {
        try? handle?.close()
    }

    /// Skips a UTF-8 byte order mark at the current position, if there is one.
    func skipByteOrderMark() {
        if peek() == 0xEF, fill(3), buffer[position + 1] == 0xBB, buffer[position + 2] == 0xBF {
            position += 3
        }
    }

    /// The next byte, consumed; `nil` at the end.
    @inline(__always)
    func next() -> UInt8? {
        if position == buffer.count, !fill(1) { return nil }
        defer { position += 1 }
        return buffer[position]
    }

    /// The next byte, not consumed; `nil` at the end.
    @inline(__always)
    func peek() -> UInt8? {
        if position == buffer.count, !fill(1) { return nil }
        return buffer[position]
    }

    /// The next line without its `\n` (or `\r\n`), or `nil` at the end.
    ///
    /// A line longer than `limit` bytes is consumed but not kept: the result has `bytes` empty and `length` set to
    /// its full length, so the caller can report it without holding it.
    func readLine(limit: Int) -> (bytes: [UInt8], length: Int)? {
        var line: [UInt8] = []
        var length = 0
        var sawAnything = false
        while true {
            if position == buffer.count, !fill(1) {
                guard sawAnything else { return nil }
                break
            }
            sawAnything = true
            let end = Self.newline(in: buffer, from: position)
            let stop = end ?? buffer.count
            length += stop - position
            if length <= limit {
                line.append(contentsOf: buffer[position..<stop])
            } else {
                line = []
            }
            position = stop
            if end != nil {
                position += 1
                break
            }
        }
        if length > limit { return ([], length) }
        if line.last == 0x0D {
            line.removeLast()
            length -= 1
        }
        return (line, length)
    }

    /// The index of the first `\n` in `bytes` at or after `start`, or nil (`memchr`: a line of JSON Lines is
    /// often kilobytes long, and a byte-by-byte search was most of the reading thread's work).
    static func newline(in bytes: [UInt8], from start: Int) -> Int? {
        bytes.withUnsafeBufferPointer { buffer in
            guard start < buffer.count, let base = buffer.baseAddress,
                let found = memchr(base + start, 0x0A, buffer.count - start)
            else { return nil }
            return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }
    }

    /// Makes at least `count` unread bytes available if the input has them; false when it does not.
    ///
    /// Reads with `read(2)` straight into the buffer, ``chunkSize`` bytes a call (Foundation's
    /// `FileHandle.read(upToCount:)` made one system call per few kilobytes).
    private func fill(_ count: Int) -> Bool {
        while buffer.count - position < count {
            guard !isAtEnd, let handle else { return false }
            buffer.removeSubrange(0..<position)
            discarded += position
            position = 0
            let start = buffer.count
            buffer.append(contentsOf: repeatElement(0, count: Self.chunkSize))
            let descriptor = handle.fileDescriptor
            var got = 0
            while true {
                got = buffer.withUnsafeMutableBufferPointer { bytes in
                    read(descriptor, bytes.baseAddress! + start, Self.chunkSize)
                }
                guard got < 0 else { break }
                let code = errno
                if code == EINTR { continue }
                if code == EAGAIN || code == EWOULDBLOCK {
                    // A non-blocking pipe or terminal on standard input: wait until it has data.
                    var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
                    _ = poll(&poller, 1, -1)
                    continue
                }
                failure = "读取到一半出错：\(FileSystem.Failure(errno: code).description)"
                break
            }
            buffer.removeLast(Self.chunkSize - max(0, got))
            guard got > 0 else {
                isAtEnd = true
                return false
            }
        }
        return true
    }
}
