import SluiceCore

/// What to do with one non-null slot of a string column during ``Column/rewritingStrings(_:)``.
enum StringSlotEdit {
  /// Keep the slot as it is.
  case keep
  /// Make the slot null.
  case null
  /// Keep only the bytes `start..<end` of the slot (relative to the slot's first byte).
  case slice(start: Int, end: Int)
}

extension Column {
  /// Rewrites the non-null slots of a `string` column; null slots stay null.
  ///
  /// Works on the byte buffer directly. Until the first slot that changes nothing is copied, and
  /// when no slot changes the column is returned as is (sharing its buffers).
  func rewritingStrings(_ edit: (UnsafeBufferPointer<UInt8>) -> StringSlotEdit) -> Column {
    precondition(type == .string, "rewritingStrings needs a string column")
    let n = count
    var changed = false
    var newValidity: [Bool] = []
    var newOffsets: [Int32] = []
    var newBytes: [UInt8] = []
    bytes.withUnsafeBufferPointer { data in
      offsets.withUnsafeBufferPointer { offs in
        validity.withUnsafeBufferPointer { valid in
          for i in 0..<n {
            let start = Int(offs[i])
            let end = Int(offs[i + 1])
            let decision: StringSlotEdit =
              valid[i] ? edit(UnsafeBufferPointer(rebasing: data[start..<end])) : .keep
            if !changed {
              if case .keep = decision { continue }
              changed = true
              newValidity.reserveCapacity(n)
              newValidity.append(contentsOf: valid[0..<i])
              newOffsets.reserveCapacity(n + 1)
              newOffsets.append(contentsOf: offs[0...i])
              newBytes.reserveCapacity(data.count)
              newBytes.append(contentsOf: UnsafeBufferPointer(rebasing: data[0..<start]))
            }
            switch decision {
            case .keep:
              newValidity.append(valid[i])
              newBytes.append(contentsOf: UnsafeBufferPointer(rebasing: data[start..<end]))
            case .null:
              newValidity.append(false)
            case .slice(let from, let to):
              newValidity.append(true)
              newBytes.append(contentsOf: UnsafeBufferPointer(rebasing: data[(start + from)..<(start + to)]))
            }
            newOffsets.append(Int32(truncatingIfNeeded: newBytes.count))
          }
        }
      }
    }
    guard changed else { return self }
    var result = Column(type: .string)
    result.validity = newValidity
    result.offsets = newOffsets
    result.bytes = newBytes
    return result
  }

  /// Calls `body` with the bytes of every slot (empty for nulls) and whether it is valid.
  func forEachStringSlot(_ body: (Int, UnsafeBufferPointer<UInt8>, Bool) -> Void) {
    precondition(type == .string, "forEachStringSlot needs a string column")
    bytes.withUnsafeBufferPointer { data in
      offsets.withUnsafeBufferPointer { offs in
        validity.withUnsafeBufferPointer { valid in
          for i in 0..<valid.count {
            body(i, UnsafeBufferPointer(rebasing: data[Int(offs[i])..<Int(offs[i + 1])]), valid[i])
          }
        }
      }
    }
  }
}

extension UnsafeBufferPointer where Element == UInt8 {
  /// Byte-wise equality with `other` (lengths first, then memory).
  @inline(__always) func equalsBytes(_ other: UnsafeBufferPointer<UInt8>) -> Bool {
    guard count == other.count else { return false }
    for i in 0..<count where self[i] != other[i] { return false }
    return true
  }

  /// Whether the first bytes equal `prefix`.
  @inline(__always) func hasBytePrefix(_ prefix: UnsafeBufferPointer<UInt8>) -> Bool {
    guard count >= prefix.count else { return false }
    for i in 0..<prefix.count where self[i] != prefix[i] { return false }
    return true
  }
}
