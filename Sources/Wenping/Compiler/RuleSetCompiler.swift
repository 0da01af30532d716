/// Compiles rule files into ``CompiledRuleSet`` values, collecting every problem found.
///
/// ```swift
/// var compiler = RuleSetCompiler(root: "Rules")
/// let output = compiler.compile(file: "Rules/house-expropriation.yaml")
/// print(DiagnosticFormatter(sources: compiler.sources).format(output.diagnostics))
/// ```
///
/// One compiler may compile many files of the same rules folder; files they share through `extends` are read
/// once. The stages and what each guarantees to the next:
/// 1. **resolve**: read and parse the file and its `extends` chain, check field names and scalar types, and
///    merge the chain. Stops here if a file could not be read as a rule file at all.
/// 2. **declare**: metadata, basis documents, scales, degrees and grades. Later stages refer to levels and
///    grades by name, so compilation stops after this stage if it reported errors.
/// 3. **names**: inputs and derived values get types and value slots; derived values are ordered so that each
///    reads only what comes before it (cycles are errors).
/// 4. **rules**: factors (applicability, bands, measures), floors and count rules, every expression checked
///    against the names of stage 3.
/// 5. **lint**: warnings for authors (weights, shadowed bands, unused inputs, missing basis, unreachable
///    grades), only when the earlier stages found no errors.
public struct RuleSetCompiler {
    /// The result of compiling one ruleset: the ruleset when there were no errors, and all diagnostics
    /// (errors and warnings), sorted by file and position.
    public struct Output: Sendable {
        public var ruleSet: CompiledRuleSet?
        public var diagnostics: [Diagnostic]
    }

    private var resolver: RuleSetResolver

    /// - Parameter root: the rules folder; `extends` may not leave it.
    public init(root: String) {
        resolver = RuleSetResolver(root: root)
    }

    /// The text of every file read so far, for ``DiagnosticFormatter``.
    public var sources: [String: SourceText] { resolver.sources }

    /// The raw bytes of every file read so far, by display path.
    var contents: [String: [UInt8]] { resolver.contents }

    /// Compiles the ruleset whose top file is `file` (a path as the user wrote it).
    public mutating func compile(file: String) -> Output {
        let resolution = resolver.resolve(file)
        var diagnostics = DiagnosticBag()
        diagnostics.append(contentsOf: resolution.diagnostics)
        guard let syntax = resolution.syntax else {
            return Output(ruleSet: nil, diagnostics: diagnostics.sorted)
        }
        var builder = RuleSetBuilder(syntax: syntax, diagnostics: diagnostics)
        var hasher = SHA256()
        for file in resolution.files {
            hasher.update(Array((file.split(separator: "/").last.map(String.init) ?? file).utf8))
            hasher.update([0])
            hasher.update(resolver.contents[file] ?? [])
            hasher.update([0])
        }
        let ruleSet = builder.build(files: resolution.files, digest: hasher.finalize().hexString)
        return Output(ruleSet: ruleSet, diagnostics: builder.diagnostics.sorted)
    }
}
