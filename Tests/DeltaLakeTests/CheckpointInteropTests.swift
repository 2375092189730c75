import Foundation
import SluiceCore
import XCTest

@testable import DeltaLake

/// DuckDB, delta-rs and pyarrow read a table whose state before the latest commit exists only
/// in the checkpoint Sluice wrote (the earlier commits are deleted), with real Parquet data.
final class CheckpointInteropTests: XCTestCase {
  func testEnginesReadTheTableFromOurCheckpointAlone() throws {
    let folder = TemporaryFolder()
    defer { folder.cleanup() }
    let path = folder.path + "/pins"
    var writer = DeltaTableWriter(
      path: path, options: DeltaWriteOptions(partitionColumns: ["category"], checkpointInterval: 2))
    for batch in 0..<6 {
      _ = try writer.write(
        Fixtures.pinBatch((batch * 20)..<(batch * 20 + 20)),
        transaction: TransactionAction(appId: "query-1", version: Int64(batch)))
    }
    // Versions 0...5, checkpoints at 2 and 4: only the checkpoint of 4 and commit 5 remain.
    for version in 0..<5 {
      try FileManager.default.removeItem(atPath: path + "/_delta_log/" + LogFileName.commit(Int64(version)))
    }
    let ours = try DeltaTable.open(path: path).snapshot()
    XCTAssertEqual(ours.version, 5)
    XCTAssertEqual(ours.transactionVersion(appId: "query-1"), 5)

    let result = try InteropPython.run(
      """
      import glob, json, os, sys, duckdb, duckdb_extension_delta
      import pyarrow.parquet as pq
      from deltalake import DeltaTable
      path = sys.argv[1]
      dt = DeltaTable(path)
      ext = glob.glob(os.path.dirname(duckdb_extension_delta.__file__) + "/**/delta.duckdb_extension", recursive=True)[0]
      con = duckdb.connect(config={"autoinstall_known_extensions": False, "autoload_known_extensions": False})
      con.execute(f"LOAD '{ext}'")
      duck = con.execute(f"select count(*), sum(ind), count(distinct category) from delta_scan('{path}')").fetchone()
      con.close()
      checkpoint = pq.ParquetFile(path + "/_delta_log/00000000000000000004.checkpoint.parquet")
      rows = checkpoint.read().to_pylist()
      print(json.dumps({
        "version": dt.version(), "files": len(dt.file_uris()), "txn": dt.transaction_version("query-1"),
        "rows": dt.to_pyarrow_table().num_rows, "duck": list(duck),
        "checkpointAdds": sum(1 for r in rows if r["add"]),
        "codecs": sorted(set(checkpoint.metadata.row_group(0).column(i).compression
                             for i in range(checkpoint.metadata.num_columns))),
      }))
      """, [path])
    XCTAssertEqual(result["version"]?.intValue, 5)
    XCTAssertEqual(result["files"]?.intValue, Int64(ours.numFiles))
    XCTAssertEqual(result["txn"]?.intValue, 5)
    XCTAssertEqual(result["rows"]?.intValue, 120)
    XCTAssertEqual(result["duck"]?.compact, "[120,\((0..<120).reduce(0, +)),3]")
    XCTAssertEqual(
      result["checkpointAdds"]?.intValue, Int64(try DeltaTable.open(path: path).snapshot(version: 4).numFiles)
    )
    XCTAssertEqual(result["codecs"]?.compact, #"["ZSTD"]"#)
  }
}
