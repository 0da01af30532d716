import Foundation
import FuzzDriver
import Wenping

/// A private copy of the bundled rules (`WENPING_RULES`, default `Rules`), so that a fuzzed rule file can
/// `extends` them; the input is written next to them as `fuzz-input.yaml`.
let rulesFolder: String = {
    let source = ProcessInfo.processInfo.environment["WENPING_RULES"] ?? "Rules"
    let folder = NSTemporaryDirectory() + "wenping-fuzz-rules-\(getpid())"
    try? FileManager.default.removeItem(atPath: folder)
    try? FileManager.default.copyItem(atPath: source, toPath: folder)
    return folder
}()

/// The rule compiler, then grading and reports for a ruleset that compiles.
runFuzzer { FuzzEntryPoints.rules($0, rulesFolder: rulesFolder) }
