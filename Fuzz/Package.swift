// swift-tools-version:6.0
import PackageDescription

/// Coverage-guided fuzz targets (libFuzzer) for wenping's core library.
///
/// Kept out of the main package so that `swift build` never builds them, and depending only on the `Wenping`
/// library (never the server, ledger or documents targets). Build and run with `Fuzz/run.sh`; see
/// `docs/hardening.md`.
let package = Package(
    name: "wenping-fuzz",
    dependencies: [.package(name: "wenping", path: "..")],
    targets: [.target(name: "FuzzDriver")]
        + ["FuzzYAML", "FuzzExpression", "FuzzRules", "FuzzProject"].map { name in
            .executableTarget(
                name: name, dependencies: ["FuzzDriver", .product(name: "Wenping", package: "wenping")])
        },
    swiftLanguageModes: [.v6]
)
