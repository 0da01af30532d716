import Foundation
import Testing
import WenpingYAML

/// Each hostile input must fail with exactly one error of the expected kind and mark, well under a second.
struct YAMLHostileInputTests {
    /// Parses `bytes`, expecting a failure within a second, and returns the error.
    private func fastError(
        _ bytes: [UInt8], limits: YAMLLimits = .default, sourceLocation: SourceLocation = #_sourceLocation
    ) -> YAMLError? {
        var error: YAMLError?
        let elapsed = Duration.cpuTime { error = parseError(bytes, limits: limits, sourceLocation: sourceLocation) }
        #expect(elapsed < .seconds(1), "took \(elapsed)", sourceLocation: sourceLocation)
        return error
    }

    /// Parses the file at `path`, expecting a failure within a second, and returns the error.
    private func fastFileError(
        _ path: String, limits: YAMLLimits = .default, sourceLocation: SourceLocation = #_sourceLocation
    ) -> YAMLError? {
        var caught: YAMLError?
        let elapsed = Duration.cpuTime {
            do throws(YAMLError) {
                _ = try YAMLParser.parse(contentsOfFile: path, limits: limits)
                Issue.record("expected an error", sourceLocation: sourceLocation)
            } catch {
                caught = error
            }
        }
        #expect(elapsed < .seconds(1), "took \(elapsed)", sourceLocation: sourceLocation)
        return caught
    }

    private func fastError(
        _ text: String, limits: YAMLLimits = .default, sourceLocation: SourceLocation = #_sourceLocation
    ) -> YAMLError? {
        fastError(Array(text.utf8), limits: limits, sourceLocation: sourceLocation)
    }

    // MARK: - Aliases

