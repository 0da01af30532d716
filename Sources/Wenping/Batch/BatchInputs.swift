import Foundation

/// Turns the paths given to `wenping batch` into batch items, one at a time and always in the same order.
///
/// Paths are taken in the order given. A folder yields its project files (`.yaml`, `.yml`, `.json`, searched
/// recursively, hidden entries and `*.expected.yaml` answer files skipped), sorted by path; the sorted list of
/// one folder's paths is the only thing held for it. A JSON Lines file (`.jsonl`, `.ndjson`) yields each
/// non-empty line and a CSV file (`.csv`) each non-blank row after the header, read lazily, so a file of a
/// million projects is never held in memory. Any other path is taken as a project file.
struct BatchInputs: IteratorProtocol {
    /// How a path given to the batch is read.
    enum Kind: Equatable {
        case folder
        case jsonLines
        case csv
        case projectFile
    }

    private let paths: [String]
    /// A folder (absolute path) whose files are never inputs: the batch's own output.
    private let excluded: String?
    /// The most bytes one line or row may have.
    private let limit: Int
    private var nextPath = 0
    private var source: Source?

    private enum Source {
        /// The project files of a folder, and the folder's absolute path (symbolic links resolved).
        case files([String], next: Int, root: String)
        case lines(file: String, reader: ByteReader, line: Int)
        case rows(CSVTable, CSVReader)
    }

    /// The size in bytes of each path, when every path is a JSON Lines or CSV file (not standard input).
    private let streamedSizes: [Int]?

    init(paths: [String], excluding excluded: String? = nil, limit: Int = 8 * 1024 * 1024) {
        self.paths = paths
        self.excluded = excluded.map(FilePath.absolute)
        self.limit = limit
        streamedSizes = Self.streamedSizes(paths)
    }

    private static func streamedSizes(_ paths: [String]) -> [Int]? {
        var sizes: [Int] = []
        for path in paths {
            guard path != standardInput, [.jsonLines, .csv].contains(kind(of: path)),
                let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int
            else { return nil }
            sizes.append(size)
        }
        return sizes
    }

    /// The share of the input bytes consumed so far, 0 to 1; `nil` unless every input is a JSON Lines or CSV file.
    ///
    /// Items read but not yet finished count as read, so this runs slightly ahead of the results.
    var fractionRead: Double? {
        guard let sizes = streamedSizes else { return nil }
        let total = sizes.reduce(0, +)
        guard total > 0 else { return nil }
        var current: Int?
        switch source {
        case .lines(_, let reader, _): current = reader.consumed
        case .rows(_, let reader): current = reader.consumed
        default: current = nil
        }
        let finished = sizes[..<(current == nil ? nextPath : max(0, nextPath - 1))].reduce(0, +)
        return min(1, Double(finished + (current ?? 0)) / Double(total))
    }

    /// The path that means standard input, read as JSON Lines.
    static let standardInput = "-"
    /// How standard input is named in error entries and the summary.
    static let standardInputName = "标准输入"

    static func kind(of path: String) -> Kind {
        if path == standardInput { return .jsonLines }
        if FileSystem.isDirectory(path) { return .folder }
        let lowered = path.lowercased()
        if lowered.hasSuffix(".jsonl") || lowered.hasSuffix(".ndjson") { return .jsonLines }
        if lowered.hasSuffix(".csv") { return .csv }
        return .projectFile
    }

    /// How many items `paths` will yield, when that is known without reading the files.
    ///
    /// Known when only folders and project files were given; `nil` when a JSON Lines or CSV file is among them
    /// (those are counted as the batch goes).
    static func count(_ paths: [String], excluding excluded: String? = nil) -> Int? {
        let excluded = excluded.map(FilePath.absolute)
        var total = 0
        for path in paths {
            switch kind(of: path) {
            case .folder: total += projectFiles(in: path, excluding: excluded).count
            case .projectFile: total += 1
            case .jsonLines, .csv: return nil
            }
        }
        return total
    }

    /// The project files under `folder`, recursively, sorted by path.
    static func projectFiles(in folder: String, excluding excluded: String? = nil) -> [String] {
        guard let enumerator = FileSystem.enumerator(in: folder) else { return [] }
        var result: [String] = []
        while let relative = enumerator.nextObject() as? String {
            let parts = relative.split(separator: "/")
            if parts.contains(where: { $0.hasPrefix(".") }) {
                enumerator.skipDescendants()
                continue
            }
            let path = FilePath.join(folder, relative)
            if let excluded, FilePath.isInside(FilePath.absolute(path), folder: excluded) {
                enumerator.skipDescendants()
                continue
            }
            let name = relative.lowercased()
            guard name.hasSuffix(".yaml") || name.hasSuffix(".yml") || name.hasSuffix(".json") else { continue }
            if name.hasSuffix(".expected.yaml") || name.hasSuffix(".expected.yml") { continue }
            if FileSystem.isDirectory(path) { continue }
            result.append(path)
        }
        return result.sorted()
    }

