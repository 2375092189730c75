/// Which Delta protocol versions and table features this build reads and writes.
///
/// Reading: reader version 1; reader version 2 (column mapping) when the table's column mapping
/// mode is `none`; reader version 3 with only the reader features in ``readableFeatures``
/// (`deletionVectors` is accepted at the protocol level and refused per file if a file actually
/// has one). Writing: writer version ≤ 2 (append-only and invariants are trivially honoured by
/// an append-only writer that writes no invariant-bearing schema).
public enum ProtocolSupport {
  public static let maxReaderVersion: Int32 = 3
  public static let maxWriterVersion: Int32 = 2
  public static let readableFeatures: Set<String> = [
    "columnMapping", "deletionVectors", "vacuumProtocolCheck", "v2Checkpoint", "appendOnly", "invariants",
  ]

  /// Throws ``DeltaError/Code/unsupportedProtocol`` or ``DeltaError/Code/unsupportedFeature``
  /// when this build cannot read the table at `location`.
  public static func checkReadable(_ p: ProtocolAction, metadata: MetadataAction, location: String)
    throws(DeltaError)
  {
    let mappingMode = (metadata.configuration["delta.columnMapping.mode"] ?? nil)?.lowercased() ?? "none"
    if p.minReaderVersion > maxReaderVersion || p.minReaderVersion < 1 {
      throw DeltaError(
        .unsupportedProtocol,
        "the table at \(location) needs Delta reader version \(p.minReaderVersion); Sluice reads versions 1 to 3 "
          + "(use a newer Delta reader, e.g. delta-rs or Spark)")
    }
    if p.minReaderVersion == 2 || p.readerFeatures?.contains("columnMapping") == true, mappingMode != "none" {
      throw DeltaError(
        .unsupportedFeature,
        "the table at \(location) uses the reader feature 'columnMapping' (mode \(mappingMode)), which Sluice "
          + "does not implement yet")
    }
    if p.minReaderVersion == 3 {
      for feature in p.readerFeatures ?? [] where !readableFeatures.contains(feature) {
        throw DeltaError(
          .unsupportedFeature,
          "the table at \(location) uses the reader feature '\(feature)', which Sluice does not implement; "
            + "read it with delta-rs or Spark")
      }
    }
  }

  /// Throws ``DeltaError/Code/unsupportedProtocol`` when this build must not write the table.
  public static func checkWritable(_ p: ProtocolAction, location: String) throws(DeltaError) {
    guard p.minWriterVersion <= maxWriterVersion else {
      let features = p.writerFeatures.map { " (features: \($0.joined(separator: ", ")))" } ?? ""
      throw DeltaError(
        .unsupportedProtocol,
        "the table at \(location) needs Delta writer version \(p.minWriterVersion)\(features); Sluice writes "
          + "tables up to writer version \(maxWriterVersion), so it refuses to write here: write to a new table"
      )
    }
  }
}
