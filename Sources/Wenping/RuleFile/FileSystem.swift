import Foundation

/// The few file-system operations the library needs, with errors phrased for people.
enum FileSystem {
    struct Failure: Error, CustomStringConvertible {
        var description: String
        /// True when the file was refused for its size, before reading it.
        var isTooLarge = false

        /// The diagnostic code for a file that could not be read this way.
        var code: DiagnosticCode { isTooLarge ? .fileTooLarge : .fileUnreadable }
    }

    static func isRegularFile(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
    }

    static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// Reads a whole file, refusing (without reading) one larger than `limit` bytes.
    static func read(_ path: String, limit: Int) throws(Failure) -> [UInt8] {
        guard FileManager.default.fileExists(atPath: path) else { throw Failure(description: "文件不存在") }
        if isDirectory(path) { throw Failure(description: "这是一个目录,不是文件") }
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        if let size = attributes?[.size] as? Int, size > limit {
            throw Failure(
                description: "文件有 \(size) 字节,超过上限 \(limit) 字节;规则文件和项目文件不应这么大,请检查是否选错了文件",
                isTooLarge: true)
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Failure(description: "没有读取权限")
        }
        return [UInt8](data)
    }

    /// The `.yaml` and `.yml` files directly in `folder`, sorted by name (for deterministic output).
    static func ruleFiles(in folder: String) -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return [] }
        return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted().map {
            folder == "." ? $0 : FilePath.join(folder, $0)
        }
    }

    /// Every `.yaml`/`.yml` file under `folder`, recursively, sorted by path; `_`-prefixed folders such as test
    /// data are included too, hidden (`.`) ones are not.
    static func ruleFilesRecursively(in folder: String) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return [] }
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
