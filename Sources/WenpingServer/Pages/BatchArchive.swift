import Foundation
import ZIPFoundation

/// A batch job's output folder as one ZIP.
///
/// The summary files and `reports/*.json`, names sorted, every entry dated 1980-01-01 (the ZIP epoch), so the same
/// job always gives the same bytes. Hidden files (the batch's temporary files) and anything that is not a regular
/// file are left out.
enum BatchArchive {
    static let timestamp = Date(timeIntervalSince1970: 315_532_800)

    /// The ZIP of `folder`, or nil when it cannot be read.
    static func zip(folder: String) -> Data? {
        let manager = FileManager.default
        guard let names = manager.subpaths(atPath: folder) else { return nil }
        do {
            let archive = try Archive(accessMode: .create)
            for name in names.sorted() where !name.split(separator: "/").contains(where: { $0.hasPrefix(".") }) {
                var isDirectory: ObjCBool = false
                let path = folder + "/" + name
                guard manager.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
                    let data = manager.contents(atPath: path)
                else { continue }
                try archive.addEntry(
                    with: name, type: .file, uncompressedSize: Int64(data.count), modificationDate: timestamp,
                    permissions: 0o644, compressionMethod: .deflate
                ) { position, size in
                    data.subdata(in: Int(position)..<Int(position) + size)
                }
            }
            return archive.data
        } catch {
            return nil
        }
    }
}
