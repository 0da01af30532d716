/// Renders the results of a ``RuleTestSuite`` for a terminal or a CI log.
///
/// Each failed expectation comes first, as `file:line:col: 失败: 用例“…”：…` with the line of the test file
/// and a caret under the expected value; then, when asked, the coverage of every ruleset; then the summary in
/// Chinese; and last a line `N passed, M failed` in English for CI tools.
///
/// ```
/// Rules/x.test.yaml:12:14: 失败: 用例“资金未到位”:措施后等级 期望 中,实际 高
///   12 |       after: 中
///      |              ^
///
/// 1 个用例:0 通过,1 失败
/// 0 passed, 1 failed
/// ```
public enum RuleTestTextRenderer {
    public static func render(_ suite: RuleTestSuite, coverage: Bool = false) -> String {
        var out = failures(suite)
        if !out.isEmpty { out += "\n" }
        if coverage {
            let text = self.coverage(suite.coverage)
            if !text.isEmpty { out += text + "\n" }
        }
        out += "\(suite.results.count) 个用例：\(suite.passedCount) 通过，\(suite.failedCount) 失败"
        if suite.rulesHaveErrors {
            out += "；规则文件有错误，相关测试没有运行"
        } else if suite.hasErrors {
            out += "；规则测试文件有错误，有错误的用例没有运行"
        }
        out += "\n\(suite.passedCount) passed, \(suite.failedCount) failed\n"
        return out
    }

    /// Every failed expectation with its source line and caret, in file order.
    public static func failures(_ suite: RuleTestSuite) -> String {
        let formatter = DiagnosticFormatter(sources: suite.sources)
        var out = ""
        for result in suite.results {
            for failure in result.failures {
                out += "\(failure.location): 失败: 用例“\(failure.caseName)”：\(failure.message)\n"
                out += formatter.excerpt(at: failure.location, length: failure.length)
            }
        }
        return out
    }

    /// Per ruleset: reached and total items of each kind, then every item no case reached with its place.
    public static func coverage(_ coverage: [RuleTestCoverage]) -> String {
        var out = ""
        for ruleSet in coverage {
            // Cure and index items exist only where a ruleset has them; the four basic kinds are always listed.
            let counts = RuleTestCoverage.Kind.allCases.compactMap { kind -> String? in
                let (reached, total) = ruleSet.count(kind)
                if total == 0 && (kind == .cure || kind == .index) { return nil }
                return "\(kind.name) \(reached)/\(total)"
            }
            out += "覆盖率 \(ruleSet.ruleSetID)：\(counts.joined(separator: "，"))\n"
            let unreached = ruleSet.unreached
            guard !unreached.isEmpty else { continue }
            out += "  没有用例覆盖：\n"
            for item in unreached {
                let place = item.location.map { "\($0.file):\($0.line): " } ?? ""
                out += "    \(place)\(item.description)\n"
            }
        }
        return out
    }
}
