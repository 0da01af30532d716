import Testing

@testable import Wenping

/// A CSV row becomes a project text for the loader, and the loader's errors come back as row and column.
struct CSVProjectTests {
    static let catalog = FixtureTests.catalog

    static func project(_ columns: [String], _ cells: [String], row: Int = 2) -> CSVProject {
        CSVProject(
            table: CSVTable(file: "p.csv", columns: columns),
            record: CSVReader.Record(fields: cells, row: row, line: row), catalog: catalog, override: nil)
    }

    static func load(_ csv: CSVProject) -> ProjectLoader.Output {
        var output = ProjectLoader(catalog: catalog).load(bytes: Array(csv.text.utf8), file: "p.csv")
        output.diagnostics = output.diagnostics.map(csv.diagnostic)
        return output
    }

    @Test func labelsBecomeFieldAndInputNamesAndNumbersStayUnquoted() {
        let csv = Self.project(
            ["项目编号", "name", "kind", "所在地区", "被征收户数", "入户调查反对率", "measures"],
            ["A-1", " 名称 ", "house_expropriation", "中国/陕西省/西安市", "300", "35%", "x; y；z"])
        #expect(
            csv.text == """
                {
                "id": "A-1",
                "name": "名称",
                "kind": "house_expropriation",
                "jurisdiction": "中国/陕西省/西安市",
                "facts": {
                "households": 300,
                "opposition_rate": 35%
                },
                "measures": ["x", "y", "z"]
                }

                """)
        #expect(csv.columnOfLine == [-1, 0, 1, 2, 3, -1, 4, 5, -1, 6, -1])
    }

    @Test func aValidRowLoadsLikeAProjectFile() throws {
        let csv = Self.project(
            ["id", "name", "kind", "jurisdiction", "households", "purpose", "plan_conformity", "补偿资金足额到位、专户存储、专款专用"],
            ["A-1", "名称", "house_expropriation", "中国/陕西省/西安市", "300", "基础设施建设", "是", "true"])
        let output = Self.load(csv)
        #expect(output.diagnostics.isEmpty)
        let project = try #require(output.project)
        #expect(project.ruleSet.id == "shaanxi/xian/house-expropriation")
        #expect(project.id == "A-1")
    }

    @Test func errorsPointAtTheRowAndTheColumnByName() {
        let csv = Self.project(
            [
                "id", "name", "kind", "jurisdiction", "被征收户数", "purpose", "plan_conformity", "funds_in_place",
                "measures",
            ],
            ["A-1", "名称", "house_expropriation", "中国/陕西省/西安市", "很多", "基础设施建设", "true", "true", "nope"], row: 7)
        let text = DiagnosticFormatter().format(Self.load(csv).diagnostics)
        #expect(
            text == """
                p.csv:7:5: error[E402]: “被征收户数”列：事实“households”（被征收户数）应是整数，这里是“很多”
                p.csv:7:9: error[E406]: “measures”列：规则“shaanxi/xian/house-expropriation”中没有 id 为“nope”的措施

                """)
    }

    @Test func anUnknownColumnIsAnUnknownFactAndAMissingFieldNamesTheRow() {
        let csv = Self.project(["id", "kind", "housholds"], ["A-1", "house_expropriation", "3"], row: 3)
        let text = DiagnosticFormatter().format(Self.load(csv).diagnostics)
        #expect(text.contains("p.csv:3:1: error[E407]: 项目文件缺少必填字段“name”"))
    }

    @Test func cellsOutsideTheHeaderAreReportedWithoutLoading() {
        let csv = Self.project(["id", ""], ["A-1", "x", "y"])
        #expect(csv.text.isEmpty)
        #expect(csv.writtenID == "A-1")
        #expect(
            DiagnosticFormatter().format(csv.problems) == """
                p.csv:2:2: error[E407]: 第 2 列没有列名，不知道“x”是什么；请在第 1 行补上列名（字段名或事实项名）
                p.csv:2:3: error[E407]: 这一格（第 3 列）在列名之外：列名行只有 2 列；请检查是否多了逗号

                """)
    }

    /// A row refused before loading names its id when the id cell was read as written.
    @Test func aRefusedRowKeepsItsIdWhenTheCellIsIntact() {
        let table = CSVTable(file: "p.csv", columns: ["项目编号", "项目名称"])
        let project = { (fields: [String], damaged: Set<Int>) in
            CSVProject(
                table: table,
                record: CSVReader.Record(
                    fields: fields, row: 2, line: 2, problem: "这一行不是 UTF-8 编码的文字", damagedFields: damaged),
                catalog: Self.catalog, override: nil)
        }
        #expect(project([" A-1 ", "\u{FFFD}"], [1]).writtenID == "A-1")
        #expect(project(["A\u{FFFD}", "名称"], [0]).writtenID == nil)
        #expect(project(["  ", "名称"], [1]).writtenID == nil)
        #expect(project(["A-1", "名称"], [1]).problems.count == 1)
    }

    @Test(arguments: [
        ("1200", true), ("35%", true), ("-3", true), (".5", true), ("true", true), ("1e3", true), ("很多", false),
        ("1,200", false), ("-", false), ("a: b", false), ("#1", false), ("", false),
    ])
    func onlySafeCellsAreWrittenUnquoted(_ cell: String, _ plain: Bool) {
        #expect(CSVProject.isPlain(cell) == plain)
    }
}
