import Foundation

/// Writes files whole or not at all.
///
/// The content goes to a uniquely named temporary file in the same folder, which is then renamed over the
/// target, so a reader (or an interrupted batch) never leaves or sees a half-written report.
public enum AtomicFile {
    public static func write(_ text: String, to path: String) throws {
        let directory = FilePath.directory(of: path)
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let temporary = FilePath.join(directory, ".\(name).tmp-\(getpid())-\(UInt64.random(in: 0...UInt64.max))")
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else {
            throw FileSystem.Failure(description: "无法写入“\(path)”(目录不存在或没有写权限)")
        }
        var written = 0
        let bytes = Array(text.utf8)
        let complete = bytes.withUnsafeBytes { buffer -> Bool in
            while written < buffer.count {
                let result = Foundation.write(descriptor, buffer.baseAddress! + written, buffer.count - written)
                if result <= 0 { return false }
                written += result
            }
            return true
        }
        let closed = close(descriptor) == 0
        guard complete, closed, rename(temporary, path) == 0 else {
            unlink(temporary)
            throw FileSystem.Failure(description: "无法写入“\(path)”(磁盘已满或没有写权限)")
        }
    }

    /// A file name made from a project id: keeps letters (any script), digits, `-`, `_` and `.`, replaces
    /// everything else (slashes, spaces, control characters) with `_`, and never yields `.`/`..`-style names.
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
        return String(out.prefix(120))
    }
}
