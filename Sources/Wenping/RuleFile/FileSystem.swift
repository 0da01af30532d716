import Foundation

/// The few file-system operations the library needs, with errors phrased for people.
enum FileSystem {
    struct Failure: Error, CustomStringConvertible {
        var description: String
        /// True when the file was refused for its size, before reading it.
        var isTooLarge = false
        /// True when the path names something other than a regular file (a pipe, a device, a socket, a looping
        /// symbolic link), which is refused without being read.
        var isNotRegular = false
        /// The `errno` of a failed write, when that was the cause (``init(writing:errno:)``).
        var writeErrno: Int32? = nil

        /// The diagnostic code for a file that could not be read this way.
        var code: DiagnosticCode { isTooLarge ? .fileTooLarge : isNotRegular ? .notARegularFile : .fileUnreadable }
    }

    static func isRegularFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFREG
    }

    /// Whether anything exists at `path` (file, folder or other).
    static func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: path)
    }

    static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// Opens a regular file for reading and returns its descriptor (the caller closes it).
    ///
    /// Anything else is refused before it is opened, with a reason in plain Chinese: a folder, a pipe (FIFO, which
    /// would block until someone writes to it), a device, a socket, a symbolic link that loops. The file is
    /// opened non-blocking and checked again after opening, so a file swapped for a pipe in between cannot block
    /// either.
    static func openRegularFile(_ path: String) throws(Failure) -> Int32 {
        var info = stat()
        guard stat(path, &info) == 0 else { throw Failure(errno: errno) }
        try requireRegular(info)
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)
        guard descriptor >= 0 else { throw Failure(errno: errno) }
        guard fstat(descriptor, &info) == 0 else {
            let failure = Failure(errno: errno)
            close(descriptor)
            throw failure
        }
        do throws(Failure) {
            try requireRegular(info)
        } catch {
            close(descriptor)
            throw error
        }
        return descriptor
    }

    private static func requireRegular(_ info: stat) throws(Failure) {
        let what: String
        switch info.st_mode & S_IFMT {
        case S_IFREG: return
        case S_IFDIR: throw Failure(description: "这是一个目录，不是文件")
        case S_IFIFO: what = "命名管道（FIFO）"
        case S_IFCHR, S_IFBLK: what = "设备文件"
        case S_IFSOCK: what = "套接字（socket）"
        default: what = "特殊文件"
        }
        throw Failure(description: "这是一个\(what)，不是普通文件；只读取普通文件，请给出真正的项目或规则文件", isNotRegular: true)
    }

    /// Reads a whole regular file, refusing (without reading) one larger than `limit` bytes.
    static func read(_ path: String, limit: Int) throws(Failure) -> [UInt8] {
        let descriptor = try openRegularFile(path)
        defer { close(descriptor) }
        var info = stat()
        if fstat(descriptor, &info) == 0, Int(info.st_size) > limit {
            throw Failure(
                description: "文件有 \(info.st_size) 字节，超过上限 \(limit) 字节；规则文件和项目文件不应这么大，请检查是否选错了文件",
                isTooLarge: true)
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(min(Int(info.st_size), limit) + 1)
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while bytes.count <= limit {
            let wanted = min(chunk.count, limit + 1 - bytes.count)
            let count = chunk.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress, wanted) }
            if count < 0 {
                if errno == EINTR { continue }
                throw Failure(errno: errno)
            }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[..<count])
        }
        if bytes.count > limit {
            throw Failure(
                description: "文件超过上限 \(limit) 字节；规则文件和项目文件不应这么大，请检查是否选错了文件", isTooLarge: true)
        }
        return bytes
    }

    /// The `.yaml` and `.yml` files directly in `folder`, sorted by name (for deterministic output).
    static func ruleFiles(in folder: String) -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return [] }
        return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted().map {
            folder == "." ? $0 : FilePath.join(folder, $0)
        }
    }

    /// An enumerator of the paths under `folder`, relative to it; a symbolic link given as the folder itself is
    /// followed (Foundation would list nothing under it), links inside it are not.
    static func enumerator(in folder: String) -> FileManager.DirectoryEnumerator? {
        let isLink = (try? FileManager.default.destinationOfSymbolicLink(atPath: folder)) != nil
        let target = isLink ? URL(fileURLWithPath: folder).resolvingSymlinksInPath().path : folder
        return FileManager.default.enumerator(atPath: target)
    }

    /// Every `.yaml`/`.yml` file under `folder`, recursively, sorted by path; `_`-prefixed folders such as test
    /// data are included too, hidden (`.`) ones are not.
    static func ruleFilesRecursively(in folder: String) -> [String] {
        guard let enumerator = enumerator(in: folder) else { return [] }
        var result: [String] = []
        while let relative = enumerator.nextObject() as? String {
            if relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
            if relative.hasSuffix(".yaml") || relative.hasSuffix(".yml") {
                result.append(FilePath.join(folder, relative))
            }
        }
        return result.sorted()
    }
}

