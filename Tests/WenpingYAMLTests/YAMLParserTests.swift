import Foundation
import Testing
import WenpingYAML

struct YAMLParserTests {
    @Test func buildsBlockMappingWithExactMarks() throws {
        let document = try YAMLParser.parse("id: r1\nlevels:\n  - 1\n  - two\n")
        guard case .mapping(let top) = try #require(document.root) else {
            Issue.record("root is not a mapping")
            return
        }
        #expect(top.mark == mark(1, 1, 0))
        #expect(top.isFlow == false)
        #expect(top.entries.map(\.key.value) == ["id", "levels"])
        #expect(top.entries[0].key.endMark == mark(1, 3, 2))
        #expect(scalar(document.root, "id")?.mark == mark(1, 5, 4))
        #expect(scalar(document.root, "id")?.endMark == mark(1, 7, 6))
        guard case .sequence(let levels) = try #require(top["levels"]) else {
            Issue.record("levels is not a sequence")
            return
        }
        #expect(levels.mark == mark(3, 3, 17))
        #expect(levels.isFlow == false)
        #expect(levels.items.map(\.mark) == [mark(3, 5, 19), mark(4, 5, 25)])
        #expect(scalar(document.root, "levels", "1")?.value == "two")
    }

    @Test func countsColumnsInUnicodeScalarsAndOffsetsInBytes() throws {
        let root = parseRoot("标题: 风险评估\n说明: \"好的\"\n")
        #expect(scalar(root, "标题")?.mark == mark(1, 5, 8))
        #expect(scalar(root, "标题")?.endMark == mark(1, 9, 20))
        guard case .mapping(let top) = root else {
            Issue.record("root is not a mapping")
            return
        }
        #expect(top.entries[1].key.mark == mark(2, 1, 21))
        #expect(scalar(root, "说明")?.mark == mark(2, 5, 29))
        #expect(scalar(root, "说明")?.endMark == mark(2, 9, 37))
    }

    @Test func recordsScalarStyles() {
        let root = parseRoot("a: plain\nb: 'single'\nc: \"double\"\nd: |\n  literal\ne: >\n  folded\n  text\n")
        #expect(scalar(root, "a")?.style == .plain)
        #expect(scalar(root, "b")?.style == .singleQuoted)
        #expect(scalar(root, "b")?.value == "single")
        #expect(scalar(root, "c")?.style == .doubleQuoted)
        #expect(scalar(root, "d")?.style == .literal)
        #expect(scalar(root, "d")?.value == "literal\n")
        #expect(scalar(root, "e")?.style == .folded)
        #expect(scalar(root, "e")?.value == "folded text\n")
    }

    @Test func parsesFlowMappingsAndSequences() throws {
        let root = parseRoot("rule: { when: a < 0.9, level: 3 }\nlist: [x, 'y']\n")
        guard case .mapping(let top) = root, case .mapping(let rule) = top["rule"] else {
            Issue.record("rule is not a mapping")
            return
        }
        #expect(rule.isFlow)
        #expect(rule.mark == mark(1, 7, 6))
        #expect(rule.endMark == mark(1, 34, 33))
        #expect(rule.entries.map(\.key.value) == ["when", "level"])
        #expect(scalar(root, "rule", "when")?.value == "a < 0.9")
        #expect(scalar(root, "rule", "when")?.mark == mark(1, 15, 14))
        #expect(scalar(root, "list", "1")?.style == .singleQuoted)
    }

    @Test func parsesJSON() throws {
        let root = parseRoot(#"{"id": "r1", "levels": [1, 2.5, true, null], "nested": {"k": "v"}}"#)
        #expect(scalar(root, "id")?.value == "r1")
        #expect(scalar(root, "id")?.style == .doubleQuoted)
        #expect(scalar(root, "levels", "0")?.int == 1)
        #expect(scalar(root, "levels", "1")?.double == 2.5)
        #expect(scalar(root, "levels", "2")?.bool == true)
        #expect(scalar(root, "levels", "3")?.isNull == true)
        #expect(scalar(root, "nested", "k")?.value == "v")
    }

    @Test(arguments: ["", "# only a comment\n", "---\n", "--- # comment\n...\n", "\n\n"])
    func emptyDocumentHasNoRoot(text: String) throws {
        let document = try YAMLParser.parse(text)
        #expect(document.root == nil)
        #expect(document.text == text)
    }

    @Test func explicitEmptyStringIsARoot() {
        #expect(scalar(parseRoot("--- ''\n"))?.value == "")
    }

    @Test func skipsByteOrderMark() throws {
        let document = try YAMLParser.parse([0xEF, 0xBB, 0xBF] + Array("a: 中b\n".utf8))
        #expect(document.text == "a: 中b\n")
        guard case .mapping(let top) = try #require(document.root) else {
            Issue.record("root is not a mapping")
            return
        }
        #expect(top.entries[0].key.mark == mark(1, 1, 0))
        #expect(scalar(document.root, "a")?.mark == mark(1, 4, 3))
        #expect(scalar(document.root, "a")?.endMark == mark(1, 6, 7))
    }

    @Test func handlesWindowsLineEnds() {
        let root = parseRoot("a: 1\r\nb: 中\r\nc: x\r\n")
        #expect(scalar(root, "b")?.mark == mark(2, 4, 9))
        #expect(scalar(root, "b")?.value == "中")
        #expect(scalar(root, "c")?.mark == mark(3, 4, 17))
    }

    @Test func resolvesAliasesToCopiesOfTheAnchoredNode() throws {
        let root = parseRoot("base: &b {x: 1}\nuse: *b\n<<: *b\n")
        guard case .mapping(let top) = root else {
            Issue.record("root is not a mapping")
            return
        }
        #expect(top["use"] == top["base"])
        #expect(top["use"]?.mark == mark(1, 7, 6))
        #expect(top.entries.map(\.key.value) == ["base", "use", "<<"])
        #expect(scalar(root, "<<", "x")?.int == 1)
    }

    @Test func reportsKindNames() {
        #expect(parseRoot("{}")?.kindName == "映射")
        #expect(parseRoot("[]")?.kindName == "列表")
        #expect(parseRoot("x")?.kindName == "单值")
    }

    @Test func acceptsCoreTags() {
        let root = parseRoot("a: !!str 12\nb: !!map {x: 1}\nc: !!seq [1]\nd: !<tag:yaml.org,2002:int> '7'\n")
        #expect(scalar(root, "a")?.tag == "tag:yaml.org,2002:str")
        #expect(scalar(root, "a")?.int == nil)
        #expect(scalar(root, "d")?.int == 7)
        #expect(scalar(root, "b", "x")?.tag == nil)
    }

    @Test func marksOrderTopToBottom() {
        #expect(mark(1, 9, 8) < mark(2, 1, 10))
        #expect(mark(2, 1, 10) < mark(2, 3, 12))
        #expect(mark(3, 7, 30).description == "3:7")
    }

    @Test func readsFiles() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("wenping-\(UUID()).yaml").path
        try Data("id: r1\n".utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let document = try YAMLParser.parse(contentsOfFile: path)
        #expect(scalar(document.root, "id")?.value == "r1")
        #expect(document.text == "id: r1\n")
    }

    @Test func reportsMissingFile() {
        #expect(throws: YAMLError.self) { try YAMLParser.parse(contentsOfFile: "/nonexistent/rules.yaml") }
        do {
            _ = try YAMLParser.parse(contentsOfFile: "/nonexistent/rules.yaml")
        } catch {
            #expect(error.kind == .unreadable)
            #expect(error.mark == mark(1, 1, 0))
            #expect(error.message == "无法读取文件“/nonexistent/rules.yaml”：文件不存在；请检查路径和文件名是否写对")
        }
    }

    @Test func reportsFolderInsteadOfFile() {
        do {
            _ = try YAMLParser.parse(contentsOfFile: FileManager.default.temporaryDirectory.path)
            Issue.record("expected an error")
        } catch {
            #expect(error.kind == .unreadable)
            #expect(error.message.hasSuffix("这是一个文件夹，不是文件；请给出 YAML 文件的路径"))
        }
    }

    @Test func parsesLongSingleLineInLinearTime() throws {
        let items = (0..<100_000).map { "\"值\($0)\"" }.joined(separator: ", ")
        var root: YAMLNode?
        let elapsed = try Duration.cpuTime { root = try YAMLParser.parse("[\(items)]").root }
        guard case .sequence(let sequence) = root else {
            Issue.record("root is not a sequence")
            return
        }
        #expect(sequence.items.count == 100_000)
        #expect(sequence.items.last?.mark.line == 1)
        #expect(elapsed < .seconds(5))
    }
}
