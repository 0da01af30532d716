#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a whole file with POSIX calls, refusing files over a size limit before reading them.
enum FileReader {
    /// The file's bytes.
    ///
    /// - Parameter limit: The most bytes accepted. A regular file is measured with `fstat` first; anything else
    ///   (a device, a pipe) is read until `limit + 1` bytes have arrived.
    /// - Throws: ``YAMLError`` of kind `unreadable` or `tooLarge`.
    static func contents(ofFile path: String, limit: Int) throws(YAMLError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .unreadable(path: path, reason: reason(errno)) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw .unreadable(path: path, reason: reason(errno)) }
        let type = info.st_mode & S_IFMT
        if type == S_IFDIR { throw .unreadable(path: path, reason: reason(EISDIR)) }
        var capacity = limit + 1
        if type == S_IFREG {
            let size = Int(info.st_size)
            if size > limit { throw .tooLarge(byteCount: size, limit: limit) }
            capacity = size + 1
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(min(capacity, limit + 1))
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while bytes.count <= limit {
            let wanted = min(chunk.count, limit + 1 - bytes.count)
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, wanted) }
            if count < 0 {
                if errno == EINTR { continue }
                throw .unreadable(path: path, reason: reason(errno))
            }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[..<count])
        }
        if bytes.count > limit { throw .tooLarge(byteCount: nil, limit: limit) }
        return bytes
    }

    /// Why a file could not be read, and what to do, in plain Chinese.
    private static func reason(_ code: Int32) -> String {
        switch code {
        case ENOENT, ENOTDIR: "文件不存在;请检查路径和文件名是否写对"
        case EACCES, EPERM: "没有读取权限;请检查文件的权限设置"
        case EISDIR: "这是一个文件夹,不是文件;请给出 YAML 文件的路径"
        default: "系统错误(\(String(cString: strerror(code))));请确认文件存在并且可以读取"
        }
    }
}
