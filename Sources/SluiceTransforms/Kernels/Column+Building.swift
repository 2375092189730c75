import SluiceCore

extension Column {
  /// An `int32` (or `date`) column from prepared buffers of equal length.
  static func int32s(_ values: [Int32], validity: [Bool], type: DataType = .int32) -> Column {
    var column = Column(type: type)
    column.int32Values = values
    column.validity = validity
    return column
  }

  /// An `int64` (or `timestamp`) column from prepared buffers of equal length.
  static func int64s(_ values: [Int64], validity: [Bool], type: DataType = .int64) -> Column {
    var column = Column(type: type)
    column.int64Values = values
    column.validity = validity
    return column
  }

  static func doubles(_ values: [Double], validity: [Bool]) -> Column {
    var column = Column(type: .double)
    column.doubleValues = values
    column.validity = validity
    return column
  }

  static func booleans(_ values: [Bool], validity: [Bool]) -> Column {
    var column = Column(type: .boolean)
    column.boolValues = values
    column.validity = validity
    return column
  }
}

/// Maps a fixed-width buffer slot by slot; `transform` returning `nil` makes the slot null.
/// Null input slots stay null (with a zero value).
@inline(__always)
func mapSlots<Input, Output>(
  _ values: [Input], validity: [Bool], zero: Output, _ transform: (Input) -> Output?
) -> (values: [Output], validity: [Bool]) {
  let n = validity.count
  var outValid = [Bool](repeating: false, count: n)
  let out = [Output](unsafeUninitializedCapacity: n) { buffer, initialized in
    values.withUnsafeBufferPointer { input in
      validity.withUnsafeBufferPointer { valid in
        for i in 0..<n {
          if valid[i], let mapped = transform(input[i]) {
            buffer.initializeElement(at: i, to: mapped)
            outValid[i] = true
          } else {
            buffer.initializeElement(at: i, to: zero)
          }
        }
      }
    }
    initialized = n
  }
  return (out, outValid)
}
