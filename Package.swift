// swift-tools-version:6.0
import PackageDescription

// Dependencies point one way: incident -> IncidentNotices -> IncidentStore -> IncidentCore.
// IncidentCore is pure (no SQLite, no files, no clock); the store owns SQLite, hashing and safe files;
// the notices library renders and exports, reading the register through the store.
let package = Package(
    name: "incident",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "incident", targets: ["incident"]),
        .library(name: "IncidentCore", targets: ["IncidentCore"]),
        .library(name: "IncidentStore", targets: ["IncidentStore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto", exact: "3.12.3"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", exact: "2.1.1"),
        .package(url: "https://github.com/yaslab/CSV.swift", exact: "2.5.2"),
        .package(url: "https://github.com/vapor/postgres-nio", exact: "1.33.2"),
    ],
    targets: [
        .target(name: "IncidentCore"),
        .target(
            name: "IncidentStore",
            dependencies: [
                "IncidentCore",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ]
        ),
        .target(
            name: "IncidentNotices",
            dependencies: [
                "IncidentCore",
                "IncidentStore",
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            plugins: ["EmbedTemplates"]
        ),
        .executableTarget(name: "template-embedder"),
        // Run by hand with scripts/bench.sh; never part of the test suite.
        .executableTarget(name: "incident-bench", dependencies: ["IncidentCore", "IncidentStore", "IncidentNotices"]),
        .plugin(name: "EmbedTemplates", capability: .buildTool(), dependencies: ["template-embedder"]),
        .executableTarget(
            name: "incident",
            dependencies: [
                "IncidentCore",
                "IncidentStore",
                "IncidentNotices",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "CSV", package: "CSV.swift"),
            ]
        ),
        // The hostile-input corpus's bad values, shared by the in-process rule tests and the end-to-end tests.
        .target(name: "HostileInput", path: "Tests/HostileInput"),
        .testTarget(name: "IncidentCoreTests", dependencies: ["IncidentCore", "HostileInput"]),
        .testTarget(name: "IncidentStoreTests", dependencies: ["IncidentStore", "IncidentCore"]),
        .testTarget(
            name: "IncidentNoticesTests", dependencies: ["IncidentNotices", "IncidentCore", "IncidentStore", "HostileInput"],
            exclude: ["Golden"]),  // read by path from the tests, not bundled
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["IncidentCore", "HostileInput", .product(name: "GRDB", package: "GRDB.swift")]
        ),
    ]
)
