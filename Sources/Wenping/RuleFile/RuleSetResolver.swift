import WenpingYAML

/// Loads rule files and applies `extends`, producing one merged ``RuleFileSyntax`` per ruleset.
///
/// Parsed files are cached by absolute path, so a folder of rulesets that all extend `base.yaml` reads it once.
/// `extends` paths are relative to the extending file and must stay inside ``root``; cycles are reported at
/// the `extends` that closes them.
struct RuleSetResolver {
    /// The result for one ruleset: the merged syntax (nil if a file could not be read as a rule file), the files
    /// of the chain from the ruleset itself up to its furthest ancestor, and the problems found.
    struct Resolution {
        var syntax: RuleFileSyntax?
        var files: [String]
        var diagnostics: [Diagnostic]
    }

    private struct LoadedFile {
        var syntax: RuleFileSyntax?
        var diagnostics: [Diagnostic]
    }

    /// The most files one `extends` chain may have, the ruleset itself included (E225): real chains have two
    /// or three (national → provincial → city); the limit keeps the recursion shallow.
    static let maximumChainLength = 16

    /// The rules folder as the user named it, and its absolute form.
    let root: String
    let absoluteRoot: String
    let limits: YAMLLimits
    /// The text of every file read, by display path, for quoting lines in diagnostics.
    private(set) var sources: [String: SourceText] = [:]
    /// The raw bytes of every file read, by display path, for the ruleset digest.
    private(set) var contents: [String: [UInt8]] = [:]
    private var cache: [String: LoadedFile] = [:]

    init(root: String, limits: YAMLLimits = .default) {
        self.root = root
        self.absoluteRoot = FilePath.absolute(root)
        self.limits = limits
    }

    /// Loads `file`, a display path such as `Rules/x.yaml`, and everything it extends.
    mutating func resolve(_ file: String) -> Resolution {
        var diagnostics: [Diagnostic] = []
        var files: [String] = []
        let syntax = resolve(file, visiting: [], files: &files, diagnostics: &diagnostics)
        return Resolution(syntax: syntax, files: files, diagnostics: diagnostics)
    }

    private mutating func resolve(
        _ file: String, visiting: [String], files: inout [String], diagnostics: inout [Diagnostic]
    ) -> RuleFileSyntax? {
        let absolute = FilePath.absolute(file)
        files.append(file)
        let loaded = load(file, absolute: absolute)
        diagnostics.append(contentsOf: loaded.diagnostics)
        guard let child = loaded.syntax else { return nil }
        guard let extends = child.extends else { return child }

        let parentFile = FilePath.join(FilePath.directory(of: file), extends.value)
        let parentAbsolute = FilePath.absolute(parentFile)
        if !FilePath.isInside(parentAbsolute, folder: absoluteRoot) {
            diagnostics.append(
                .error(
                    .extendsOutsideRoot,
                    "extends 指向规则目录“\(root)”之外的“\(extends.value)”；上级规则文件必须放在规则目录内",
                    at: extends.location, length: extends.length))
            return nil
        }
        if parentAbsolute == absolute || visiting.contains(parentAbsolute) {
            let chain = (files + [parentFile]).joined(separator: " → ")
            diagnostics.append(
                .error(
                    .extendsCycle, "extends 形成循环：\(chain)；请去掉其中一个 extends", at: extends.location,
                    length: extends.length))
            return nil
        }
        if visiting.count + 1 >= Self.maximumChainLength {
            diagnostics.append(
                .error(
                    .extendsTooDeep,
                    "extends 层层引用超过了 \(Self.maximumChainLength) 层（从“\(files.first ?? file)”开始）；请把中间几层合并，让继承关系更短",
                    at: extends.location, length: extends.length))
            return nil
        }
        if !FileSystem.isRegularFile(parentAbsolute) {
            var message = "extends 指向的文件“\(parentFile)”不存在"
            let siblings = FileSystem.ruleFiles(in: FilePath.directory(of: parentFile)).map {
                String($0.split(separator: "/").last ?? "")
            }
            let wanted = String(parentFile.split(separator: "/").last ?? "")
            if let guess = suggestion(for: wanted, among: siblings) { message += "。是否想写“\(guess)”？" }
            diagnostics.append(.error(.extendsNotFound, message, at: extends.location, length: extends.length))
            return nil
        }
        guard
            let parent = resolve(
                parentFile, visiting: visiting + [absolute], files: &files, diagnostics: &diagnostics)
        else { return nil }
        var merged = child.merged(onto: parent)
        merged.applyRemovals(from: child, diagnostics: &diagnostics)
        return merged
    }

    private mutating func load(_ file: String, absolute: String) -> LoadedFile {
        if let cached = cache[absolute] { return cached }
        let loaded: LoadedFile
        let bytes: [UInt8]
        do throws(FileSystem.Failure) {
            bytes = try FileSystem.read(absolute, limit: limits.maxBytes)
        } catch {
            let message = error.isTooLarge ? error.description : "无法读取文件：\(error)"
            loaded = LoadedFile(
                syntax: nil,
                diagnostics: [.error(error.code, message, at: SourceLocation(file: file, line: 1, column: 1))])
            cache[absolute] = loaded
            return loaded
        }
        contents[file] = bytes
        do throws(YAMLError) {
            let document = try YAMLParser.parse(bytes, limits: limits)
            sources[file] = SourceText(file: file, text: document.text)
            let (syntax, diagnostics) = RuleFileLoader.load(document, file: file)
            loaded = LoadedFile(syntax: syntax, diagnostics: diagnostics)
        } catch {
            if error.kind != .invalidUTF8 {
                sources[file] = SourceText(file: file, text: String(decoding: bytes, as: UTF8.self))
            }
            loaded = LoadedFile(syntax: nil, diagnostics: [Diagnostic(error, file: file)])
        }
        cache[absolute] = loaded
        return loaded
    }
}
