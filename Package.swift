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
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", exact: "2.1.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        .target(name: "WenpingYAML", dependencies: ["CYAML"], swiftSettings: commonSettings),
        // SHA-256 blocks with the processor's SHA instructions, which Swift cannot issue (the input digest of
        // every report); Wenping's own Swift code where they are missing.
        .target(name: "CSHA256"),
        .target(
            name: "Wenping", dependencies: ["WenpingYAML", "CSHA256"],
            exclude: ["Expression/Grammar.md"],  // the expression language's reference, for readers
            swiftSettings: commonSettings),
        .target(
            name: "WenpingLedger",
            dependencies: [
                "Wenping", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: commonSettings
        ),
        .target(
            name: "WenpingServer",
            dependencies: [
                "Wenping", "WenpingLedger", "WenpingDocuments",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            resources: [.copy("Resources")],
            swiftSettings: commonSettings
        ),
        .target(
            name: "WenpingDocuments",
            dependencies: [
                "Wenping", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            swiftSettings: commonSettings
        ),
        .executableTarget(
            name: "WenpingCLI",
            dependencies: [
                "Wenping", "WenpingLedger", "WenpingServer", "WenpingDocuments",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: commonSettings
        ),
        .testTarget(name: "WenpingYAMLTests", dependencies: ["WenpingYAML"], swiftSettings: commonSettings),
        .testTarget(
            name: "WenpingTests", dependencies: ["Wenping", "WenpingYAML", "WenpingDocuments"],
            // golden files, read through #filePath by the tests that compare with them
            exclude: [
                "Batch/Snapshots", "Diff/Snapshots", "Explain/Snapshots", "Reports/Snapshots", "RuleTests/Snapshots",
                "Experts/Snapshots", "Schema/Snapshots", "Survey/Snapshots", "Versions/Snapshots",
            ],
            swiftSettings: commonSettings),
        .testTarget(
            name: "WenpingLedgerTests",
            dependencies: ["WenpingLedger", "Wenping", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: commonSettings
        ),
        .testTarget(
            name: "WenpingServerTests",
            dependencies: [
                "WenpingServer", "WenpingLedger", "Wenping", "WenpingDocuments",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            swiftSettings: commonSettings
        ),
        .testTarget(
            name: "WenpingDocumentsTests",
            dependencies: ["WenpingDocuments", "Wenping", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            exclude: ["Snapshots", "check_docx.py"], swiftSettings: commonSettings),
        .testTarget(
            name: "WenpingCLITests",
            dependencies: [
                "WenpingCLI", "Wenping", "WenpingLedger", "WenpingServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: commonSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)
