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
    // Kinesis: SigV4 (swift-crypto) and the HTTP client.
    .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    .package(url: "https://github.com/apple/swift-nio", from: "2.81.0"),
    .package(url: "https://github.com/swift-server/async-http-client", from: "1.25.0"),
    // Kafka client: TLS.
    .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.29.0"),
    // Ingestion gateway (`sluice serve`): HTTP server.
    .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.11.0"),
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
    // AWS request signing (SigV4: sign and verify), credentials and region resolution.
    .target(
      name: "SluiceAWS", dependencies: [.product(name: "Crypto", package: "swift-crypto")],
      swiftSettings: swiftSettings),
    // Kinesis Data Streams API (JSON 1.1 over HTTP, SigV4), retries, and an in-memory fake.
    .target(
      name: "KinesisClient",
      dependencies: [
        "SluiceAWS", "SluiceCore", logging, .product(name: "AsyncHTTPClient", package: "async-http-client"),
        .product(name: "Crypto", package: "swift-crypto"),
        .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOHTTP1", package: "swift-nio"),
      ],
      swiftSettings: swiftSettings),
    // The Kinesis `Source`: shard lineage, sequence-number offsets, paced GetRecords.
    .target(name: "SluiceKinesis", dependencies: ["SluiceCore", "KinesisClient", logging], swiftSettings: swiftSettings),
    // Kafka client over SwiftNIO (connections, cluster metadata, retries, TLS, SASL) and KafkaSource.
    .target(
      name: "KafkaClient",
      dependencies: [
        "SluiceCore", "KafkaProtocol", logging, .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"), .product(name: "NIOSSL", package: "swift-nio-ssl"),
        .product(name: "Crypto", package: "swift-crypto"),
      ],
      swiftSettings: swiftSettings),
    .testTarget(name: "KafkaClientTests", dependencies: ["KafkaClient", "KafkaProtocol", "SluiceCore"]),
    // Composition root: job YAML → JobSpec → wired runner.
    .target(
      name: "SluiceJob",
      dependencies: [
        "SluiceCore", "SluiceJSON", "SluiceLog", "SluiceTransforms", "SluiceCheckpoint",
        "SluiceRuntime", "SluiceFileSink", "SluiceEmulator", "DeltaLake", "SluiceKinesis", "KafkaClient",
        logging, yams,
      ],
      swiftSettings: swiftSettings),
    // In-memory twins for tests.
    .target(
      name: "SluiceTesting",
      dependencies: ["SluiceCore", "SluiceCheckpoint", "SluiceRuntime"],
      swiftSettings: swiftSettings),
    // HTTP ingestion gateway in front of the embedded log: Kafka REST v2, API-Gateway Kinesis and
    // the native Kinesis JSON 1.1 API.
    .target(
      name: "SluiceGateway",
      dependencies: [
        "SluiceCore", "SluiceLog", "SluiceAWS", logging, serviceLifecycle, yams,
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "Crypto", package: "swift-crypto"),
      ],
      swiftSettings: swiftSettings),
    .executableTarget(
      name: "SluiceCLI",
      dependencies: [
        "SluiceJob", "SluiceRuntime", "DeltaLake", "SluiceGateway", argumentParser, logging, serviceLifecycle,
      ],
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
    .testTarget(name: "SluiceJobTests", dependencies: ["SluiceJob", "SluiceTesting", "SluiceKinesis", "KinesisClient"]),
    .testTarget(name: "ParquetTests", dependencies: ["Parquet"]),
    .testTarget(name: "DeltaLakeTests", dependencies: ["DeltaLake", "Parquet"]),
    .testTarget(name: "EndToEndTests", dependencies: ["SluiceCore"]),
    // Seeded mutation fuzzing of the byte parsers (JSON decoder, log segments, checkpoint and Delta log files).
    .testTarget(
      name: "FuzzTests", dependencies: ["SluiceCore", "SluiceJSON", "SluiceLog", "SluiceCheckpoint", "DeltaLake"]),
    .testTarget(
      name: "SluiceGatewayTests",
      dependencies: [
        "SluiceGateway", "SluiceLog", "SluiceAWS", .product(name: "HummingbirdTesting", package: "hummingbird"),
      ]),
    .testTarget(name: "SluiceAWSTests", dependencies: ["SluiceAWS"]),
    .testTarget(name: "KinesisClientTests", dependencies: ["KinesisClient"]),
    .testTarget(
      name: "SluiceKinesisTests",
      dependencies: ["SluiceKinesis", "KinesisClient", "SluiceCore", "SluiceRuntime", "SluiceCheckpoint", "SluiceTesting"]),
  ]
)
