import Foundation
import Testing

@testable import Wenping

/// The explanation as data (for the workbench) says what the text says, and its suggested form values really do
/// what they are said to do.
struct GradeExplanationTests {
    static func assess(_ file: String) throws -> Assessment {
        try ExplainerTests.assess(ExplainerTests.root + "/" + file)
    }

    /// The value a planner's form would send for `text` typed into `input`, as the engine reads it.
    static func value(_ text: String, _ input: CompiledRuleSet.Input) -> Value? {
        switch input.kind {
        case .percent: text.hasSuffix("%") ? Double(text.dropLast()).map { .number($0 / 100) } : nil
        case .integer, .number: Double(text).map { .number($0) }
        case .boolean: text == "true" ? .boolean(true) : text == "false" ? .boolean(false) : nil
        case .enumeration:
            input.domain?.values.firstIndex { $0.key == text }.map { .enumeration(Int32($0)) }
        default: nil
        }
    }

    @Test func outcomesAreTheLinesOfTheText() throws {
        let assessment = try Self.assess(ExplainerTests.affordable)
        let text = Explainer.explain(assessment)
        let explanation = Explainer.explanation(of: assessment)
        #expect(explanation.outcomes.count == 2)
        for outcome in explanation.outcomes {
            #expect(text.contains("**\(outcome.title)**\n\n"))
            for line in outcome.lines { #expect(text.contains("- \(line)\n")) }
        }
        #expect(explanation.outcomes[1].lines.last == "决定等级的是：综合风险指数")
        #expect(explanation.isLowest == (assessment.after.grade == 0))
    }

    @Test func everySuggestedValueDoesWhatItsDirectionSays() throws {
        for file in [
            ExplainerTests.affordable, "Fixtures/projects/house-expropriation/xa-old-town-high.yaml",
        ] {
            let assessment = try Self.assess(file)
            let ruleSet = assessment.ruleSet
            let explanation = Explainer.explanation(of: assessment)
            #expect(!explanation.changes.isEmpty, "\(file)")
            for change in explanation.changes {
                let input = try #require(ruleSet.inputs.first { $0.name == change.fact })
                let value = try #require(Self.value(change.formValue, input), "\(change.fact) = \(change.formValue)")
                let result = Engine.evaluate(assessment.project.replacing(slot: input.slot, with: value))
                switch change.direction {
                case .lowers: #expect(result.after.grade < assessment.after.grade, "\(change.text)")
                case .raises: #expect(result.after.grade > assessment.after.grade, "\(change.text)")
                case .keeps: #expect(result.after.grade == assessment.after.grade, "\(change.text)")
                }
                #expect(change.text.contains(change.valueLabel))
            }
            // Grouped: every lowering change before every raising one, and those before the rest.
            let order = explanation.changes.map { [.lowers: 0, .raises: 1, .keeps: 2][$0.direction] ?? 3 }
            #expect(order == order.sorted())
            for option in explanation.measures {
                #expect(!assessment.project.measures.contains(option.measure))
                let result = Engine.evaluate(assessment.project.adopting(option.measure))
                if option.direction == .lowers { #expect(result.after.grade < assessment.after.grade) }
            }
        }
    }

    @Test func percentValuesAreWrittenAsPercentages() throws {
        let assessment = try Self.assess(ExplainerTests.affordable)
        let rates = Explainer.explanation(of: assessment).changes.filter { change in
            assessment.ruleSet.inputs.first { $0.name == change.fact }?.kind == .percent
        }
        #expect(!rates.isEmpty)
        for change in rates {
            #expect(change.formValue.hasSuffix("%") && !change.formValue.contains("e"), "\(change.formValue)")
        }
    }
}
