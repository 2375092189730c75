/// User-facing explanations of the error codes a consumer (and its tooling) meets.
extension KafkaErrorCode {
  static let explanations: [Int16: String] = [
    -1: "the broker hit an unexpected error; it is usually transient — check the broker log if it persists",
    1: "the requested offset is outside the partition's log (deleted by retention, or beyond the end); "
      + "restart from the earliest or latest available offset, or fail if data loss is not acceptable",
    2: "a record batch failed the broker's checksum or format validation",
    3:
      "the topic or partition does not exist on this broker (not created yet, deleted, or metadata is stale); "
      + "check the topic name and that it exists",
    5: "the partition has no leader right now (election in progress); retry after refreshing metadata",
    6: "this broker is no longer the partition's leader; refresh metadata and send to the new leader",
    7: "the broker did not complete the request in time; retry",
    10: "the record batch is larger than the topic's max.message.bytes",
    13: "the connection to the broker failed; reconnect and retry",
    14: "the group coordinator is still loading offsets; retry shortly",
    15: "the group coordinator is not available; find the coordinator again and retry",
    16: "this broker is not the group's coordinator; find the coordinator again",
    22: "the consumer group generation is stale; rejoin the group",
    25: "the broker does not know this group member; rejoin the group",
    27: "the consumer group is rebalancing; rejoin the group",
    29: "the credentials in use are not authorized for this topic; grant Describe/Read on the topic "
      + "(ACLs or IAM policy) to the principal",
    30: "the credentials in use are not authorized for this consumer group; grant Read on the group",
    31: "the credentials in use are not authorized for this cluster operation",
    33:
      "the broker does not enable this SASL mechanism; use one it lists (PLAIN, SCRAM-SHA-256, SCRAM-SHA-512…)",
    34: "the SASL exchange arrived in an unexpected order",
    35: "the broker does not support this API version; versions are negotiated per connection — the broker "
      + "may be too old for this client",
    36: "the topic already exists",
    37: "the requested partition count is invalid (it can only grow)",
    42: "the broker rejected the request as malformed; this is a client bug — please report it",
    56: "the broker could not access the log directory holding the partition; refresh metadata and retry",
    58: "SASL authentication failed: wrong user name or password, or the mechanism does not match the "
      + "broker's user store (check sasl.mechanism, username and password)",
    70: "the fetch session expired on the broker; start a new full fetch",
    71: "the fetch session epoch is out of step; start a new full fetch",
    74: "the leader epoch this client sent is stale; refresh metadata and retry",
    75: "the broker does not know this leader epoch yet; refresh metadata and retry",
    76: "the broker cannot serve this compression codec at this API version (zstd needs Fetch v10+)",
    78: "the offset is not available yet (leader change in progress); retry",
    100: "the broker does not know this topic id (deleted or recreated); refresh metadata",
    109: "the offset was moved to tiered storage, which this client cannot read",
  ]
}
