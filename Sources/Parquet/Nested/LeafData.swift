import SluiceCore

/// The content of one leaf column in Dremel form: its levels (only when the maximum level is
/// above zero) and its non-null values, densely, in the target type. The reader decodes chunks
/// into it; the nested writer shreds records into it.
struct LeafData {
  var definitionLevels: [UInt8] = []
  var repetitionLevels: [UInt8] = []
  var values: Column
  /// Level entries (Parquet `num_values`) decoded so far.
  var entries = 0

  init(valueType: DataType) {
    values = Column(type: valueType)
  }
}
