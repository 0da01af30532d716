import Foundation
import Testing

/// Runs `wenping test` and `wenping diff` as a user would: exit statuses, what goes to stdout and to stderr.
struct RuleTestCommandTests {
    @Test func bundledRuleTestsPassAndTheLastLineIsForCI() throws {
        let run = try CommandLineTests.run(["test"])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stderr.isEmpty)
        let last = try #require(run.stdout.split(separator: "\n").last)
        #expect(last.wholeMatch(of: /[0-9]+ passed, 0 failed/) != nil)
    }

    @Test func wrongExpectationPrintsTheFailureWithCaretAndExitsOne() throws {
        let run = try CommandLineTests.run([
            "test", "--rules", "Rules", "Fixtures/rule-tests/wrong-expectation.test.yaml",
        ])
        #expect(run.status == 1)
        #expect(run.stderr.isEmpty)
        #expect(
            run.stdout == """
                Fixtures/rule-tests/wrong-expectation.test.yaml:10:14: 失败: 用例“征求意见不足30日”：措施后等级 期望 中，实际 高
                  10 |       after: 中
                     |              ^~
                Fixtures/rule-tests/wrong-expectation.test.yaml:13:35: 失败: 用例“征求意见不足30日”：风险因素“procedure”措施前风险概率 期望 较高，实际 很高（第 1 档：comment_period_days < 30）
                  13 |         procedure: { probability: 较高, degree: 重大 }
                     |                                   ^~~~
                Fixtures/rule-tests/wrong-expectation.test.yaml:20:24: 失败: 用例“反对率改为40%”：措施前综合指数 期望 0.35（允许误差 0.001），实际 0.3398
                  20 |       index: { before: 0.35 }
                     |                        ^~~~

                3 个用例：1 通过，2 失败
                1 passed, 2 failed

                """)
    }

    @Test func brokenTestFileExitsTwoWithDiagnosticsOnStderr() throws {
        let run = try CommandLineTests.run(["test", "--rules", "Rules", "Fixtures/rule-tests/invalid.test.yaml"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("Fixtures/rule-tests/invalid.test.yaml:10:9: error[E408]:"))
        #expect(run.stdout.hasSuffix("0 passed, 0 failed\n"))
    }

    @Test func coverageFlagPrintsEveryRuleset() throws {
        let run = try CommandLineTests.run(["test", "Fixtures/rule-tests/coverage", "--coverage"])
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("覆盖率 demo/coverage：分档 4/8，兜底条件 0/1，数量规则 1/1，措施 1/2，综合指数单独定级 0/2\n"))
    }

    @Test func diffPrintsTheMarkdownPreviewAndExitsZero() throws {
        let run = try CommandLineTests.run([
            "diff", "Fixtures/diff/old", "Fixtures/diff/new", "--projects",
            "Fixtures/projects/house-expropriation/xa-affordable-medium.yaml",
        ])
        #expect(run.status == 0)
        #expect(run.stderr.isEmpty)
        #expect(run.stdout.hasPrefix("# 规则修改影响预览\n"))
        #expect(run.stdout.contains("- 措施后等级：低 → **中**，由可以实施变为不可实施\n"))
    }

    @Test func diffWithAProjectOneVersionCannotGradeExitsOne() throws {
        let run = try CommandLineTests.run([
            "diff", "Fixtures/diff/old", "Rules", "--projects",
            "Fixtures/projects/house-expropriation/cd-old-town-medium.yaml", "--format", "json",
        ])
        #expect(run.status == 1)
        #expect(run.stderr.contains("error[E401]"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect((object["summary"] as? [String: Any])?["invalid"] as? Int == 1)
    }

    @Test func diffWithBrokenRulesExitsTwo() throws {
        let run = try CommandLineTests.run([
            "diff", "Fixtures/cases/structure/E209-unknown-level", "Fixtures/diff/new", "--projects",
            "Fixtures/projects/house-expropriation/xa-road-low.yaml",
        ])
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("规则文件有错误，未进行比较"))
    }
}
