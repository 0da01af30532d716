import Foundation

/// Where the CLI writes: results to standard output, diagnostics and progress to standard error.
enum Console {
    static func error(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}

/// An output folder, joined with file names (named so as not to shadow the library's path helpers).
struct OutputFolder {
    let folder: String

    init(_ folder: String) {
        self.folder = folder
    }

    func appending(_ name: String) -> String {
        folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }
}
