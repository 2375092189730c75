/// Why Thrift or Parquet bytes could not be decoded.
struct ParquetDecodingError: Error {
  let what: String
  init(_ what: String) { self.what = what }
}
