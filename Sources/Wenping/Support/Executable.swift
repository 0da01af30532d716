import Foundation

/// The running program's own file, for finding what is installed beside it (`<bin>/../share/wenping`).
public enum Executable {
    /// The real path of the running executable (symbolic links resolved): `/proc/self/exe` on Linux, else
    /// `argv[0]` resolved; nil when it cannot be known.
    public static func path() -> String? {
        for candidate in ["/proc/self/exe", CommandLine.arguments.first ?? ""] where !candidate.isEmpty {
            if let resolved = realpath(candidate, nil) {
                defer { free(resolved) }
                return String(cString: resolved)
            }
        }
        return nil
    }
}
