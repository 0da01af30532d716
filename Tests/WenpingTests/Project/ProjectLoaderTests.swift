import Foundation
import Testing

@testable import Wenping

/// Every project-file error, with its exact rendered text (location, code, message, source line and caret).
struct ProjectLoaderTests {
    static let header = """
        id: T-1
        name: 测试项目
        kind: house_expropriation
        jurisdiction: 中国/陕西省/西安市
        facts:
          households: 300
          purpose: 基础设施建设
          plan_conformity: true
          funds_in_place: true

        """

    static func render(_ text: String, override: String? = nil) -> (Project?, String) {
        let loaded = ProjectLoader(catalog: FixtureTests.catalog, override: override).load(
            bytes: Array(text.utf8), file: "p.yaml")
        let formatter = DiagnosticFormatter(sources: loaded.source.map { ["p.yaml": $0] } ?? [:])
        return (loaded.project, formatter.format(loaded.diagnostics))
    }

    @Test func validProjectLoadsWithItsRuleset() throws {
        let (project, text) = Self.render(Self.header)
        #expect(text == "")
        #expect(project?.ruleSet.id == "shaanxi/xian/house-expropriation")
    }

    @Test func unknownFactSuggestsTheClosestInput() {
        let (project, text) = Self.render(Self.header + "  housholds: 3\n")
        #expect(project == nil)
        #expect(
            text == """
                p.yaml:10:3: error[E401]: 规则“shaanxi/xian/house-expropriation”没有名为“housholds”的事实项。是否想写“households”？
                  10 |   housholds: 3
                     |   ^~~~~~~~~

                """)
    }

    @Test func factGivenByItsLabelNamesTheInput() {
        let (_, text) = Self.render(Self.header + "  被征收户数: 3\n")
        #expect(
            text.contains(
                "error[E401]: 规则“shaanxi/xian/house-expropriation”没有名为“被征收户数”的事实项；“被征收户数”是输入项“households”的名称，请写 households"
            ))
    }

    @Test func quotedNumberIsAWrongType() {
        let (_, text) = Self.render(Self.header.replacingOccurrences(of: "households: 300", with: "households: \"很多\""))
        #expect(
            text == """
                p.yaml:6:15: error[E402]: 事实“households”（被征收户数）应是整数，这里是“很多”
                   6 |   households: "很多"
                     |               ^~~~~~

                """)
    }

    @Test func percentAboveOneHundredIsOutOfRangeWithAHint() {
        let (_, text) = Self.render(Self.header + "  opposition_rate: 35\n")
        #expect(
            text == """
                p.yaml:10:20: error[E403]: 事实“opposition_rate”（入户调查反对率）的值“35”超出范围：应不小于 0%且不大于 100%；百分数请写成 0.35 或 35%，不要写 35
                  10 |   opposition_rate: 35
                     |                    ^~

                """)
    }

    @Test(arguments: ["0.35", "35%"])
    func percentAcceptsFractionAndPercentSign(_ written: String) throws {
        let (project, text) = Self.render(Self.header + "  opposition_rate: \(written)\n")
        #expect(text == "")
        let slot = try #require(project?.ruleSet.inputs.first { $0.name == "opposition_rate" }?.slot)
        #expect(project?.values[slot] == .number(0.35))
    }

    @Test func missingRequiredFactPointsAtTheProject() {
        let (_, text) = Self.render(Self.header.replacingOccurrences(of: "  funds_in_place: true\n", with: ""))
        #expect(
            text == """
                p.yaml:1:1: error[E404]: 缺少必填事实“funds_in_place”（补偿资金足额到位、专户存储、专款专用）；请在 facts 下填写
                   1 | id: T-1
                     | ^

                """)
    }

    @Test func unknownKindListsTheRulesets() {
        let (_, text) = Self.render(
            Self.header.replacingOccurrences(of: "kind: house_expropriation", with: "kind: house_expropriaton"))
        #expect(
            text.hasPrefix(
                "p.yaml:3:7: error[E405]: 没有适用于项目类型“house_expropriaton”、地区“中国/陕西省/西安市”的规则。项目类型是否想写“house_expropriation”？；现有规则："
            ))
    }

    @Test func unknownRulesetOverrideIsReported() {
        let (_, text) = Self.render(Self.header, override: "national/house")
        #expect(text.contains("error[E405]: 没有 id 为“national/house”的规则"))
    }

    @Test func unknownMeasureSuggestsTheClosestId() {
        let (_, text) = Self.render(Self.header + "measures: [independent-apraisal]\n")
        #expect(
            text == """
                p.yaml:10:12: error[E406]: 规则“shaanxi/xian/house-expropriation”中没有 id 为“independent-apraisal”的措施。是否想写“independent-appraisal”？
                  10 | measures: [independent-apraisal]
                     |            ^~~~~~~~~~~~~~~~~~~~

                """)
    }

    /// A measure listed twice is reported at its second place, whether the ruleset offers it or not, in short lists
    /// and past the 32nd measure; the first listing still counts.
    @Test func repeatedMeasuresAreReportedAtTheirRepeat() throws {
        let (project, text) = Self.render(
            Self.header + "measures: [independent-appraisal, nope, independent-appraisal, nope]\n")
        #expect(project == nil)
        #expect(text.components(separatedBy: "error[").count == 4)
        #expect(text.contains("p.yaml:10:41: error[E406]: 措施“independent-appraisal”重复列出"))
        #expect(text.contains("p.yaml:10:64: error[E406]: 措施“nope”重复列出"))
        #expect(text.components(separatedBy: "没有 id 为“nope”的措施").count == 2)
        var seen: Set<String> = []
        let offered = try #require(FixtureTests.catalog.ruleSet(id: "shaanxi/xian/house-expropriation"))
            .factors.flatMap { $0.measures.map(\.id) }.filter { seen.insert($0).inserted }
        let padding = (0..<max(1, 33 - offered.count)).map { "u\($0)" }
        let long = offered + padding + [offered[0], "nope", offered[offered.count - 1], "nope", "u0"]
        let (_, longText) = Self.render(Self.header + "measures: [\(long.joined(separator: ", "))]\n")
        #expect(longText.components(separatedBy: "重复列出").count == 5)
        for repeated in [offered[0], offered[offered.count - 1], "nope", "u0"] {
            #expect(longText.contains("措施“\(repeated)”重复列出"), "\(repeated)")
        }
    }

    @Test(arguments: ["[1, 2]", "{n: 1}"])
    func aFactThatIsNotASingleValueIsReportedOnce(_ written: String) {
        let (project, text) = Self.render(
            Self.header.replacingOccurrences(of: "households: 300", with: "households: \(written)"))
        #expect(project == nil)
        #expect(text.contains("p.yaml:6:15: error[E402]: 事实“households”应是单个值，这里是"))
        #expect(!text.contains("缺少必填事实“households”"))
        #expect(text.components(separatedBy: "error[").count == 2)
    }

    @Test func missingNameAndUnknownFieldAreReported() {
        let (_, text) = Self.render("id: T-1\nkind: major_project\nfact: {}\n")
        #expect(
            text == """
                p.yaml:1:1: error[E407]: 项目文件缺少必填字段“name”
                   1 | id: T-1
                     | ^
                p.yaml:3:1: error[E202]: 项目文件中没有“fact”这个字段。是否想写“facts”？
                   3 | fact: {}
                     | ^~~~

                """)
    }

    @Test func jsonProjectsLoadToo() {
        let json = """
            {"id": "J-1", "name": "JSON 项目", "kind": "house_expropriation", "jurisdiction": "中国/四川省/成都市",
             "facts": {"households": 120, "purpose": "infrastructure", "plan_conformity": true, "funds_in_place": false}}
            """
        let (project, text) = Self.render(json)
        #expect(text == "")
        #expect(project?.ruleSet.id == "sichuan/chengdu/house-expropriation")
    }

    @Test func mostSpecificJurisdictionWins() {
        let national = Self.header.replacingOccurrences(of: "中国/陕西省/西安市", with: "中国/北京市")
        #expect(Self.render(national).0?.ruleSet.id == "national/house-expropriation")
        let district = Self.header.replacingOccurrences(of: "中国/陕西省/西安市", with: "中国/陕西省/西安市/雁塔区")
        #expect(Self.render(district).0?.ruleSet.id == "shaanxi/xian/house-expropriation")
    }

    @Test func yamlErrorsInProjectFilesCarryTheirPosition() {
        let (_, text) = Self.render("id: T-1\nname: x\nname: y\n")
        #expect(text.hasPrefix("p.yaml:3:1: error[E105]:"))
    }
}
