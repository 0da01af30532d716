import ArgumentParser

@main
struct WenpingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "wenping", abstract: "社会稳定风险评估(稳评)规则引擎")
}
