/// Reads a classic single-file checkpoint into actions.
enum CheckpointReader {
  static func actions(from bytes: [UInt8], name: String) throws(DeltaError) -> [DeltaAction] {
    throw DeltaError.corruptCheckpoint(name, "checkpoint reading is not implemented yet")
  }
}
