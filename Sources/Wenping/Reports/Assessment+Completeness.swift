extension Assessment {
    /// Whether every fact the grade needed was given.
    ///
    /// False when a condition was left to the unknown policy because a fact was missing. Facts replaced by the ruleset's defaults do not make data incomplete (the rules say what an
    /// absent fact means); they are listed by ``defaultedFacts``.
    public var isComplete: Bool { unknowns.isEmpty }

    /// Labels of the facts whose absence left a decision to the unknown policy, in the order first needed; empty
    /// when complete.
    public var missingFacts: [String] {
        guard !isComplete else { return [] }
        return ReportModel.missingFacts(self).map(\.label)
    }

    /// `“label” value` for each fact the project left out and the ruleset's default replaced, in input order.
    public var defaultedFacts: [String] {
        let project = self.project
        var out: [String] = []
        for input in ruleSet.inputs where !project.given[input.slot] && project.values[input.slot] != .unknown {
            let display = ReportModel.display(project.values[input.slot], input)
            out.append("“\(input.label)” \(display)")
        }
        return out
    }
}
