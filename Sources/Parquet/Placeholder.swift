// Placeholder until Parquet gets its first file.