    mutating func next() -> BatchItem? {
        while true {
            if let item = nextFromSource() { return item }
            guard nextPath < paths.count else { return nil }
            let path = paths[nextPath]
            nextPath += 1
            switch Self.kind(of: path) {
            case .folder:
                source = .files(
                    Self.projectFiles(in: path, excluding: excluded), next: 0, root: FilePath.absolute(path))
            case .projectFile:
                return .file(path)
            case .jsonLines:
                do {
                    let isStandardInput = path == Self.standardInput
                    let reader = isStandardInput ? ByteReader(standardInput: ()) : try ByteReader(path: path)
                    reader.skipByteOrderMark()
                    source = .lines(file: isStandardInput ? Self.standardInputName : path, reader: reader, line: 0)
                } catch {
                    return .failure(.error("无法读取 JSON Lines 文件：\(error)", file: path, line: nil))
                }
            case .csv:
                do {
                    var reader = CSVReader(reader: try ByteReader(path: path), limit: limit)
                    guard let header = reader.next() else {
                        let message =
                            reader.failure.map { "无法读取 CSV 文件：\($0)" }
                            ?? "CSV 文件是空的；第 1 行应是列名（id、name、kind、facts 的事实项……）"
                        return .failure(.error(message, file: path, line: 1))
                    }
                    if let problem = header.problem {
                        return .failure(.error("列名行无法读取：\(problem)", file: path, line: 1))
                    }
                    let columns = header.fields.map { $0.trimmingCharacters(in: .whitespaces) }
                    source = .rows(CSVTable(file: path, columns: columns), reader)
                } catch {
                    return .failure(.error("无法读取 CSV 文件：\(error)", file: path, line: nil))
                }
            }
        }
    }

    /// `file` as an input of the folder `root`, or an error item (E115) when it is a symbolic link (or lies under
    /// one) that leads outside the folder: a folder of projects never makes the batch read, or copy into its
    /// summary, a file elsewhere (`/etc/passwd`, another office's data), as `extends` never leaves the rules folder.
    static func confined(_ file: String, to root: String) -> BatchItem {
        let target = FilePath.absolute(file)
        if FilePath.isInside(target, folder: root) { return .file(file) }
        let message =
            "“\(file)”是指向输入目录之外（\(target)）的符号链接，没有读取；目录中的项目文件必须在目录之内，确实需要时请把文件复制进来，或直接把它的路径作为输入"
        let diagnostic = Diagnostic.error(
            .linkOutsideFolder, message, at: SourceLocation(file: file, line: 1, column: 1))
        return .failure(BatchProcessor.issue([diagnostic], source: nil, file: file, lineOffset: 0))
    }

    /// The next item of the folder or file being read, or `nil` (and no current source) when it is used up.
    private mutating func nextFromSource() -> BatchItem? {
        switch source {
        case nil:
            return nil
        case .files(let files, let index, let root):
            guard index < files.count else { break }
            source = .files(files, next: index + 1, root: root)
            return Self.confined(files[index], to: root)
        case .lines(let file, let reader, var number):
            while let (bytes, length) = reader.readLine(limit: limit) {
                number += 1
                if length > limit {
                    source = .lines(file: file, reader: reader, line: number)
                    let message = "这一行有 \(length) 字节，超过上限 \(limit) 字节，没有读取；每行应是一个项目的 JSON"
                    return .failure(.error(message, file: file, line: number))
                }
                if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
                source = .lines(file: file, reader: reader, line: number)
                return .line(file: file, number: number, bytes: bytes)
            }
            source = nil
            if let failure = reader.failure {
                return .failure(.error("无法读完 JSON Lines 文件：\(failure)", file: file, line: number + 1))
            }
            return nil
        case .rows(let table, var reader):
            while let record = reader.next() {
                if record.isBlank && record.problem == nil { continue }
                source = .rows(table, reader)
                return .row(table, record)
            }
            source = nil
            if let failure = reader.failure {
                return .failure(.error("无法读完 CSV 文件：\(failure)", file: table.file, line: nil))
            }
            return nil
        }
        source = nil
        return nil
    }
}
