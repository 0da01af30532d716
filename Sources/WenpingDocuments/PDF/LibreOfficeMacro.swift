import Foundation

/// A LibreOffice Basic macro, put into a conversion's own LibreOffice profile, that opens the Word report,
/// rebuilds its table of contents (LibreOffice keeps the contents a `.docx` was saved with, and a generated one
/// has no page numbers yet), refreshes its fields and exports the PDF with all fonts embedded.
///
/// The paths come from the `WENPING_SOURCE` and `WENPING_TARGET` environment variables, so no path is ever
/// quoted into Basic.
enum LibreOfficeMacro {
    /// The macro's address on LibreOffice's command line.
    static let url = "macro:///Standard.Wenping.Convert"

    static let code = """
        Sub Convert
          Dim load(0) As New com.sun.star.beans.PropertyValue
          load(0).Name = "Hidden"
          load(0).Value = True
          doc = StarDesktop.loadComponentFromURL(ConvertToURL(Environ("WENPING_SOURCE")), "_blank", 0, load())
          indexes = doc.getDocumentIndexes()
          For i = 0 To indexes.getCount() - 1
            indexes.getByIndex(i).update()
          Next
          doc.getTextFields().refresh()
          Dim options(0) As New com.sun.star.beans.PropertyValue
          options(0).Name = "EmbedStandardFonts"
          options(0).Value = True
          Dim store(1) As New com.sun.star.beans.PropertyValue
          store(0).Name = "FilterName"
          store(0).Value = "writer_pdf_Export"
          store(1).Name = "FilterData"
          store(1).Value = options()
          doc.storeToURL(ConvertToURL(Environ("WENPING_TARGET")), store())
          doc.close(True)
          StarDesktop.terminate()
        End Sub
        """

    /// Adds the macro to the `Standard` library of the (already initialised) profile at `profile`; false when
    /// the profile does not look as expected (the caller then converts without it).
    static func install(in profile: URL) -> Bool {
        let library = profile.appendingPathComponent("user/basic/Standard")
        let index = library.appendingPathComponent("script.xlb")
        guard var list = try? String(contentsOf: index, encoding: .utf8),
            let end = list.range(of: "</library:library>")
        else { return false }
        if !list.contains("library:name=\"Wenping\"") {
            list.replaceSubrange(end, with: " <library:element library:name=\"Wenping\"/>\n</library:library>")
        }
        var escaped = ""
        for character in code {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            default: escaped.append(character)
            }
        }
        let module =
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE script:module PUBLIC "
            + "\"-//OpenOffice.org//DTD OfficeDocument 1.0//EN\" \"module.dtd\">\n<script:module "
            + "xmlns:script=\"http://openoffice.org/2000/script\" script:name=\"Wenping\" "
            + "script:language=\"StarBasic\">\(escaped)\n</script:module>\n"
        do {
            try Data(list.utf8).write(to: index)
            try Data(module.utf8).write(to: library.appendingPathComponent("Wenping.xba"))
            return true
        } catch {
            return false
        }
    }
}
