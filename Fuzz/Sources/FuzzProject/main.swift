import Foundation
import FuzzDriver
import Wenping

/// The bundled rules (`WENPING_RULES`, default `Rules`), compiled once.
let catalog = RuleSetCatalog(paths: [ProcessInfo.processInfo.environment["WENPING_RULES"] ?? "Rules"])

/// The project loader, then grading, explaining and every report format.
runFuzzer { FuzzEntryPoints.project($0, catalog: catalog) }
