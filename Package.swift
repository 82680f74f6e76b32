// swift-tools-version:6.2
import PackageDescription

/// Every Swift target of ours: Swift 6 language mode, and any warning fails the build.
let strict: [SwiftSetting] = [.treatAllWarnings(as: .error)]

let package = Package(
    name: "ClaimLedger",
    products: [
        .executable(name: "claimledger", targets: ["claimledger"]),
        .library(name: "LedgerCore", targets: ["LedgerCore"]),
        .library(name: "LedgerStore", targets: ["LedgerStore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // The HTTP server of the witness (issue 12) and the newsroom server (issue 13): only LedgerServer and
        // LedgerCLI depend on it. No default traits: we need neither swift-configuration nor its Foundation extras.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        // bcrypt for the newsroom server's passwords (issue 13): only its HummingbirdBcrypt product (plain C), no auth middleware.
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
    ],
    targets: [
        .systemLibrary(name: "CLedgerOpenSSL", providers: [.apt(["libssl-dev"])]),
        .systemLibrary(name: "CLedgerSQLite", providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "CLedgerXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(name: "CLedgerZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .target(name: "LedgerCrypto", dependencies: ["CLedgerOpenSSL"], swiftSettings: strict),
        .target(name: "LedgerCore", dependencies: ["LedgerCrypto"], swiftSettings: strict),
        .target(name: "LedgerCapture", dependencies: ["LedgerCore", "LedgerCrypto", "CLedgerXML2", "CLedgerZlib"], swiftSettings: strict),
        .target(name: "LedgerStore", dependencies: ["LedgerCore", "LedgerCrypto", "LedgerCapture", "CLedgerSQLite"], swiftSettings: strict),
        .target(name: "LedgerAnalysis", dependencies: ["LedgerCore", "LedgerCrypto"], swiftSettings: strict),
        .target(name: "LedgerReport", dependencies: ["LedgerAnalysis", "LedgerCore"], swiftSettings: strict),
        .target(name: "LedgerPublish", dependencies: ["LedgerStore", "LedgerCapture", "LedgerCore", "LedgerCrypto"], swiftSettings: strict),
        .target(
            name: "LedgerServer",
            dependencies: [
                "LedgerPublish", "LedgerStore", "LedgerAnalysis", "LedgerReport", "LedgerCore", "LedgerCrypto",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
            ],
            swiftSettings: strict),
        .target(
            name: "LedgerCLI",
            dependencies: [
                "LedgerStore", "LedgerCore", "LedgerCrypto", "LedgerAnalysis", "LedgerReport", "LedgerPublish", "LedgerServer", "LedgerCapture",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict),
        .executableTarget(name: "claimledger", dependencies: ["LedgerCLI"], swiftSettings: strict),
        .testTarget(name: "LedgerCryptoTests", dependencies: ["LedgerCrypto"], swiftSettings: strict),
        .testTarget(
            name: "LedgerCoreTests", dependencies: ["LedgerCore", "LedgerCrypto"], exclude: ["Vectors"], swiftSettings: strict),
        .testTarget(name: "LedgerAnalysisTests", dependencies: ["LedgerAnalysis", "LedgerCore"], swiftSettings: strict),
        .testTarget(name: "LedgerReportTests", dependencies: ["LedgerReport", "LedgerAnalysis", "LedgerCore"], swiftSettings: strict),
        .testTarget(name: "LedgerPublishTests", dependencies: ["LedgerPublish", "LedgerStore", "LedgerCore", "LedgerCrypto"], exclude: ["Vectors"], swiftSettings: strict),
        .testTarget(name: "LedgerCaptureTests", dependencies: ["LedgerCapture", "LedgerCore", "LedgerCrypto"], exclude: ["Fixtures"], swiftSettings: strict),
        .testTarget(name: "LedgerStoreTests", dependencies: ["LedgerStore", "LedgerCore"], swiftSettings: strict),
        .testTarget(name: "LedgerServerTests", dependencies: ["LedgerServer", "LedgerAnalysis"], swiftSettings: strict),
        .testTarget(
            name: "LedgerCLITests", dependencies: ["claimledger", "LedgerCore", "LedgerCrypto", "LedgerStore"], exclude: ["Fixtures"], swiftSettings: strict),
    ],
    swiftLanguageModes: [.v6]
)
