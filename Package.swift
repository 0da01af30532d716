// swift-tools-version:6.0
import PackageDescription

/// Settings applied to every target: Swift 6 language mode plus the upcoming features that keep the public
/// surface small and explicit.
let commonSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "wenping",
    products: [
        .library(name: "Wenping", targets: ["Wenping"]),
        .executable(name: "wenping", targets: ["WenpingCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2")
    ],
    targets: [
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        .target(name: "WenpingYAML", dependencies: ["CYAML"], swiftSettings: commonSettings),
        .target(
            name: "Wenping", dependencies: ["WenpingYAML"],
            exclude: ["Expression/Grammar.md"],  // the expression language's reference, for readers
            swiftSettings: commonSettings),
        .executableTarget(
            name: "WenpingCLI",
            dependencies: ["Wenping", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: commonSettings
        ),
        .testTarget(name: "WenpingYAMLTests", dependencies: ["WenpingYAML"], swiftSettings: commonSettings),
        .testTarget(
            name: "WenpingTests", dependencies: ["Wenping", "WenpingYAML"],
            // golden files, read through #filePath by the tests that compare with them
            exclude: ["Batch/Snapshots", "Diff/Snapshots", "Explain/Snapshots", "Reports/Snapshots", "RuleTests/Snapshots",
                "Schema/Snapshots"],
            swiftSettings: commonSettings),
        .testTarget(
            name: "WenpingCLITests",
            dependencies: [
                "WenpingCLI", "Wenping", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: commonSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)
