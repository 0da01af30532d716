import Foundation
import Testing

@testable import Wenping

struct SurveySpecLoaderTests {
    static func load(_ text: String) -> (SurveySpec?, [Diagnostic]) {
        SurveySpecLoader.load(bytes: Array(text.utf8), file: "spec.yaml")
    }

    static let valid = """
        format: wenping-survey/1
        title: 调查
        households: 100
        questions:
          - id: attitude
            column: 态度
            answers: [支持, { value: 反对, accept: [不支持] }, 无所谓]
        facts:
          - { name: opposition_rate, question: attitude, count: [反对] }
          - { name: decided_opposition, question: attitude, count: [反对], of: [支持, 反对] }
          - { name: survey_coverage, coverage: true }
        """

    @Test func readsQuestionsAnswersAndFacts() throws {
        let (spec, diagnostics) = Self.load(Self.valid)
        #expect(diagnostics.isEmpty)
        let loaded = try #require(spec)
        #expect(loaded.questions.map(\.id) == ["attitude"])
        #expect(loaded.questions[0].answerIndex("不支持") == 1)
        #expect(loaded.facts.map(\.name) == ["opposition_rate", "decided_opposition", "survey_coverage"])
        guard case .rate(0, [1], [0, 1]) = loaded.facts[1].kind else {
            Issue.record("decided_opposition should count 反对 among 支持 and 反对")
            return
        }
    }

    @Test func anUnknownAnswerInCountIsReportedWhereItIs() {
        let text = Self.valid.replacingOccurrences(
            of: "count: [反对] }\n  - { name: decided", with: "count: [反队] }\n  - { name: decided")
        let (spec, diagnostics) = Self.load(text)
        #expect(spec == nil)
        let first = diagnostics.first { $0.code == .invalidSurveySpec }
        #expect(first?.message == "问题“attitude”没有答案“反队”；可选：支持、反对、无所谓")
        #expect(first?.location.line == 9)
        #expect(first?.location.column == 58)
    }

    @Test func anUnknownQuestionSuggestsTheClosestOne() {
        let (_, diagnostics) = Self.load(
            Self.valid.replacingOccurrences(
                of: "question: attitude, count: [反对] }", with: "question: atitude, count: [反对] }"))
        #expect(
            diagnostics.contains {
                $0.code == .invalidSurveySpec && $0.message == "没有 id 为“atitude”的问题。是否想写“attitude”？"
            })
    }

    @Test func aSpellingUsedForTwoAnswersIsAnError() {
        let (_, diagnostics) = Self.load(
            Self.valid.replacingOccurrences(of: "accept: [不支持]", with: "accept: [不支持, 支持]"))
        #expect(diagnostics.contains { $0.code == .invalidSurveySpec && $0.message.contains("“支持”在同一问题中出现了两次") })
    }

    @Test func coverageNeedsHouseholdsAndAFormatIsRequired() {
        let (_, diagnostics) = Self.load(Self.valid.replacingOccurrences(of: "households: 100\n", with: ""))
        #expect(diagnostics.contains { $0.message.contains("覆盖率事实“survey_coverage”需要应调查户数") })
        let (_, other) = Self.load(Self.valid.replacingOccurrences(of: "wenping-survey/1", with: "wenping/1"))
        #expect(other.contains { $0.code == .invalidSurveySpec && $0.location.line == 1 })
    }

    @Test func aNumeratorOutsideTheDenominatorIsAnError() {
        let (_, diagnostics) = Self.load(Self.valid.replacingOccurrences(of: "of: [支持, 反对]", with: "of: [支持, 无所谓]"))
        #expect(diagnostics.contains { $0.message == "事实“decided_opposition”计入分子的答案“反对”不在分母 of 中" })
    }

    @Test func theFixtureSpecLoadsClean() {
        let (spec, diagnostics) = SurveySpecLoader.load(file: FixtureTests.root + "/Fixtures/survey/spec.yaml")
        #expect(spec != nil)
        #expect(diagnostics.isEmpty)
    }
}
