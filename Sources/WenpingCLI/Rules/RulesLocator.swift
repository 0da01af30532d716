import Foundation
import Wenping

/// Finds the rules a command uses, in one documented order, so that `wenping` works from any folder.
///
/// The order (first that applies wins):
/// 1. `--rules PATH` (files or folders, as given; each must exist);
/// 2. the environment variable `WENPING_RULES` (one path, or several separated by `:`);
/// 3. `Rules/` in the current folder;
/// 4. the installed rules, `<prefix>/share/wenping/Rules`, found from the real path of the running executable
///    (`<prefix>/bin/wenping`, symbolic links followed).
///
/// When none applies, the error says that no rules were found and lists every place it looked.
struct RulesLocator {
    /// Where the paths came from.
    enum Source: Equatable {
        case option, environment, currentFolder, installed
    }

    /// The paths to compile and where they came from.
    struct Found: Equatable {
        var paths: [String]
        var source: Source
    }

    /// The rules could not be found: the message lists where the locator looked.
    struct NotFound: Error, CustomStringConvertible {
        var description: String
    }

    /// The environment variable naming the rules when `--rules` is not given.
    static let environmentVariable = "WENPING_RULES"

    var environment: [String: String] = ProcessInfo.processInfo.environment
    var currentFolder: String = FileManager.default.currentDirectoryPath
    /// The real path of the running executable (symbolic links resolved), or nil when it cannot be known.
    var executable: String? = Executable.path()

    /// The installed rules folder, `<bin>/../share/wenping/Rules`, for the executable's real path.
    var installedRules: String? {
        guard let executable else { return nil }
        let bin = URL(fileURLWithPath: executable).deletingLastPathComponent()
        return bin.deletingLastPathComponent().appendingPathComponent("share/wenping/Rules").standardizedFileURL.path
    }

    /// The rules to use, given the `--rules` values (empty when the option was not given).
    func locate(_ option: [String]) throws(NotFound) -> Found {
        if !option.isEmpty {
            let missing = option.filter { !FileManager.default.fileExists(atPath: $0) }
            guard missing.isEmpty else {
                throw NotFound(description: "找不到 --rules 给出的规则：\(missing.map { "“\($0)”" }.joined(separator: "、"))不存在")
            }
            return Found(paths: option, source: .option)
        }
        if let value = environment[Self.environmentVariable], !value.isEmpty {
            let paths = value.split(separator: ":").map(String.init)
            let missing = paths.filter { !FileManager.default.fileExists(atPath: $0) }
            guard missing.isEmpty else {
                throw NotFound(
                    description: "找不到环境变量 \(Self.environmentVariable) 给出的规则："
                        + "\(missing.map { "“\($0)”" }.joined(separator: "、"))不存在；请改正或删除这个环境变量")
            }
            return Found(paths: paths, source: .environment)
        }
        if Self.isDirectory(currentFolder + "/Rules") {
            return Found(paths: ["Rules"], source: .currentFolder)
        }
        if let installedRules, Self.isDirectory(installedRules) {
            return Found(paths: [installedRules], source: .installed)
        }
        var looked = [
            "没有给出 --rules",
            "没有设置环境变量 \(Self.environmentVariable)",
            "当前目录下没有 Rules 目录（\(currentFolder)/Rules）",
        ]
        looked.append(installedRules.map { "安装位置没有规则（\($0)）" } ?? "无法确定 wenping 的安装位置")
        throw NotFound(
            description: "找不到规则：" + looked.joined(separator: "；")
                + "。请用 --rules 指定规则目录或文件，或设置环境变量 \(Self.environmentVariable)")
    }

    static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
