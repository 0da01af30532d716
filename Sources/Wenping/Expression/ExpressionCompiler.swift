/// A checked and lowered expression, ready to evaluate many times.
///
/// Immutable and `Sendable`: the compiler builds one per expression of a ruleset and the engine shares them
/// across threads.
struct CompiledExpression: Sendable {
    /// The expression as written.
    let source: String
    /// The result type; `.boolean` for conditions.
    let type: ExpressionType
    /// The slots of the symbols the expression reads (for "never used" warnings and the order of derived values).
    let references: Set<Int>
    /// The checked tree, for ``ConditionAnalysis`` and for printing.
    let syntax: CheckedSyntax
    /// The lowered instructions the evaluator runs.
    let program: Program

    /// Evaluates the expression against a project's values.
    ///
    /// Never traps and never allocates.
    ///
    /// - Returns: a value of ``type``, or `unknown` when an optional fact it needs is absent or a division by zero
    ///   occurs.
    @inline(__always)
    func evaluate(in environment: borrowing EvaluationEnvironment) -> Value {
        Evaluator.run(program, in: environment)
    }
}

/// The entry point of the expression language: source text in, ``CompiledExpression`` or diagnostics out.
enum ExpressionCompiler {
    /// Compiles one expression string.
    ///
    /// The phases run in order — ``Lexer``, ``Parser``, ``Checker``, ``Lowering`` — and compilation stops after
    /// the first phase that reports an error, so a typo is reported once and not again as a cascade.
    ///
    /// - Parameters:
    ///   - source: the expression text, as taken from the YAML scalar.
    ///   - scope: the names the expression may use and the context it appears in.
    ///   - expected: `.boolean` for conditions (E310 otherwise); nil for derived values, whose type is inferred.
    ///   - locate: maps a 0-based Unicode-scalar offset in `source` to a file position.
    ///   - diagnostics: receives every problem found, with its location and length in columns.
    /// - Returns: the compiled expression, or nil if any error was reported.
    static func compile(
        _ source: String, scope: ExpressionScope, expected: ExpressionType?,
        locate: (Int) -> SourceLocation, diagnostics: inout DiagnosticBag
    ) -> CompiledExpression? {
        func report(_ issues: [ExpressionIssue]) -> Bool {
            for issue in issues.prefix(ExpressionLimits.maximumIssues) {
                diagnostics.error(
                    issue.code, issue.message, at: locate(issue.range.lowerBound), length: issue.range.count)
            }
            if issues.count > ExpressionLimits.maximumIssues {
                let omitted = issues[ExpressionLimits.maximumIssues]
                diagnostics.error(
                    .diagnosticsOmitted,
                    "这个表达式还有 \(issues.count - ExpressionLimits.maximumIssues) 个错误未显示；请先改正上面的错误",
                    at: locate(omitted.range.lowerBound), length: omitted.range.count)
            }
            return !issues.isEmpty
        }
        let length = source.unicodeScalars.count
        if length > ExpressionLimits.maximumLength {
            diagnostics.error(
                .expressionTooLong,
                "表达式太长（\(length) 个字符，上限 \(ExpressionLimits.maximumLength) 个）；请把其中几部分写成派生值（derived），再在这里组合",
                at: locate(0))
            return nil
        }
        let (tokens, lexIssues) = Lexer.tokenize(source)
        if report(lexIssues) { return nil }
        let (syntax, parseIssues) = Parser.parse(tokens)
        guard !report(parseIssues), let syntax else { return nil }
        let (checked, checkIssues) = Checker.check(syntax, scope: scope, expected: expected)
        guard !report(checkIssues), let checked else { return nil }
        return CompiledExpression(
            source: source, type: checked.type, references: checked.references, syntax: checked,
            program: Lowering.lower(checked))
    }
}
