import Foundation
import Testing
import WenpingYAML

@testable import Wenping

struct SurveyImportTests {
    static let folder = FixtureTests.root + "/Fixtures/survey"
    static let spec: SurveySpec = {
        let (spec, _) = SurveySpecLoader.load(file: folder + "/spec.yaml")
        return spec!
    }()

    static func fact(_ result: SurveyResult, _ name: String) throws -> SurveyResult.Fact {
        try #require(result.facts.first { $0.name == name })
    }

    @Test func theWholeFixtureCountsEveryRow() throws {
        let outcome = SurveyImport.run(spec: Self.spec, file: Self.folder + "/responses.csv")
        let result = try #require(outcome.result)
        #expect(result.rows == 1236)
        #expect(result.blank == 2)
        #expect(result.valid == 1209)
        #expect(result.invalidRows.count == 27)
        #expect(result.valid + result.invalidRows.count == result.rows)
        #expect(outcome.diagnostics.filter { $0.code == .invalidResponse }.count == 27)
        let opposition = try Self.fact(result, "opposition_rate")
        #expect(opposition.count == 169 && opposition.n == 1209)
        #expect(Formatting.number(opposition.lower, digits: 4) == "0.1214")
        #expect(Formatting.number(opposition.upper, digits: 4) == "0.1605")
        let coverage = try Self.fact(result, "survey_coverage")
        #expect(coverage.count == 1209 && coverage.n == 1280)
        // Areas add up to the whole.
        #expect(result.areas.reduce(0) { $0 + $1.valid } == 1209)
        let areaOpposition = result.areas.compactMap { $0.facts.first { $0.name == "opposition_rate" }?.count }
        #expect(areaOpposition.reduce(0, +) == 169)
    }

    /// The arithmetic is written out in `Fixtures/survey/README.md`.
    @Test func firstTwentyRowsMatchTheHandCount() throws {
        let text = try String(contentsOfFile: Self.folder + "/responses.csv", encoding: .utf8)
        let head = text.components(separatedBy: "\r\n").prefix(21).joined(separator: "\r\n") + "\r\n"
        let outcome = SurveyImport.run(spec: Self.spec, bytes: Array(head.utf8), file: "head.csv")
        let result = try #require(outcome.result)
        #expect(result.rows == 20 && result.valid == 19 && result.invalidRows == [19])
        #expect(result.problems.first?.column == "对本次征收的态度")
        #expect(result.problems.first?.value == "反队")
        #expect(result.questions[0].answers.map(\.count) == [13, 4, 2])
        #expect(result.questions[1].answers.map(\.count) == [13, 6])
        let opposition = try Self.fact(result, "opposition_rate")
        #expect(opposition.count == 4 && opposition.n == 19)
        #expect(Formatting.number(opposition.lower, digits: 4) == "0.0851")
        #expect(Formatting.number(opposition.upper, digits: 4) == "0.4333")
        let support = try Self.fact(result, "support_rate")
        #expect(Formatting.number(support.lower, digits: 4) == "0.4601")
        #expect(Formatting.number(support.upper, digits: 4) == "0.8464")
        #expect(try Self.fact(result, "survey_coverage").value == 19.0 / 1280)
    }

    @Test func fragmentAndSummaryMatchGoldenFiles() throws {
        let result = try #require(SurveyImport.run(spec: Self.spec, file: Self.folder + "/responses.csv").result)
        try assertSnapshot(SurveyFragmentWriter.yaml(result), named: "xingfuli.survey.yaml")
        try assertSnapshot(SurveyFragmentWriter.json(result), named: "xingfuli.survey.json")
        try assertSnapshot(SurveySummaryRenderer.markdown(result), named: "xingfuli.summary.md")
        let summary = SurveySummaryRenderer.json(result)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(summary.utf8)) as? [String: Any])
        #expect((object["invalidRows"] as? [Any])?.count == 27)
    }

    @Test func theFragmentReadsBackAsTheSameFacts() throws {
        let result = try #require(SurveyImport.run(spec: Self.spec, file: Self.folder + "/responses.csv").result)
        for text in [SurveyFragmentWriter.yaml(result), SurveyFragmentWriter.json(result)] {
            let root = try #require(try YAMLParser.parse(Array(text.utf8), limits: .default).root)
            guard case .mapping(let top) = root, let node = top["survey"] else {
                Issue.record("the fragment should be a mapping with a survey key")
                return
            }
            var reader = NodeReader(file: "fragment")
            let survey = try #require(ProjectSurvey.read(node, &reader))
            #expect(reader.diagnostics.diagnostics.isEmpty)
            #expect(survey.facts.map(\.name) == result.facts.map(\.name))
            #expect(survey.facts.map(\.count) == result.facts.map(\.count))
            #expect(survey.areas.count == 4)
        }
    }

    @Test func gbkFileIsRejectedWithHowToResave() throws {
        let outcome = SurveyImport.run(spec: Self.spec, bytes: TextEncodingCheckTests.gbk, file: "data/问卷.csv")
        #expect(outcome.result == nil)
        let diagnostic = try #require(outcome.diagnostics.first)
        #expect(diagnostic.code == .surveyEncoding)
        #expect(diagnostic.message.hasPrefix("“问卷.csv”是 GBK/GB18030 编码"))
    }

    @Test func aMissingColumnIsNamedWithTheClosestHeader() throws {
        let csv = "问卷编号,片区,对本次征收态度,是否了解补偿方案,安置方式意愿\n1,东片,支持,了解,货币补偿\n"
        let outcome = SurveyImport.run(spec: Self.spec, bytes: Array(csv.utf8), file: "r.csv")
        #expect(outcome.result == nil)
        #expect(
            outcome.diagnostics.map(\.message) == [
                "表头中没有问题“attitude”的列“对本次征收的态度”这一列。是否是“对本次征收态度”？请让调查说明文件中的列名与表头一致"
            ])
    }

    @Test func aFileWithOnlyBadRowsYieldsNoResult() throws {
        let csv = "问卷编号,片区,对本次征收的态度,是否了解补偿方案,安置方式意愿\n1,东片,好,了解,货币补偿\n"
        let outcome = SurveyImport.run(spec: Self.spec, bytes: Array(csv.utf8), file: "r.csv")
        #expect(outcome.result == nil)
        #expect(outcome.diagnostics.map(\.code) == [.invalidResponse, .surveyNoValidRows])
        #expect(outcome.diagnostics[0].message.hasPrefix("第 2 行“对本次征收的态度”列的“好”：不是这一题的答案"))
    }
}
