import Foundation

/// Writes files whole or not at all: the content goes to a temporary file in the same folder, which is then
/// renamed over the target, so a reader never sees a half-written report.
public enum AtomicFile {
    public static func write(_ text: String, to path: String) throws {
        let directory = FilePath.directory(of: path)
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let temporary = FilePath.join(directory, ".\(name).tmp-\(ProcessInfo.processInfo.processIdentifier)")
        guard FileManager.default.createFile(atPath: temporary, contents: Data(text.utf8)) else {
            throw FileSystem.Failure(description: "无法写入“\(path)”(目录不存在或没有写权限)")
        }
        if rename(temporary, path) != 0 {
            try? FileManager.default.removeItem(atPath: temporary)
            throw FileSystem.Failure(description: "无法写入“\(path)”")
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
