import Foundation
import WenpingYAML

/// What the coverage-guided fuzz targets in `Fuzz/` run on each input: whole pipelines, from bytes to reports.
///
/// Each entry point takes arbitrary bytes and must return without crashing, hanging or growing memory, whatever
/// the bytes are; problems with the input are normal results (diagnostics), never failures. Kept in the library
/// so the fuzz package needs only its public API; nothing else calls them.
public enum FuzzEntryPoints {
    /// The YAML loader: parse, then type every scalar.
    public static func yaml(_ bytes: [UInt8]) {
        guard let document = try? YAMLParser.parse(bytes) else { return }
        visit(document.root)
    }

    private static func visit(_ node: YAMLNode?) {
        var pending = node.map { [$0] } ?? []
        while let node = pending.popLast() {
            switch node {
            case .scalar(let scalar): _ = (scalar.double, scalar.int, scalar.bool, scalar.isNull)
            case .sequence(let sequence): pending.append(contentsOf: sequence.items)
            case .mapping(let mapping): pending.append(contentsOf: mapping.entries.map(\.value))
            }
        }
    }

    /// The expression language: compile `bytes` (as UTF-8) as a condition, a derived value and an aggregation
    /// rule in a fixed scope; evaluate what compiles against a few environments; analyse conditions for band
    /// shadowing; print the checked tree.
    public static func expression(_ bytes: [UInt8]) {
        let source = String(decoding: bytes, as: UTF8.self)
        for (context, expected) in [
            (ExpressionContext.condition, ExpressionType.boolean), (.derived, nil), (.aggregation, .boolean),
        ] {
            var diagnostics = DiagnosticBag()
            let scope = ExpressionScope(
                symbols: Dictionary(uniqueKeysWithValues: symbols.map { ($0.name, $0) }), context: context,
                degrees: context == .aggregation ? degrees : nil)
            guard
                let compiled = ExpressionCompiler.compile(
                    source, scope: scope, expected: expected,
                    locate: { SourceLocation(file: "fuzz", line: 1, column: $0 + 1) }, diagnostics: &diagnostics)
            else {
                _ = DiagnosticFormatter(sources: ["fuzz": SourceText(file: "fuzz", text: source)])
                    .format(diagnostics.diagnostics)
                continue
            }
            for environment in environments {
                _ = compiled.evaluate(in: environment)
            }
            _ = ConditionAnalysis.constraint(of: compiled.syntax)
            _ = compiled.syntax.description
        }
    }

    /// The rule compiler: `bytes` as a rule file in a copy of the bundled rules folder (so `extends` of the
    /// bundled files resolves), compiled with every check; a ruleset that compiles grades generated projects
    /// into every report format.
    public static func rules(_ bytes: [UInt8], rulesFolder: String) {
        let path = FilePath.join(rulesFolder, "fuzz-input.yaml")
        guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else { return }
        var compiler = RuleSetCompiler(root: rulesFolder)
        let output = compiler.compile(file: path)
        _ = DiagnosticFormatter(sources: compiler.sources).format(output.diagnostics)
        guard let ruleSet = output.ruleSet else { return }
        let catalog = RuleSetCatalog(ruleSets: [ruleSet])
        let loader = ProjectLoader(catalog: catalog, override: ruleSet.id)
        let generator = ProjectGenerator(ruleSet: ruleSet)
        for index in 0..<3 {
            guard let project = loader.load(bytes: Array(generator.jsonLine(index).utf8), file: "p.json").project
            else { continue }
            render(Engine.evaluate(project))
        }
    }

    /// The project loader: `bytes` as a project file for the bundled rules in `catalog`; a valid project is
    /// graded, explained and rendered in every format.
    public static func project(_ bytes: [UInt8], catalog: RuleSetCatalog) {
        let output = ProjectLoader(catalog: catalog).load(bytes: bytes, file: "fuzz.yaml")
        _ = BatchProcessor.issue(output.diagnostics, source: output.source, file: "fuzz.yaml", lineOffset: 3)
        guard let project = output.project else { return }
        render(Engine.evaluate(project))
    }

    private static func render(_ assessment: Assessment) {
        _ = JSONReportRenderer.render(assessment)
        for format in ReportFormat.allCases { _ = format.context(assessment) }
        _ = Explainer.explain(assessment)
    }

    // MARK: - A fixed scope for expressions

    private static let landType = EnumDomain(
        name: "land_type",
        values: [EnumValue(key: "基本农田", label: "基本农田"), EnumValue(key: "construction", label: "建设用地")])

    private static let degrees = EnumDomain(
        name: "风险程度", values: ["较小", "一般", "重大"].map { EnumValue(key: $0, label: $0) })

    private static let symbols: [Symbol] = [
        Symbol(name: "households", type: .number, isOptional: false, slot: 0),
        Symbol(name: "ratio", type: .number, isOptional: true, slot: 1),
        Symbol(name: "land_type", type: .enumeration(landType), isOptional: false, slot: 2),
        Symbol(name: "funds", type: .boolean, isOptional: true, slot: 3),
        Symbol(name: "notes", type: .text, isOptional: true, slot: 4),
        Symbol(name: "start", type: .date, isOptional: true, slot: 5),
        Symbol(name: "补偿比", type: .number, isOptional: false, slot: 6),
    ]

    private static let environments: [EvaluationEnvironment] = [
        EvaluationEnvironment(
            slots: [
                .number(500), .number(0.85), .enumeration(0), .boolean(true), .text(true), .date(19_000), .number(0),
            ],
            degreeCounts: [1, 2, 0]),
        EvaluationEnvironment(
            slots: [.number(0), .unknown, .enumeration(1), .unknown, .text(false), .unknown, .number(-1e300)],
            degreeCounts: [0, 0, 5]),
        EvaluationEnvironment(slots: [], degreeCounts: []),
    ]
}
