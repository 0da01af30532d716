extension JSONReportRenderer {
    /// The `ruleset` object of a report whose project names no version choice, and the key `provenance`: the
    /// ruleset's identity, weight groups and basis, the same in every report of a ruleset (a fragment, so that a
    /// ``JSONReportCache`` copies it whole).
    struct RuleSetBlock: JSONFragment {
        let id: ExactText
        let title: ExactText
        let version: ExactText
        let effective: ExactText?
        let expires: ExactText?
        let jurisdiction: ExactText
        /// The ruleset's digest without the `sha256:` prefix.
        let digest: ExactText
        let weightGroups: WeightGroups
        let citations: Citations

        init(_ ruleSet: CompiledRuleSet, citations: [ReportModel.Citation]) {
            id = ExactText(ruleSet.id)
            title = ExactText(ruleSet.title)
            version = ExactText(ruleSet.version)
            effective = ruleSet.effective.map(ExactText.init)
            expires = ruleSet.expires.map(ExactText.init)
            jurisdiction = ExactText(ruleSet.jurisdiction)
            digest = ExactText(ruleSet.digest)
            weightGroups = WeightGroups(groups: ruleSet.weightGroups)
            self.citations = Citations(citations: citations)
        }

        func write(_ json: inout JSONWriter) {
            write(versionChoice: nil, &json)
            json.key("provenance")
        }

        /// The key `ruleset` and its object, with `version_choice` when there is one.
        func write(versionChoice: VersionChoice?, _ json: inout JSONWriter) {
            json.key("ruleset")
            json.object { json in
                json.field("id", id.string)
                json.field("title", title.string)
                json.field("version", version.string)
                json.field("effective", effective?.string)
                if let expires { json.field("expires", expires.string) }
                if let versionChoice {
                    json.key("version_choice")
                    versionChoice.write(&json)
                }
                json.field("jurisdiction", jurisdiction.string)
                json.field("digest", "sha256:" + digest.string)
                json.key("weight_groups")
                json.array { json in
                    for group in weightGroups.groups {
                        json.object { json in
                            json.field("id", group.id)
                            json.field("method", "ahp")
                            json.field("factors", strings: group.factors)
                            json.key("weights")
                            json.array { json in
                                for weight in group.weights { json.number(weight) }
                            }
                            json.field("share", number: group.share)
                            json.field("lambda_max", number: group.lambdaMax)
                            json.field("consistency_ratio", number: group.consistencyRatio)
                        }
                    }
                }
                json.key("basis")
                json.array { json in
                    // The ruleset's basis documents in file order, short names worked out once per ruleset.
                    for citation in citations.citations {
                        json.object { json in
                            json.field("key", citation.key)
                            json.field("title", citation.title)
                            json.field("short", citation.short)
                        }
                    }
                }
            }
        }

        static var slots: WritableKeyPath<JSONReportCache.Storage, [[JSONFragmentEntry<Self>]]> { \.ruleSetBlocks }

        /// Weight groups compared by what the report writes of them: ids and factor names by their exact bytes,
        /// numbers by their bits.
        struct WeightGroups: Equatable, Sendable {
            let groups: [CompiledRuleSet.WeightGroup]

            static func == (lhs: WeightGroups, rhs: WeightGroups) -> Bool {
                lhs.groups.isSame(as: rhs.groups) { left, right in
                    ExactText.same(left.id, right.id) && ExactTexts(left.factors) == ExactTexts(right.factors)
                        && left.weights.map(\.bitPattern) == right.weights.map(\.bitPattern)
                        && left.share.bitPattern == right.share.bitPattern
                        && left.lambdaMax.bitPattern == right.lambdaMax.bitPattern
                        && left.consistencyRatio.bitPattern == right.consistencyRatio.bitPattern
                }
            }
        }

        /// Citations compared by their exact bytes.
        struct Citations: Equatable, Sendable {
            let citations: [ReportModel.Citation]

            static func == (lhs: Citations, rhs: Citations) -> Bool {
                lhs.citations.isSame(as: rhs.citations) { left, right in
                    ExactText.same(left.key, right.key) && ExactText.same(left.title, right.title)
                        && ExactText.same(left.short, right.short)
                }
            }
        }
    }
}
