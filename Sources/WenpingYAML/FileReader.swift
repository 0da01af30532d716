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
    /// - Parameter limit: The most bytes accepted. The file is measured with `fstat` first.
    /// - Throws: ``YAMLError`` of kind `unreadable` or `tooLarge`. Anything but a regular file (a folder, a pipe,
    ///   a device, a socket) is unreadable and is never read: a pipe would block until someone wrote to it.
    static func contents(ofFile path: String, limit: Int) throws(YAMLError) -> [UInt8] {
        var info = stat()
        guard stat(path, &info) == 0 else { throw .unreadable(path: path, reason: reason(errno)) }
        if let refusal = refusal(info) { throw .unreadable(path: path, reason: refusal) }
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)
        guard descriptor >= 0 else { throw .unreadable(path: path, reason: reason(errno)) }
        defer { close(descriptor) }
        guard fstat(descriptor, &info) == 0 else { throw .unreadable(path: path, reason: reason(errno)) }
        if let refusal = refusal(info) { throw .unreadable(path: path, reason: refusal) }
        let size = Int(info.st_size)
        if size > limit { throw .tooLarge(byteCount: size, limit: limit) }
        let capacity = size + 1
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

    /// Why something that is not a regular file is not read, or nil for a regular file.
    private static func refusal(_ info: stat) -> String? {
        switch info.st_mode & S_IFMT {
        case S_IFREG: nil
        case S_IFDIR: reason(EISDIR)
        case S_IFIFO: "这是一个命名管道（FIFO），不是普通文件；请给出 YAML 文件的路径"
        case S_IFCHR, S_IFBLK: "这是一个设备文件，不是普通文件；请给出 YAML 文件的路径"
        default: "这不是普通文件；请给出 YAML 文件的路径"
        }
    }

    /// Why a file could not be read, and what to do, in plain Chinese.
    private static func reason(_ code: Int32) -> String {
        switch code {
        case ENOENT, ENOTDIR: "文件不存在；请检查路径和文件名是否写对"
        case ELOOP: "符号链接形成了循环（链接指向自己，或几个链接互相指向）；请改为指向真正的文件"
        case EACCES, EPERM: "没有读取权限；请检查文件的权限设置"
        case EISDIR: "这是一个文件夹，不是文件；请给出 YAML 文件的路径"
        default: "系统错误（\(String(cString: strerror(code)))）；请确认文件存在并且可以读取"
        }
    }
}
