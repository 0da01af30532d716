import Foundation
import Wenping

/// The result of the last rules reload, through the API or the rules page.
///
/// When, by whom, whether the new rules replaced the old ones, and every diagnostic the rules folder gave (errors
/// and warnings). Shown to administrators on the rules page; kept in memory only (the audit log keeps a line for
/// each reload).
struct ReloadOutcome: Sendable {
    /// ISO 8601, UTC.
    let at: String
    let actor: String
    let accepted: Bool
    /// The rulesets in force after the reload, as `id@digest-prefix` (empty when rejected).
    let rulesets: [String]
    let diagnostics: [Diagnostic]
}