extension FileSystem.Failure {
    /// Why a path could not be opened or read, from `errno`, in plain Chinese.
    init(errno code: Int32) {
        switch code {
        case ENOENT, ENOTDIR: self.init(description: "文件不存在")
        case EACCES, EPERM: self.init(description: "没有读取权限")
        case ELOOP:
            self.init(description: "符号链接形成了循环（链接指向自己，或几个链接互相指向），无法打开；请改为指向真正的文件", isNotRegular: true)
        case ENAMETOOLONG: self.init(description: "路径太长")
        case EISDIR: self.init(description: "这是一个目录，不是文件")
        case EIO: self.init(description: "读取时发生输入输出错误（磁盘或网络存储出错）")
        case EMFILE: self.init(description: Self.tooManyOpenFiles)
        case ENFILE: self.init(description: Self.tooManyOpenFilesSystemWide)
        default: self.init(description: "系统错误（错误码 \(code)）；请确认文件存在并且可以读取")
        }
    }
}

extension FileSystem.Failure {
    /// Why `path` could not be written, from `errno`, in plain Chinese with what would fix it.
    init(writing path: String, errno code: Int32) {
        let reason =
            switch code {
            case ENOSPC, EDQUOT: "磁盘已满（或超出磁盘配额）；请腾出空间后重试"
            case EFBIG: "文件超出系统允许的大小；请腾出空间或放宽限制后重试"
            case EACCES, EPERM: "没有写权限；请换一个有写权限的目录"
            case EROFS: "所在磁盘是只读的；请换一个目录"
            case ENOENT, ENOTDIR: "目录不存在"
            case ENAMETOOLONG: "文件名太长"
            case EISDIR: "已有同名目录"
            case EIO: "写入时发生输入输出错误（磁盘或网络存储出错）"
            case EMFILE: Self.tooManyOpenFiles
            case ENFILE: Self.tooManyOpenFilesSystemWide
            default: "系统错误（错误码 \(code)）"
            }
        self.init(description: "无法写入“\(path)”：\(reason)", writeErrno: code)
    }

    /// `EMFILE`: this process reached its limit of open files.
    static let tooManyOpenFiles = "本程序打开的文件数已达上限（ulimit -n）；请用 ulimit -n 调高上限（例如 ulimit -n 4096）或减小 --jobs 后重试"
    /// `ENFILE`: the whole system reached its limit of open files.
    static let tooManyOpenFilesSystemWide = "整个系统打开的文件数已达上限；请关闭其他程序或请管理员调高 fs.file-max 后重试"

    /// Why `path` could not be written, from a Foundation error (its POSIX code when it has one).
    init(writing path: String, error: any Error) {
        let nsError = error as NSError
        if nsError.domain == NSPOSIXErrorDomain {
            self.init(writing: path, errno: Int32(nsError.code))
        } else if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError,
            underlying.domain == NSPOSIXErrorDomain
        {
            self.init(writing: path, errno: Int32(underlying.code))
        } else {
            self.init(description: "无法写入“\(path)”（磁盘已满、文件过大或没有写权限）")
        }
    }
}
