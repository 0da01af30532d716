import Foundation

/// Lexical path helpers: rule files are named relative to what the user typed, and compared by absolute path.
enum FilePath {
    /// `a/b/../c/./d` → `a/c/d`, without touching the file system.
    ///
    /// Keeps a leading `/` and leading `..`.
    static func normalize(_ path: String) -> String {
        let isAbsolute = path.hasPrefix("/")
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != ".." {
                parts.removeLast()
            } else if part == "..", isAbsolute {
                continue
            } else {
                parts.append(part)
            }
        }
        let joined = parts.joined(separator: "/")
        if isAbsolute { return "/" + joined }
        return joined.isEmpty ? "." : joined
    }

    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        if slash == path.startIndex { return "/" }
        return String(path[..<slash])
    }

    static func join(_ directory: String, _ relative: String) -> String {
        if relative.hasPrefix("/") { return normalize(relative) }
        if directory == "." { return normalize(relative) }
        return normalize(directory + "/" + relative)
    }

    /// The absolute, normalized form of `path` (relative to the current directory), symlinks resolved.
    static func absolute(_ path: String) -> String {
        let base = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        return URL(fileURLWithPath: normalize(base)).resolvingSymlinksInPath().path
    }

    /// Whether `path` lies inside `folder` (both absolute and normalized).
    static func isInside(_ path: String, folder: String) -> Bool {
        folder == "/" || path == folder || path.hasPrefix(folder.hasSuffix("/") ? folder : folder + "/")
    }
}

extension FilePath {
    /// The last component of a path (`responses.csv` for `data/2025/responses.csv`), so outputs never carry a
    /// user's folders.
    static func lastComponent(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }
}
