import ArgumentParser
import Foundation
import Testing
import WenpingServer

@testable import WenpingCLI

/// The rules are found in the documented order, and "not found" names every place looked at.
struct RulesLocatorTests {
    /// A temporary folder with `Rules/` inside, and a fake installation `<prefix>/bin`, `<prefix>/share/wenping/Rules`.
    struct Layout {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("wenping-locate-\(UUID().uuidString)")
            .path
        var work: String { root + "/work" }
        var prefix: String { root + "/prefix" }
        var installed: String { prefix + "/share/wenping/Rules" }

        init(workRules: Bool, installedRules: Bool) throws {
            let manager = FileManager.default
            try manager.createDirectory(atPath: work, withIntermediateDirectories: true)
            try manager.createDirectory(atPath: prefix + "/bin", withIntermediateDirectories: true)
            if workRules { try manager.createDirectory(atPath: work + "/Rules", withIntermediateDirectories: true) }
            if installedRules { try manager.createDirectory(atPath: installed, withIntermediateDirectories: true) }
        }

        func locator(environment: [String: String] = [:]) -> RulesLocator {
            RulesLocator(environment: environment, currentFolder: work, executable: prefix + "/bin/wenping")
        }

        func remove() { try? FileManager.default.removeItem(atPath: root) }
    }

    @Test func optionWinsOverEverythingElse() throws {
        let layout = try Layout(workRules: true, installedRules: true)
        defer { layout.remove() }
        let found = try layout.locator(environment: ["WENPING_RULES": layout.installed]).locate([layout.work])
        #expect(found == .init(paths: [layout.work], source: .option))
    }

    @Test func environmentComesBeforeTheCurrentFolder() throws {
        let layout = try Layout(workRules: true, installedRules: true)
        defer { layout.remove() }
        let found = try layout.locator(environment: ["WENPING_RULES": layout.installed + ":" + layout.work]).locate([])
        #expect(found == .init(paths: [layout.installed, layout.work], source: .environment))
    }

    @Test func currentFolderRulesComeBeforeTheInstalledOnes() throws {
        let layout = try Layout(workRules: true, installedRules: true)
        defer { layout.remove() }
        #expect(try layout.locator().locate([]) == .init(paths: ["Rules"], source: .currentFolder))
    }

    @Test func installedRulesAreFoundBesideTheExecutable() throws {
        let layout = try Layout(workRules: false, installedRules: true)
        defer { layout.remove() }
        #expect(try layout.locator().locate([]) == .init(paths: [layout.installed], source: .installed))
    }

    @Test func noRulesSaysWhereItLooked() throws {
        let layout = try Layout(workRules: false, installedRules: false)
        defer { layout.remove() }
        #expect {
            try layout.locator().locate([])
        } throws: { error in
            let text = String(describing: error)
            return text.hasPrefix("找不到规则：") && text.contains("--rules") && text.contains("WENPING_RULES")
                && text.contains(layout.work + "/Rules") && text.contains(layout.installed)
        }
    }

    @Test func missingOptionOrEnvironmentPathIsNamed() throws {
        let layout = try Layout(workRules: true, installedRules: false)
        defer { layout.remove() }
        #expect(throws: RulesLocator.NotFound.self) { try layout.locator().locate(["/nonexistent/rules"]) }
        #expect(throws: RulesLocator.NotFound.self) {
            try layout.locator(environment: ["WENPING_RULES": "/nonexistent/rules"]).locate([])
        }
    }

    @Test func outsideTheCheckoutWithoutRulesExitsTwoWithoutWrongAdvice() throws {
        let folder = FileManager.default.temporaryDirectory.path
        let project = CommandLineTests.root + "/Fixtures/projects/house-expropriation/xa-road-low.yaml"
        let run = try CommandLineTests.run(["assess", project], in: folder)
        // The build folder has no share/wenping/Rules, so nothing is found.
        #expect(run.status == 2)
        #expect(run.stderr.contains("error[E440]: 找不到规则："))
        #expect(!run.stderr.contains("wenping check"))
        let withEnvironment = try CommandLineTests.run(
            ["assess", project], in: folder, environment: ["WENPING_RULES": CommandLineTests.root + "/Rules"])
        #expect(withEnvironment.status == 0)
        #expect(withEnvironment.stdout.hasPrefix("# "))
    }

    /// `wenping serve` finds its rules the same way: the environment variable, else `Rules/` here; a variable
    /// naming nothing is an error that says so (it used to start on a missing `Rules` folder's error).
    @Test func serveFindsItsRulesLikeEveryOtherCommand() throws {
        let serve = try WenpingCommand.Serve.parse([])
        #expect(try serve.settings(environment: [:]).rules == ["Rules"])
        #expect(try serve.settings(environment: ["WENPING_RULES": "Rules/base.yaml"]).rules == ["Rules/base.yaml"])
        #expect(try WenpingCommand.Serve.parse(["--rules", "Rules"]).settings(environment: [:]).rules == ["Rules"])
        #expect(throws: ValidationError.self) {
            try serve.settings(environment: ["WENPING_RULES": "/nonexistent/rules"])
        }
    }
}
