import Foundation
import Wenping

/// Where the service's `Resources` folder (page templates, static files, the OpenAPI document) is.
///
/// Looked for beside the running executable, never through `Bundle.module`, whose accessor stops the program when
/// the bundle is missing and otherwise falls back to the folder the binary was built in (an installed binary
/// worked only while its checkout was there):
/// 1. `<bin>/../share/wenping/server`, where `make install` puts it;
/// 2. `<bin>/wenping_WenpingServer.resources/Resources`, the bundle SwiftPM puts beside a binary it builds (and
///    beside the test runner).
enum ServerResources {
    /// The folder found for this process; nil when there is none (the service then refuses to start).
    static let folder: URL? = locate(executable: Executable.path())

    /// The folder for an executable at `executable`: the first candidate that holds `openapi.json`.
    static func locate(executable: String?) -> URL? {
        guard let executable else { return nil }
        let bin = URL(fileURLWithPath: executable).deletingLastPathComponent()
        let candidates = [
            bin.deletingLastPathComponent().appendingPathComponent("share/wenping/server"),
            bin.appendingPathComponent("wenping_WenpingServer.resources/Resources"),
        ]
        return candidates.map(\.standardizedFileURL).first {
            FileManager.default.fileExists(atPath: $0.appendingPathComponent("openapi.json").path)
        }
    }
}
