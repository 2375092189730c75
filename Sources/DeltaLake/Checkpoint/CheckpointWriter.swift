/// Writes a classic single-file checkpoint of a snapshot and points `_last_checkpoint` at it.
struct CheckpointWriter {
  let store: any LogStore

  func write(_ snapshot: Snapshot) throws -> LastCheckpoint {
    throw DeltaError(.unsupportedFeature, "checkpoint writing is not implemented yet")
  }
}