    @Test func billionLaughsFailsOnTheCountBeforeExpanding() throws {
        var lines = ["a: &a [" + Array(repeating: "\"lol\"", count: 9).joined(separator: ",") + "]"]
        let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i"]
        for (previous, name) in zip(names, names.dropFirst()) {
            let aliases = Array(repeating: "*\(previous)", count: 9).joined(separator: ",")
            lines.append("\(name): &\(name) [\(aliases)]")
        }
        let error = try #require(fastError(lines.joined(separator: "\n") + "\n"))
        #expect(error.kind == .aliasLimit)
        #expect(error.mark == mark(5, 8, 174))
        #expect(
            error.message
                == "别名展开后的内容太多，超过了 10000 个节点（层层引用别名会让内容成倍增长）；请直接写出内容，不要嵌套引用别名")
    }

    @Test func tooManyAliasesFail() throws {
        let aliases = Array(repeating: "*a", count: 101).joined(separator: ", ")
        let error = try #require(fastError("a: &a x\nl: [\(aliases)]\n"))
        #expect(error.kind == .aliasLimit)
        #expect(error.mark == mark(2, 405, 412))
        #expect(error.message == "别名（*名字）用得太多，超过了 100 个；请直接写出内容，少用锚点和别名")
    }

    @Test func aliasesCannotNestPastTheDepthLimit() throws {
        var limits = YAMLLimits()
        limits.maxDepth = 3
        let error = try #require(fastError("a: &a [[1]]\nb: [*a]\n", limits: limits))
        #expect(error.kind == .depth)
        #expect(error.mark == mark(2, 5, 16))
    }

    @Test func unknownAliasIsASyntaxError() throws {
        let error = try #require(fastError("a: *nope\n"))
        #expect(error.kind == .syntax)
        #expect(error.mark == mark(1, 4, 3))
        #expect(error.message == "别名“*nope”找不到对应的锚点“&nope”；请先在前面用“&nope”定义锚点，或直接写出内容")
    }

    @Test func aliasInsideItsOwnAnchorIsUnknown() throws {
        let error = try #require(fastError("a: &x [*x]\n"))
        #expect(error.kind == .syntax)
        #expect(error.mark == mark(1, 8, 7))
    }

    // MARK: - Depth

    @Test func tenThousandDeepFlowNestingFailsAtTheLimit() throws {
        let text = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        let error = try #require(fastError(text))
        #expect(error.kind == .depth)
        #expect(error.mark == mark(1, 65, 64))
        #expect(error.message == "嵌套太深，超过了 64 层；请减少列表和映射的嵌套层数")
    }

    @Test func deepBlockNestingFailsAtTheLimit() throws {
        let text = (0..<100).map { String(repeating: "  ", count: $0) + "k:" }.joined(separator: "\n") + " 1\n"
        let error = try #require(fastError(text))
        #expect(error.kind == .depth)
        #expect(error.mark == mark(65, 129, 4352))
    }

    @Test func nestingUpToTheLimitIsFine() throws {
        let text = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
        #expect(try YAMLParser.parse(text).root != nil)
    }

    // MARK: - Size

    @Test func oversizedBytesFailBeforeParsing() throws {
        let error = try #require(fastError([UInt8](repeating: UInt8(ascii: "["), count: 9 * 1024 * 1024)))
        #expect(error.kind == .tooLarge)
        #expect(error.mark == mark(1, 1, 0))
        #expect(error.message == "文件太大（9437184 字节），超过了上限 8 MiB；请把内容拆成几个较小的文件")
    }

    @Test func oversizedStringFailsBeforeParsing() throws {
        let text = String(repeating: "a", count: 9 * 1024 * 1024)
        var caught: YAMLError?
        let elapsed = Duration.cpuTime {
            do throws(YAMLError) { _ = try YAMLParser.parse(text) } catch { caught = error }
        }
        #expect(elapsed < .seconds(1))
        #expect(try #require(caught).kind == .tooLarge)
    }

    @Test func hundredMegabyteFileFailsWithoutBeingRead() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("wenping-big-\(UUID()).yaml").path
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: 100_000_000)
        try handle.close()
        let error = try #require(fastFileError(path))
        #expect(error.kind == .tooLarge)
        #expect(error.mark == mark(1, 1, 0))
        #expect(error.message == "文件太大（100000000 字节），超过了上限 8 MiB；请把内容拆成几个较小的文件")
    }

    @Test func endlessDeviceIsRefusedWithoutBeingRead() throws {
        let error = try #require(fastFileError("/dev/zero"))
        #expect(error.kind == .unreadable)
        #expect(error.message == "无法读取文件“/dev/zero”：这是一个设备文件，不是普通文件；请给出 YAML 文件的路径")
    }

    @Test func fifoIsRefusedWithoutBlocking() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("fifo-\(UUID().uuidString).yaml").path
        #expect(mkfifo(path, 0o644) == 0)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let error = try #require(fastFileError(path))
        #expect(error.kind == .unreadable)
        #expect(error.message.contains("命名管道（FIFO）"))
    }

    // MARK: - Encoding

    @Test func invalidUTF8InTheMiddleOfLineThree() throws {
        let bytes = Array("a: 1\nb: 2\nc: 中".utf8) + [0xFF] + Array("文\n".utf8)
        let error = try #require(fastError(bytes))
        #expect(error.kind == .invalidUTF8)
        #expect(error.mark == mark(3, 5, 16))
        #expect(error.message == "这里的字节 0xFF 不是有效的 UTF-8 编码；请用 UTF-8 编码保存文件（在编辑器里选择“UTF-8”另存）")
    }

    /// Ill-formed UTF-8 sequences and how the error message shows them.
    static let illFormedSequences: [([UInt8], String)] = [
        ([0xE4, 0xB8, 0x78], "0xE4 0xB8"),  // truncated 中
        ([0xC0, 0x80], "0xC0"),  // overlong NUL
        ([0xED, 0xA0, 0x80], "0xED"),  // UTF-16 surrogate
        ([0xF4, 0x90, 0x80, 0x80], "0xF4"),  // above U+10FFFF
        ([0x80], "0x80"),  // lone continuation byte
    ]

    @Test(arguments: illFormedSequences)
    func rejectsIllFormedSequences(sequence: [UInt8], hex: String) throws {
        let error = try #require(fastError(Array("k: 值".utf8) + sequence))
        #expect(error.kind == .invalidUTF8)
        #expect(error.mark == mark(1, 5, 6))
        #expect(error.message.hasPrefix("这里的字节 \(hex) 不是"))
    }

    @Test func controlCharactersAreSyntaxErrors() throws {
        let error = try #require(fastError("a: 中\u{01}\n"))
        #expect(error.kind == .syntax)
        #expect(error.mark == mark(1, 5, 6))
        #expect(error.message == "文件里有不允许的控制字符（不可见字符）；请删除它(libyaml:control characters are not allowed)")
    }

    @Test func controlCharacterAfterByteOrderMark() throws {
        let error = try #require(fastError([0xEF, 0xBB, 0xBF] + Array("a: \u{0}".utf8)))
        #expect(error.kind == .syntax)
        #expect(error.mark == mark(1, 4, 3))
    }

    // MARK: - Tabs

    @Test(arguments: [
        ("a:\n\tb: 1\n", mark(2, 1, 3)),
        ("a:\n  b: 1\n  \tc: 2\n", mark(3, 3, 12)),
        ("a: |\n  x\n\ty\n", mark(3, 1, 9)),
        ("标题:\n\t值: 1\n", mark(2, 1, 8)),
        ("- a\n\t- b\n", mark(2, 1, 4)),
    ])
    func tabIndentationIsReportedAtTheTab(text: String, expected: YAMLMark) throws {
        let error = try #require(fastError(text))
        #expect(error.kind == .tab)
        #expect(error.mark == expected)
        #expect(error.message == "用了制表符（Tab）缩进；YAML 只能用空格缩进，请把 Tab 换成空格")
    }

    @Test func tabsAfterAnIndicatorAreFine() {
        #expect(scalar(parseRoot("a:\tb\n"), "a")?.value == "b")
    }

    // MARK: - Keys

    @Test func duplicateKeyReportsBothPlaces() throws {
        let error = try #require(fastError("name: a\nlevel: 1\nname: b\n"))
        #expect(error.kind == .duplicateKey)
        #expect(error.mark == mark(3, 1, 17))
        #expect(error.related == mark(1, 1, 0))
        #expect(error.relatedMessage == "第一次出现在这里")
        #expect(error.message == "键“name”在同一个映射里出现了两次；请删除其中一个，或把两处内容合并")
    }

    @Test func duplicateKeyInFlowMapping() throws {
        let error = try #require(fastError("{a: 1, 'a': 2}"))
        #expect(error.kind == .duplicateKey)
        #expect(error.mark == mark(1, 8, 7))
        #expect(error.related == mark(1, 2, 1))
    }

    @Test func sameKeyInDifferentMappingsIsFine() {
        #expect(parseRoot("a: {x: 1}\nb: {x: 2}\n") != nil)
    }

    @Test(arguments: [
        ("? [a]\n: 1\n", mark(1, 3, 2), "列表"),
        ("{[a]: 1}", mark(1, 2, 1), "列表"),
        ("? {a: 1}\n: 1\n", mark(1, 3, 2), "映射"),
        ("a: &a [1]\n*a : 2\n", mark(2, 1, 10), "列表"),
    ])
    func complexKeysAreRejected(text: String, expected: YAMLMark, kindName: String) throws {
        let error = try #require(fastError(text))
        #expect(error.kind == .complexKey)
        #expect(error.mark == expected)
        #expect(error.message == "映射的键必须是单个值（文字或数字），这里却是\(kindName)；请把键改成一个普通的名字")
    }

    // MARK: - Tags

    @Test func pythonObjectTagIsRejected() throws {
        let error = try #require(fastError("cmd: !!python/object:os.system ls\n"))
        #expect(error.kind == .tag)
        #expect(error.mark == mark(1, 6, 5))
        #expect(
            error.message
                == "不支持标签“!!python/object:os.system”：规则文件只接受普通数据（文字、数字、列表、映射）；请删除这个标签")
    }

    @Test(arguments: [
        ("x: !custom 1\n", "“!custom”"),
        ("x: ! a\n", "“!”"),
        ("x: !!binary aGk=\n", "“!!binary”"),
        ("x: !custom {a: 1}\n", "“!custom”"),
        ("%TAG !! tag:evil.com,2000:\n--- !!str a\n", "“!<tag:evil.com,2000:str>”"),
    ])
    func otherTagsAreRejected(text: String, shown: String) throws {
        let error = try #require(fastError(text))
        #expect(error.kind == .tag)
        #expect(error.message.contains(shown))
    }

    @Test(arguments: [
        ("x: !!map [1]\n", "标签“!!map”不能用在列表上；请删除这个标签"),
        ("x: !!str [1]\n", "标签“!!str”不能用在列表上；请删除这个标签"),
        ("x: !!seq a\n", "标签“!!seq”不能用在单值上；请删除这个标签"),
        ("x: !!int abc\n", "标签“!!int”要求值是整数，但这里是“abc”；请改正这个值，或删除标签"),
        ("x: !!bool yes\n", "标签“!!bool”要求值是布尔值（true 或 false），但这里是“yes”；请改正这个值，或删除标签"),
    ])
    func coreTagsMustFitTheirNode(text: String, message: String) throws {
        let error = try #require(fastError(text))
        #expect(error.kind == .tag)
        #expect(error.mark == mark(1, 4, 3))
        #expect(error.message == message)
    }

    // MARK: - Documents

    @Test(arguments: [("a: 1\n---\nb: 2\n", mark(2, 1, 5)), ("--- a\n--- b\n", mark(2, 1, 6))])
    func secondDocumentIsRejected(text: String, expected: YAMLMark) throws {
        let error = try #require(fastError(text))
        #expect(error.kind == .documentCount)
        #expect(error.mark == expected)
        #expect(
            error.message
                == "文件里有不止一个 YAML 文档（用“---”分隔）；一个文件只能写一个文档，请删除多余的“---”，或把内容拆到不同文件")
    }
}
