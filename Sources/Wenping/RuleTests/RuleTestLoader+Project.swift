import WenpingYAML

extension RuleTestLoader {
    /// The project a case grades, before its facts are typed: a project file named relative to the test file, or
    /// a project written inline.
    ///
    /// An inline project may leave out `id`, `name` and `kind`: they default to the case name and the ruleset's
    /// first project kind. Its positions are those of the test file, so problems in it point there.
    mutating func projectFile(
        _ node: YAMLNode, caseName: String, ruleSet: CompiledRuleSet?, digest: String
    ) -> (file: ProjectFile, digest: String)? {
        switch node {
        case .scalar:
            guard let path = reader.string(node, "项目 project") else { return nil }
            return projectFile(at: path)
        case .mapping(var mapping):
            func add(_ key: String, _ value: String) {
                guard mapping[key] == nil else { return }
                // Quoted, so a case name such as `true` stays text.
                let scalar = { (text: String) in
                    YAMLNode.Scalar(value: text, style: .doubleQuoted, mark: mapping.mark, endMark: mapping.mark)
                }
                mapping.entries.append(.init(key: scalar(key), value: .scalar(scalar(value))))
            }
            add("id", caseName)
            add("name", caseName)
            if let kind = ruleSet?.appliesTo.first { add("kind", kind) }
            let (parsed, diagnostics) = ProjectFile.load(YAMLDocument(root: .mapping(mapping), text: ""), file: file)
            projectDiagnostics.append(contentsOf: diagnostics)
            return parsed.map { ($0, digest) }
        case .sequence:
            reader.diagnostics.error(
                .wrongNodeKind, "项目 project 应是项目文件的路径（相对于本测试文件），或写在 { } 里的项目，这里是列表",
                at: reader.location(of: node))
            return nil
        }
    }

    /// Reads and parses the project file `path` names (relative to the test file's folder).
    private mutating func projectFile(at path: Located<String>) -> (file: ProjectFile, digest: String)? {
        let name = FilePath.join(FilePath.directory(of: file), path.value)
        let bytes: [UInt8]
        do throws(FileSystem.Failure) {
            bytes = try FileSystem.read(FilePath.absolute(name), limit: YAMLLimits.default.maxBytes)
        } catch {
            reader.diagnostics.error(
                error.code, "无法读取项目文件“\(name)”：\(error)；路径相对于本测试文件所在的目录", at: path.location,
                length: path.length)
            return nil
        }
        let document: YAMLDocument
        do {
            document = try YAMLParser.parse(bytes)
        } catch {
            sources[name] = SourceText(file: name, text: String(decoding: bytes, as: UTF8.self))
            projectDiagnostics.append(Diagnostic(error, file: name))
            return nil
        }
        sources[name] = SourceText(file: name, text: document.text)
        let (parsed, diagnostics) = ProjectFile.load(document, file: name)
        projectDiagnostics.append(contentsOf: diagnostics)
        return parsed.map { ($0, SHA256.hex(bytes)) }
    }

    /// The project with the case's `facts` laid over its facts and its `measures` replaced by the case's.
    ///
    /// Facts written in the case are checked on their own first, so a wrong one is reported where the test file
    /// writes it (not in the project file, whose positions the merged project keeps). `nil` after an error.
    mutating func applyOverrides(
        _ map: YAMLNode.Mapping, to project: ProjectFile, _ ruleSet: CompiledRuleSet
    ) -> ProjectFile? {
        var merged = project
        if let node = map["measures"] {
            guard let measures = reader.stringList(node, "采取的措施 measures") else { return nil }
            merged.measures = measures
        }
        guard let node = map["facts"] else { return merged }
        guard let facts = reader.mapping(node, "事实 facts") else { return nil }
        var probe = project
        probe.file = file
        probe.facts = facts.entries
        probe.measures = []
        var checker = FactBinder(ruleSet: ruleSet, file: probe)
        _ = checker.bind(digest: "")
        let problems = checker.reader.diagnostics.diagnostics.filter { $0.code != .missingFact }
        projectDiagnostics.append(contentsOf: problems)
        guard !problems.contains(where: { $0.severity == .error }) else { return nil }
        let required = Set(ruleSet.inputs.filter(\.isRequired).map(\.name))
        for entry in facts.entries where required.contains(entry.key.value) {
            if case .scalar(let value) = entry.value, value.style == .plain, value.isNull {
                reader.diagnostics.error(
                    .missingFact, "事实“\(entry.key.value)”是必填项，不能在用例中去掉；请写一个值",
                    at: reader.location(entry.key.mark), length: NodeReader.width(of: entry.key))
                return nil
            }
        }
        for entry in facts.entries {
            if let index = merged.facts.firstIndex(where: { $0.key.value == entry.key.value }) {
                merged.facts[index] = entry
            } else {
                merged.facts.append(entry)
            }
        }
        return merged
    }
}
