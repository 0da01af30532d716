import ArgumentParser
import Foundation
import Testing

@testable import WenpingCLI

struct CheckCommandTests {
    @Test func parsesPathsAndFormat() throws {
        let command = try WenpingCommand.parseAsRoot(["check", "Rules/base.yaml", "--format", "json"])
        let check = try #require(command as? WenpingCommand.Check)
        #expect(check.paths == ["Rules/base.yaml"])
        #expect(check.format == .json)
    }

    @Test func withoutPathsTheRulesAreLocated() throws {
        let command = try WenpingCommand.parseAsRoot(["check"])
        let check = try #require(command as? WenpingCommand.Check)
        #expect(check.paths.isEmpty)
        #expect(check.format == .text)
    }
}
