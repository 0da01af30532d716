import Foundation

/// Where the CLI writes: results to standard output, diagnostics and progress to standard error.
enum Console {
    static func error(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}

/// Joins an output folder and a file name.
struct FilePath {
    let folder: String

    init(_ folder: String) {
        self.folder = folder
    }

    func appending(_ name: String) -> String {
        folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }
}
