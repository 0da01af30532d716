import Foundation

/// Remembers which ruleset a ``ProjectLoader`` chose for each combination of kind, jurisdiction and assessment
/// date, so a batch of many projects that share them normalises the jurisdiction and searches the catalog once
/// per combination instead of once per project.
///
/// The choice depends on nothing else (the loader's override, run date and catalog are fixed for its life), and failures are
/// remembered as well: their messages and notes point into the rule files, never into the project. Thread-safe;
/// holds at most ``capacity`` combinations (then it stops remembering new ones, so memory stays bounded
/// whatever the input).
final class RuleSetChoices: @unchecked Sendable {
    /// What a project is matched on, as written in its file.
    struct Key: Hashable {
        let kind: String
        let jurisdiction: String?
        let date: String?
        /// ``ProjectLoader``'s `ignoresPeriods` (`wenping diff`), which changes the choice of version.
        let ignoresPeriods: Bool
    }

    /// The normalised jurisdiction path (``RuleSetBuilder/normalizedJurisdiction(_:)``) and the choice.
    typealias Choice = (jurisdiction: String, selection: Result<RuleSetCatalog.Selection, RuleSetCatalog.Failure>)

    /// The most combinations remembered.
    static let capacity = 4096

    private let lock = NSLock()
    private var choices: [Key: Choice] = [:]

    /// The choice for `key`, made with `choose` (given the normalised jurisdiction) the first time.
    func choice(
        for key: Key, choose: (String) -> Result<RuleSetCatalog.Selection, RuleSetCatalog.Failure>
    ) -> Choice {
        lock.lock()
        let known = choices[key]
        lock.unlock()
        if let known { return known }
        let path = RuleSetBuilder.normalizedJurisdiction(key.jurisdiction)
        let choice = (path, choose(path))
        lock.lock()
        if choices.count < Self.capacity { choices[key] = choice }
        lock.unlock()
        return choice
    }
}
