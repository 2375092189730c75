import XCTest

@testable import Parquet

/// Thrift compact protocol: byte-exact fixtures from the reference and decode robustness.
final class ThriftCompactTests: XCTestCase {
  private func encode(_ body: (inout ThriftCompactWriter) -> Void) -> [UInt8] {
    var writer = ThriftCompactWriter()
    body(&writer)
    return writer.bytes
  }

  private func reader(_ bytes: [UInt8]) -> ThriftCompactReader {
    ThriftCompactReader(bytes: bytes, range: 0..<bytes.count, context: "test bytes")
  }

  func testSchemaElementFixtureEncodesAndDecodes() throws {
    let element = SchemaElement(name: "id", type: .int64, repetition: .optional)
    let bytes = encode { element.encode(into: &$0) }
    XCTAssertEqual(bytes, [0x15, 0x04, 0x25, 0x02, 0x18, 0x02, 0x69, 0x64, 0x00])
    var reader = reader(bytes)
    XCTAssertEqual(try SchemaElement(from: &reader), element)
    XCTAssertEqual(reader.position, bytes.count)
  }

  func testLogicalTypeFixtures() throws {
    let cases: [(LogicalType, [UInt8])] = [
      (.timestamp(isAdjustedToUTC: true, unit: .micros), [0x8C, 0x11, 0x1C, 0x2C, 0x00, 0x00, 0x00, 0x00]),
      (.string, [0x1C, 0x00, 0x00]),
      (.list, [0x3C, 0x00, 0x00]),
      (.date, [0x6C, 0x00, 0x00]),
    ]
    for (type, expected) in cases {
      XCTAssertEqual(encode { type.encode(into: &$0) }, expected, "\(type)")
      var reader = reader(expected)
      XCTAssertEqual(try LogicalType(from: &reader), type)
    }
  }

  func testLongFieldHeadersZigzagAndLongLists() throws {
    let bytes = encode { writer in
      writer.beginStructElement()
      writer.field(1, i32: -1)
      writer.field(20, i64: -300)  // delta 19 > 15: long form
      writer.field(21, bool: true)
      writer.listField(22, i32: Array(0..<20))  // more than 14 elements: long list header
      writer.endStruct()
    }
    XCTAssertEqual(Array(bytes[0..<2]), [0x15, 0x01])  // zigzag(-1) = 1
    XCTAssertEqual(Array(bytes[2..<6]), [0x06, 0x28, 0xD7, 0x04])  // type i64, zigzag(20)=40, zigzag(-300)=599
    XCTAssertEqual(bytes[6], 0x11)
    XCTAssertEqual(Array(bytes[7..<9]), [0x19, 0xF5])
    var fields: [Int16: Int64] = [:]
    var list: [Int32] = []
    var flag = false
    var reader = reader(bytes)
    try reader.readStruct { r, type, id throws(ParquetError) in
      switch id {
      case 1: fields[1] = Int64(try r.readI32())
      case 20: fields[20] = try r.readI64()
      case 21: flag = r.boolValue(type)
      case 22:
        list = try r.readList(expecting: .i32, field: "list") { r throws(ParquetError) in try r.readI32() }
      default: return false
      }
      return true
    }
    XCTAssertEqual(fields, [1: -1, 20: -300])
    XCTAssertTrue(flag)
    XCTAssertEqual(list, Array(0..<20))
  }

