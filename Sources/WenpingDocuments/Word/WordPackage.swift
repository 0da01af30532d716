import Foundation
public import Wenping
import ZIPFoundation

/// Writes the parts of a Word report into a `.docx` (a ZIP package) that is the same bytes every time.
///
/// Entries go in the renderer's order (`[Content_Types].xml` first), all dated 1980-01-01 00:00 (the earliest
/// time a ZIP can hold, read as UTC), with fixed permissions and deflate compression, so only the content decides
/// the bytes.
public enum WordPackage {
    /// 1980-01-01T00:00:00Z.
    static let timestamp = Date(timeIntervalSince1970: 315_532_800)

    /// The package for `parts`.
    public static func archive(_ parts: [WordReportRenderer.Part]) throws -> [UInt8] {
        let archive = try Archive(accessMode: .create)
        for part in parts {
            let data = Data(part.content.utf8)
            try archive.addEntry(
                with: part.path, type: .file, uncompressedSize: Int64(data.count), modificationDate: timestamp,
                permissions: 0o644, compressionMethod: .deflate
            ) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let data = archive.data else { throw DocumentError.packageFailed }
        return [UInt8](data)
    }
}
