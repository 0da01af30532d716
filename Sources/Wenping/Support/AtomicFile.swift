import Foundation
import Synchronization

/// Writes files whole or not at all.
///
/// The content goes to a temporary file in the same folder, which then takes the target's name in one step, so a
/// reader (or an interrupted batch) never leaves or sees a half-written report. On Linux the temporary file is
/// unnamed (`O_TMPFILE`) and linked at the target when there is none yet (a first run: one directory entry made
/// per file instead of a temporary one made, renamed and removed; nothing left behind if the process dies);
/// otherwise it is a uniquely named hidden file renamed over the target.
public enum AtomicFile {
    public static func write(_ text: String, to path: String) throws {
        try write(Array(text.utf8), to: path)
    }

    /// Writes `bytes` whole or not at all (a Word or PDF report).
    public static func write(_ bytes: [UInt8], to path: String) throws {
        try write(bytes, to: path, handOver: nil)
    }

    /// Writes `bytes` whole or not at all; when `handOver` is given and the file was made unnamed and linked at
    /// `path` (the usual way on Linux), its open descriptor goes to `handOver`, which must close it, instead of being
    /// closed here (``WrittenPages``).
    static func write(_ bytes: [UInt8], to path: String, handOver: ((Int32) -> Void)?) throws {
        // Named only when needed (a re-run, or no O_TMPFILE): a batch's first run makes no system call for it.
        let directory = FilePath.directory(of: path)
        var temporaryName: String {
            let name = path.split(separator: "/").last.map(String.init) ?? path
            return FilePath.join(directory, ".\(name).tmp-\(getpid())-\(UInt64.random(in: 0...UInt64.max))")
        }
        #if os(Linux)
        let unnamed = open(directory, unnamedFile | O_WRONLY | O_CLOEXEC, 0o644)
        if unnamed >= 0 {
            var failure = fill(unnamed, with: bytes)
            if failure == 0 {
                // Linked at the target when it does not exist yet, else at the temporary name and renamed.
                let linked = link(unnamed, at: path)
                if linked != 0 {
                    if linked != EEXIST {
                        failure = linked
                    } else {
                        let temporary = temporaryName
                        let named = link(unnamed, at: temporary)
                        if named != 0 {
                            failure = named
                        } else if rename(temporary, path) != 0 {
                            failure = errno
                            unlink(temporary)
                        }
                    }
                }
            }
            if failure == 0, let handOver {
                handOver(unnamed)
                return
            }
            if close(unnamed) != 0, failure == 0 { failure = errno }
            if failure == 0 { return }
            // /proc not mounted (ENOENT) or links not allowed: the named temporary file below; else a real failure.
            if failure != ENOENT && failure != EPERM && failure != EXDEV {
                throw FileSystem.Failure(writing: path, errno: failure)
            }
        }
        #endif
        let temporary = temporaryName
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw FileSystem.Failure(writing: path, errno: errno) }
        var failure = fill(descriptor, with: bytes)
        if close(descriptor) != 0, failure == 0 { failure = errno }
        if failure == 0, rename(temporary, path) != 0 { failure = errno }
        if failure != 0 {
            unlink(temporary)
            throw FileSystem.Failure(writing: path, errno: failure)
        }
    }

    #if os(Linux)
    /// `O_TMPFILE`: an unnamed regular file in the directory opened (Glibc's macro is not imported).
    private static let unnamedFile: Int32 = 0o20_000_000 | O_DIRECTORY
    /// `AT_EMPTY_PATH`: `linkat` links the descriptor itself (Glibc's macro is not imported).
    private static let emptyPath: Int32 = 0x1000
    /// Whether unnamed files are linked by their descriptor (`AT_EMPTY_PATH`).
    ///
    /// Linux 6.10 and later let the process that opened the file do that, earlier ones only a process with
    /// `CAP_DAC_READ_SEARCH`. Turned off for good the first time it is refused; the way through `/proc/self/fd`
    /// works for everyone.
    static let linksByDescriptor = Atomic<Bool>(true)

    /// Gives the unnamed file open as `descriptor` the name `path`; 0, or the errno of the failure (`EEXIST` when
    /// `path` exists).
    ///
    /// By the descriptor when allowed (no look-up of `/proc/self/fd/N`, about a third of the link's kernel time),
    /// else through `/proc`.
    private static func link(_ descriptor: Int32, at path: String) -> Int32 {
        if linksByDescriptor.load(ordering: .relaxed) {
            if linkat(descriptor, "", AT_FDCWD, path, emptyPath) == 0 { return 0 }
            let failure = errno
            // Refused (EPERM, or ENOENT from kernels that allow it only with the capability): not tried again.
            // Any other failure (EEXIST, ENOSPC, …) is the link's own outcome.
            guard failure == EPERM || failure == ENOENT else { return failure }
            if failure == EPERM { linksByDescriptor.store(false, ordering: .relaxed) }
        }
        if linkat(AT_FDCWD, "/proc/self/fd/\(descriptor)", AT_FDCWD, path, AT_SYMLINK_FOLLOW) == 0 {
            // ENOENT above was a refusal, not a missing folder: the same link by /proc worked.
            linksByDescriptor.store(false, ordering: .relaxed)
            return 0
        }
        return errno
    }
    #endif

    /// Writes all of `bytes` to `descriptor`; 0, or the errno of the failure (`ENOSPC` when nothing could be written).
    private static func fill(_ descriptor: Int32, with bytes: [UInt8]) -> Int32 {
        var written = 0
        var failure: Int32 = 0
        bytes.withUnsafeBytes { buffer in
            while written < buffer.count {
                let result = Foundation.write(descriptor, buffer.baseAddress! + written, buffer.count - written)
                if result < 0 && errno == EINTR { continue }
                if result <= 0 {
                    failure = result < 0 ? errno : ENOSPC
                    return
                }
                written += result
            }
        }
        return failure
    }

    /// Whether `name` is a temporary file name that ``AtomicFile`` or `StreamingFile` makes (`.NAME.tmp-PID-N`,
    /// `.NAME.tmp-PID`, `.NAME.rows-PID`), and the process id in it.
    static func temporaryOwner(_ name: String) -> Int32? {
        guard name.hasPrefix("."), let dot = name.lastIndex(of: ".") else { return nil }
        let tail = name[name.index(after: dot)...].split(separator: "-", omittingEmptySubsequences: false)
        guard tail.count == 2 || tail.count == 3, tail[0] == "tmp" || tail[0] == "rows",
            tail.dropFirst().allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
            let pid = Int32(tail[1]), pid > 0
        else { return nil }
        return pid
    }

    /// Removes, from `folder` (not recursively), the temporary files a killed earlier run left behind.
    ///
    /// Only regular files named in our own pattern (``temporaryOwner(_:)``) whose process is no longer running
    /// are removed. Returns how many.
    @discardableResult
    static func removeStaleTemporaries(in folder: String) -> Int {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return 0 }
        var removed = 0
        for name in names {
            guard let pid = temporaryOwner(name), pid != getpid() else { continue }
            // Signal 0 checks whether the process exists; ESRCH: it does not.
            guard kill(pid, 0) != 0, errno == ESRCH else { continue }
            let path = FilePath.join(folder, name)
            var info = stat()
            guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { continue }
            if unlink(path) == 0 { removed += 1 }
        }
        return removed
    }

    /// The most UTF-8 bytes of a report's base name: with `.html` and the temporary suffix
    /// (`.` + name + `.html.tmp-PID-N`, at most 46 more bytes) it stays within the 255-byte file-name limit of
    /// Linux and macOS file systems.
    public static let maximumNameBytes = 180

    /// A file name made from a project id: keeps letters (any script), digits, `-`, `_` and `.`, replaces
    /// everything else (slashes, spaces, control characters) with `_`, and never yields `.`/`..`-style names.
    ///
    /// A name longer than ``maximumNameBytes`` bytes (about 60 Chinese characters) is cut at a character
    /// boundary and ends with `~` and 12 hex digits of the id's SHA-256, so two long ids that share a beginning
    /// still get different names.
    public static func safeName(_ id: String) -> String {
        var out = ""
        for scalar in id.unicodeScalars {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "-_.".unicodeScalars.contains(scalar) {
                out.unicodeScalars.append(scalar)
            } else {
                out += "_"
            }
        }
        while out.hasPrefix(".") { out = "_" + out.dropFirst() }
        if out.isEmpty { out = "_" }
        guard out.utf8.count > maximumNameBytes else { return out }
        let suffix = "~" + SHA256.hex(Array(id.utf8)).prefix(12)
        var cut = String.UnicodeScalarView()
        var bytes = 0
        for scalar in out.unicodeScalars {
            let width = String(scalar).utf8.count
            if bytes + width > maximumNameBytes - suffix.utf8.count { break }
            cut.append(scalar)
            bytes += width
        }
        return String(cut) + suffix
    }
}
