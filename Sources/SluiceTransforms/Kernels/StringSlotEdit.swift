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
  /// when no slot changes the column is returned as is (sharing its buffers). After that, kept
  /// slots are copied in runs (one `memcpy` per run of unchanged slots, not per slot).
  func rewritingStrings(_ edit: (UnsafeBufferPointer<UInt8>) -> StringSlotEdit) -> Column {
    precondition(type == .string, "rewritingStrings needs a string column")
    let n = count
    return bytes.withUnsafeBufferPointer { data in
      offsets.withUnsafeBufferPointer { offs in
        validity.withUnsafeBufferPointer { valid in
          var first = n
          var firstEdit = StringSlotEdit.keep
          for i in 0..<n where valid[i] {
            let decision = edit(UnsafeBufferPointer(rebasing: data[Int(offs[i])..<Int(offs[i + 1])]))
            if case .keep = decision { continue }
            first = i
            firstEdit = decision
            break
          }
          guard first < n else { return self }
          var newValidity = validity
          var newOffsets = [Int32](repeating: 0, count: n + 1)
          let newBytes = [UInt8](unsafeUninitializedCapacity: max(data.count, 1)) { out, initialized in
            var written = 0
            /// Source bytes `runStart..<` that are kept but not copied yet.
            var runStart = 0
            func flush(upTo end: Int) {
              let length = end - runStart
              if length > 0 {
                UnsafeMutableRawPointer(out.baseAddress! + written).copyMemory(
                  from: data.baseAddress! + runStart, byteCount: length)
                written += length
              }
            }
            newOffsets.withUnsafeMutableBufferPointer { newOffs in
              for i in 0...first { newOffs[i] = offs[i] }
              for i in first..<n {
                let start = Int(offs[i])
                let end = Int(offs[i + 1])
                let decision: StringSlotEdit =
                  i == first
                  ? firstEdit : (valid[i] ? edit(UnsafeBufferPointer(rebasing: data[start..<end])) : .keep)
                switch decision {
                case .keep:
                  break
                case .null:
                  flush(upTo: start)
                  runStart = end
                  newValidity[i] = false
                case .slice(let from, let to):
                  flush(upTo: start)
                  runStart = start + from
                  flush(upTo: start + to)
                  runStart = end
                }
                newOffs[i + 1] = Int32(truncatingIfNeeded: written + end - runStart)
              }
            }
            flush(upTo: Int(offs[n]))
            initialized = written
          }
          var result = Column(type: .string)
          result.validity = newValidity
          result.offsets = newOffsets
          result.bytes = newBytes
          return result
        }
      }
    }
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
