/// A PutRecord / PutRecords request body, parsed and validated on bytes, in either shape:
///
/// - **native** (Kinesis JSON 1.1): `Data` is base64 and is stored decoded;
///   `{"StreamName"|"StreamARN", "Data", "PartitionKey", "ExplicitHashKey"?}` or
///   `{"StreamName"|"StreamARN", "Records": [{"Data", "PartitionKey", "ExplicitHashKey"?}]}`.
/// - **API Gateway** (the seeds' producers): `Data` is any JSON value; an object, array, number or
///   boolean is stored as its JSON text exactly as sent (what the AWS mapping template
///   base64-encodes), a string as its characters; `{"StreamName"?, "Data", "PartitionKey"}` or
///   `{"StreamName"?, "records"|"Records": [{"data"|"Data", "partition-key"|"PartitionKey"}]}`.
///
/// Keys of the stored records are the partition keys; every record is checked (partition key
/// 1–256 characters, data + key ≤ the record limit, 1–500 records) before anything is appended.
struct KinesisPutRequest {
  enum Shape { case native, apiGateway }

  /// `StreamName`, or the name inside `StreamARN`, when the body carries one.
  var streamName: String?
  var records: IncomingRecords
  /// Per record, the `ExplicitHashKey` when given.
  var explicitHashKeys: [UInt128?]

  /// Parses a single-record (`batch == false`) or multi-record body.
  init(body: [UInt8], shape: Shape, batch: Bool, maxRecordBytes: Int) throws(GatewayError) {
    var streamName: String?
    var records = IncomingRecords(body: body, expectedCount: batch ? 16 : 1)
    var hashKeys: [UInt128?] = []
    var sawRecords = false
    let result = body.withUnsafeBufferPointer { buffer in
      Result { () throws(GatewayError) in
        try JSONScanner.validateUTF8(buffer)
        var scanner = JSONScanner(buffer)
        guard try scanner.peekKind() == .object else {
          throw GatewayError(.invalidRequest, "the body must be a JSON object")
        }
        var single = Entry()
        try scanner.forEachMember { (name, scanner) throws(GatewayError) in
          switch name {
          case "StreamName":
            streamName = try scanner.readString("StreamName")
          case "StreamARN":
            let arn = try scanner.readString("StreamARN")
            let named = try KinesisStreams.streamName(fromARN: arn)
            if streamName == nil { streamName = named }
          case "Records" where batch, "records" where batch:
            sawRecords = true
            guard try scanner.peekKind() == .array else {
              throw GatewayError(.invalidRequest, "\(name) must be an array of records")
            }
            try scanner.forEachElement { (index, scanner) throws(GatewayError) in
              guard index < GatewayConfiguration.maxRecordsPerRequest else {
                throw GatewayError(
                  .invalidArgument,
                  "a request holds at most \(GatewayConfiguration.maxRecordsPerRequest) records; split it")
              }
              guard try scanner.peekKind() == .object else {
                throw GatewayError(.invalidRequest, "\(name)[\(index)] must be an object")
              }
              var entry = Entry()
              try scanner.forEachMember { (member, scanner) throws(GatewayError) in
                try entry.read(member, from: &scanner, shape: shape, into: &records)
              }
              try entry.finish(
                at: "\(name)[\(index)]", into: &records, hashKeys: &hashKeys, maxRecordBytes: maxRecordBytes)
            }
          default:
            if batch {
              scanner.skipWhitespace()
              try scanner.skipValue()
            } else {
              try single.read(name, from: &scanner, shape: shape, into: &records)
            }
          }
        }
        try scanner.expectEnd()
        if !batch {
          try single.finish(
            at: "the record", into: &records, hashKeys: &hashKeys, maxRecordBytes: maxRecordBytes)
        }
      }
    }
    try result.get()
    if batch && !sawRecords {
      throw GatewayError(.invalidRequest, "the body has no Records (or records) array")
    }
    if batch && records.isEmpty {
      throw GatewayError(
        .invalidRequest, "Records is empty; send 1 to \(GatewayConfiguration.maxRecordsPerRequest) records")
    }
    self.streamName = streamName
    self.records = records
    self.explicitHashKeys = hashKeys
  }

  /// The members of one record while it is being read.
  private struct Entry {
    var data: Range<Int>?
    var partitionKey: Range<Int>?
    var partitionKeyCharacters = 0
    var explicitHashKey: UInt128?

    mutating func read(
      _ member: String, from scanner: inout JSONScanner, shape: Shape, into records: inout IncomingRecords
    ) throws(GatewayError) {
      switch (member, shape) {
      case ("Data", _), ("data", .apiGateway):
        data = try readData(member, from: &scanner, shape: shape, into: &records)
      case ("PartitionKey", _), ("partition-key", .apiGateway), ("partitionKey", .apiGateway):
        var key: [UInt8] = []
        guard try scanner.peekKind() == .string else {
          throw GatewayError(.invalidRequest, "\(member) must be a string")
        }
        try scanner.readString(into: &key)
        partitionKeyCharacters = String(decoding: key, as: UTF8.self).count
        partitionKey = records.store(key)
      case ("ExplicitHashKey", _):
        let text = try scanner.readString("ExplicitHashKey")
        guard let value = ShardRouting.parseHashKey(text) else {
          throw GatewayError(.invalidArgument, "ExplicitHashKey \(text) is not a decimal in 0…2^128−1")
        }
        explicitHashKey = value
      default:
        scanner.skipWhitespace()
        try scanner.skipValue()
      }
    }

    private func readData(
      _ member: String, from scanner: inout JSONScanner, shape: Shape, into records: inout IncomingRecords
    ) throws(GatewayError) -> Range<Int> {
      let kind = try scanner.peekKind()
      switch (kind, shape) {
      case (.string, .native):
        var text: [UInt8] = []
        try scanner.readString(into: &text)
        var decoded: [UInt8] = []
        guard Base64.decode(text, into: &decoded) else {
          throw GatewayError(.malformedJSON, "\(member) is not valid base64 (standard alphabet, padded)")
        }
        return records.store(decoded)
      case (_, .native):
        throw GatewayError(.invalidRequest, "\(member) must be a base64 string, found \(kind.article)")
      case (.null, .apiGateway):
        throw GatewayError(.invalidRequest, "\(member) must not be null")
      case (.string, .apiGateway):
        var text: [UInt8] = []
        try scanner.readString(into: &text)
        return records.store(text)
      case (_, .apiGateway):
        return try scanner.skipValue()
      }
    }

    func finish(
      at place: String, into records: inout IncomingRecords, hashKeys: inout [UInt128?], maxRecordBytes: Int
    ) throws(GatewayError) {
      guard let data else { throw GatewayError(.invalidRequest, "\(place) has no Data") }
      guard let partitionKey else { throw GatewayError(.invalidRequest, "\(place) has no PartitionKey") }
      guard (1...256).contains(partitionKeyCharacters) else {
        throw GatewayError(
          .invalidRequest, "\(place): PartitionKey must be 1 to 256 characters, got \(partitionKeyCharacters)"
        )
      }
      let size = data.count + partitionKey.count
      guard size <= maxRecordBytes else {
        throw GatewayError(
          .recordTooLarge,
          "\(place) is \(size) bytes (data + partition key); the limit is \(maxRecordBytes) bytes")
      }
      records.add(key: partitionKey, value: data, partition: nil)
      hashKeys.append(explicitHashKey)
    }
  }
}
