import KinesisClient

/// Spaces GetRecords calls of each shard at least `intervalMs` apart (AWS: 5 per second per
/// shard), across planning and reading.
actor ShardPacer {
  let clock: any KinesisClock
  let intervalMs: Int64
  private var nextAllowed: [String: Int64] = [:]

  init(clock: any KinesisClock, intervalMs: Int64) {
    self.clock = clock
    self.intervalMs = intervalMs
  }

  /// Waits until shard `id` may be called, and reserves that slot.
  func waitTurn(_ id: String) async throws {
    let now = clock.nowMs()
    let slot = max(now, nextAllowed[id] ?? now)
    nextAllowed[id] = slot + intervalMs
    if slot > now { try await clock.sleep(milliseconds: slot - now) }
  }
}
