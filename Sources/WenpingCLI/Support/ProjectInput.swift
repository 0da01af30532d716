import Foundation
import Wenping

/// Loads a project named on the command line: a file, or `-` for standard input (one project, YAML or JSON).
///
/// Two mistakes get one line that says what to do instead of a cascade of field errors: a JSON Lines or CSV file
/// (E441, use `wenping batch`) and a rule or rule test file (E442).
enum ProjectInput {
    /// The argument that means standard input.
    static let standardInput = "-"
    /// How standard input is named in messages (`标准输入:3:5: error…`).
    static let standardInputName = "标准输入"
    /// The most bytes read from standard input (as for a project file).
    static let standardInputLimit = 8 * 1024 * 1024

    /// What loading gave, with the name to show for it.
    struct Loaded {
        var name: String
        var output: ProjectLoader.Output
    }

    /// Loads `argument` and returns it, or prints why it cannot be graded and returns nil.
    static func load(_ argument: String, with loader: ProjectLoader) -> Loaded? {
        let lowered = argument.lowercased()
        if [".jsonl", ".ndjson", ".csv"].contains(where: { lowered.hasSuffix($0) }) {
            let kind = lowered.hasSuffix(".csv") ? "CSV 文件（每行一个项目）" : "JSON Lines 文件（每行一个项目）"
            Console.error(
                "\(argument):1:1: error[\(DiagnosticCode.jsonLinesToAssess)]: 这是 \(kind)，一次评估多个项目请用 "
                    + "wenping batch \(RulesLocator.shellQuoted(argument)) --output 输出目录\n")
            return nil
        }
        let name: String
        let bytes: [UInt8]
        if argument == standardInput {
            name = standardInputName
            guard let read = readStandardInput() else {
                Console.error(
                    "\(name): error[\(DiagnosticCode.fileUnreadable)]: 标准输入超过 \(standardInputLimit) 字节，没有读取\n")
                return nil
            }
            bytes = read
        } else {
            name = argument
            let output = loader.load(file: argument)
            guard output.hasErrors, let text = output.source?.lines.joined(separator: "\n") else {
                return Loaded(name: name, output: output)
            }
            bytes = Array(text.utf8)
            if let line = misplaced(bytes, name: name) {
                Console.error(line)
                return nil
            }
            return Loaded(name: name, output: output)
        }
        let output = loader.load(bytes: bytes, file: name)
        if output.hasErrors, let line = misplaced(bytes, name: name) {
            Console.error(line)
            return nil
        }
        return Loaded(name: name, output: output)
    }

    /// One line saying the file is a rule (or rule test) file, not a project; nil when it does not look like one.
    static func misplaced(_ bytes: [UInt8], name: String) -> String? {
        let shape = FileShape.of(bytes: bytes)
        guard shape == .ruleFile || shape == .ruleTest else { return nil }
        let advice =
            shape == .ruleFile
            ? "规则文件请用 wenping check 检查，或用 --rules 指定给 assess"
            : "规则测试请用 wenping test 运行"
        return "\(name):1:1: error[\(DiagnosticCode.ruleFileAsProject)]: 这看起来是\(shape.name)，不是项目文件；\(advice)\n"
    }

    /// All of standard input, or nil when it is larger than ``standardInputLimit``.
    static func readStandardInput() -> [UInt8]? {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
            if bytes.count > standardInputLimit { return nil }
        }
        return bytes
    }
}

extension ProjectLoader.Output {
    var hasErrors: Bool { project == nil || diagnostics.contains { $0.severity == .error } }
}
