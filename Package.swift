// swift-tools-version: 6.1
import PackageDescription

let swiftSettings: [SwiftSetting] = [
  .enableUpcomingFeature("ExistentialAny"),
  .enableUpcomingFeature("InternalImportsByDefault"),
]

let argumentParser: Target.Dependency = .product(name: "ArgumentParser", package: "swift-argument-parser")
let logging: Target.Dependency = .product(name: "Logging", package: "swift-log")
let serviceLifecycle: Target.Dependency = .product(
  name: "ServiceLifecycle", package: "swift-service-lifecycle")
let yams: Target.Dependency = .product(name: "Yams", package: "Yams")

let package = Package(
  name: "Sluice",
  platforms: [.macOS(.v15)],
  products: [
    .executable(name: "sluice", targets: ["SluiceCLI"]),
    .executable(name: "sluice-bench", targets: ["SluiceBench"]),
    .library(name: "SluiceCore", targets: ["SluiceCore"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
    .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.6.0"),
    .package(url: "https://github.com/jpsim/Yams", from: "5.0.0"),
  ],
  targets: [
    // Data parallelism inside a stage (columns or halves of a batch on several threads).
    .target(name: "SluiceParallel", swiftSettings: swiftSettings),
    // The small, stable vocabulary: values and protocols, no I/O, no dependencies.
    .target(name: "SluiceCore", swiftSettings: swiftSettings),
    // Schema-directed JSON → RecordBatch decoder working on bytes.
    .target(
      name: "SluiceJSON", dependencies: ["SluiceCore", "SluiceParallel", "CSluiceKernels"], swiftSettings: swiftSettings),
    // Embedded, file-backed partitioned log and its Source.
    .target(name: "SluiceLog", dependencies: ["SluiceCore", "CSluiceKernels"], swiftSettings: swiftSettings),
    // Native kernels of hot loops: CRC-32C instruction, JSON string scan (SIMD), malloc settings.
    .target(name: "CSluiceKernels"),
    // Stateless operators and the Pinterest cleaners.
    .target(name: "SluiceTransforms", dependencies: ["SluiceCore"], swiftSettings: swiftSettings),
    // Offsets / commits logs, checkpoint metadata, recovery plan.
    .target(name: "SluiceCheckpoint", dependencies: ["SluiceCore"], swiftSettings: swiftSettings),
    // The micro-batch loop (pure state machine + service shell) and triggers.
    .target(
      name: "SluiceRuntime",
      dependencies: ["SluiceCore", "SluiceCheckpoint", "CSluiceKernels", logging, serviceLifecycle],
      swiftSettings: swiftSettings),
    // Deterministic Pinterest event generator (emits JSON bytes).
    .target(name: "SluiceEmulator", dependencies: ["SluiceCore"], swiftSettings: swiftSettings),
    // JSON-lines file sink (one file per batch, idempotent per batch id).
    .target(name: "SluiceFileSink", dependencies: ["SluiceCore", "SluiceJSON"], swiftSettings: swiftSettings),
    // libzstd from the system (apt-get install libzstd-dev).
    .systemLibrary(name: "CZstd", pkgConfig: "libzstd", providers: [.apt(["libzstd-dev"])]),
    // Parquet reader/writer (Thrift compact footer, PLAIN/RLE/dictionary, ZSTD); no Delta knowledge.
    .target(name: "Parquet", dependencies: ["SluiceCore", "SluiceParallel", "CZstd"], swiftSettings: swiftSettings),
    // Delta Lake tables: actions, log store, snapshots, commits with txn, table writer, sink.
    .target(name: "DeltaLake", dependencies: ["SluiceCore", "Parquet"], swiftSettings: swiftSettings),
    // Kafka: byte codecs (gzip via zlib, snappy, lz4 frame, zstd) and the Kafka wire codec (no sockets).
    .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
    .target(name: "SluiceCompression", dependencies: ["CZstd", "CZlib"], swiftSettings: swiftSettings),
    .target(
      name: "KafkaProtocol", dependencies: ["SluiceCore", "SluiceCompression"], swiftSettings: swiftSettings),
    .testTarget(name: "SluiceCompressionTests", dependencies: ["SluiceCompression"], exclude: ["Fixtures"]),
    .testTarget(
      name: "KafkaProtocolTests", dependencies: ["KafkaProtocol", "SluiceCompression"],
      exclude: ["Fixtures"]),
    // Composition root: job YAML → JobSpec → wired runner.
    .target(
      name: "SluiceJob",
      dependencies: [
        "SluiceCore", "SluiceJSON", "SluiceLog", "SluiceTransforms", "SluiceCheckpoint",
        "SluiceRuntime", "SluiceFileSink", "SluiceEmulator", "DeltaLake", logging, yams,
      ],
      swiftSettings: swiftSettings),
    // In-memory twins for tests.
    .target(
      name: "SluiceTesting",
      dependencies: ["SluiceCore", "SluiceCheckpoint", "SluiceRuntime"],
      swiftSettings: swiftSettings),
    .executableTarget(
      name: "SluiceCLI",
      dependencies: ["SluiceJob", "SluiceRuntime", "DeltaLake", argumentParser, logging, serviceLifecycle],
      swiftSettings: swiftSettings),
    .executableTarget(
      name: "SluiceBench",
      dependencies: [
        "SluiceCore", "SluiceJSON", "SluiceLog", "SluiceTransforms", "SluiceEmulator", "SluiceJob", "Parquet",
        "DeltaLake", "SluiceParallel", logging,
      ],
      swiftSettings: swiftSettings),

    .testTarget(name: "SluiceCoreTests", dependencies: ["SluiceCore"]),
    .testTarget(name: "SluiceJSONTests", dependencies: ["SluiceJSON", "SluiceEmulator"]),
    .testTarget(name: "SluiceLogTests", dependencies: ["SluiceLog"]),
    .testTarget(name: "SluiceTransformsTests", dependencies: ["SluiceTransforms"]),
    .testTarget(name: "SluiceCheckpointTests", dependencies: ["SluiceCheckpoint"]),
    .testTarget(name: "SluiceRuntimeTests", dependencies: ["SluiceRuntime", "SluiceTesting"]),
    .testTarget(name: "SluiceEmulatorTests", dependencies: ["SluiceEmulator"]),
    .testTarget(name: "SluiceFileSinkTests", dependencies: ["SluiceFileSink"]),
    .testTarget(name: "SluiceJobTests", dependencies: ["SluiceJob", "SluiceTesting"]),
    .testTarget(name: "ParquetTests", dependencies: ["Parquet"]),
    .testTarget(name: "DeltaLakeTests", dependencies: ["DeltaLake", "Parquet"]),
    .testTarget(name: "EndToEndTests", dependencies: ["SluiceCore"]),
  ]
)