  func testUnknownFieldsOfEveryTypeAreSkipped() throws {
    // A KeyValue with unknown fields 3..10 (double, binary, list<bool>, set, map, nested struct, i8, uuid)
    // before and between the known ones.
    var bytes: [UInt8] = [0x18, 0x01, 0x6B]  // 1: key "k"
    bytes += [0x27] + [UInt8](repeating: 0x40, count: 8)  // 3: double (delta 2)
    bytes += [0x18, 0x02, 0x78, 0x79]  // 4: binary "xy"
    bytes += [0x19, 0x22, 0x01, 0x02]  // 5: list<bool> [true, false]
    bytes += [0x1A, 0x15, 0x04]  // 6: set<i32> [2]
    bytes += [0x1B, 0x01, 0x85, 0x01, 0x61, 0x06]  // 7: map<binary, i32> {"a": 3}
    bytes += [0x1C, 0x15, 0x02, 0x1C, 0x00, 0x00]  // 8: struct {1: i32 1, 2: struct {}}
    bytes += [0x13, 0x7F]  // 9: i8
    bytes += [0x1D] + [UInt8](repeating: 0xAB, count: 16)  // 10: uuid
    bytes += [0x08, 0x04, 0x01, 0x76]  // long form field 2: value "v"
    bytes += [0x00]
    var reader = reader(bytes)
    let pair = try KeyValue(from: &reader)
    XCTAssertEqual(pair, KeyValue(key: "k", value: "v"))
    XCTAssertEqual(reader.position, bytes.count)
  }

  func testTruncatedAndMalformedInputsFailPrecisely() {
    var truncated = reader([0x15, 0x04, 0x25, 0x02, 0x18, 0x05, 0x69])  // name says 5 bytes, 1 present
    XCTAssertThrowsError(try SchemaElement(from: &truncated)) { error in
      XCTAssertEqual((error as? ParquetError)?.code, .truncated)
      XCTAssertTrue((error as? ParquetError)?.message.contains("test bytes") == true)
    }
    var badType = reader([0x1E, 0x00])  // type nibble 14 does not exist
    XCTAssertThrowsError(try SchemaElement(from: &badType)) { error in
      XCTAssertEqual((error as? ParquetError)?.code, .corrupt)
    }
    var wrongType = reader([0x18, 0x00, 0x00])  // field 1 (type) as binary
    XCTAssertThrowsError(try SchemaElement(from: &wrongType)) { error in
      XCTAssertEqual((error as? ParquetError)?.code, .corrupt)
      XCTAssertTrue((error as? ParquetError)?.message.contains("SchemaElement.type") == true)
    }
    var noName = reader([0x15, 0x04, 0x00])
    XCTAssertThrowsError(try SchemaElement(from: &noName)) { error in
      XCTAssertTrue((error as? ParquetError)?.message.contains("without a name") == true)
    }
    var deep = reader([UInt8](repeating: 0x1C, count: 200))  // struct in struct in struct ...
    XCTAssertThrowsError(try KeyValue(from: &deep)) { error in
      XCTAssertEqual((error as? ParquetError)?.code, .corrupt)
    }
  }

  func testFileMetaDataRoundTrip() throws {
    let chunk = ColumnChunk(
      fileOffset: 4,
      metaData: ColumnMetaData(
        type: .byteArray, encodings: [.plain, .rle, .rleDictionary], pathInSchema: ["a", "list", "element"],
        codec: .zstd, numValues: 10, totalUncompressedSize: 100, totalCompressedSize: 50, dataPageOffset: 20,
        dictionaryPageOffset: 4, statistics: ChunkStatistics(nullCount: 2, minValue: [0x61], maxValue: [0x7A])
      ))
    let metadata = FileMetaData(
      schema: [
        SchemaElement(name: "schema", numChildren: 1),
        SchemaElement(
          name: "a", type: .byteArray, repetition: .optional, convertedType: .utf8, logicalType: .string),
      ], numRows: 7,
      rowGroups: [
        RowGroup(
          columns: [chunk], totalByteSize: 100, numRows: 7, fileOffset: 4, totalCompressedSize: 50, ordinal: 0
        )
      ], keyValueMetadata: [KeyValue(key: "k", value: "v"), KeyValue(key: "empty", value: nil)],
      createdBy: "me",
      typeDefinedColumnOrders: 1)
    let bytes = metadata.encoded()
    var reader = reader(bytes)
    XCTAssertEqual(try FileMetaData(from: &reader), metadata)
  }
}
