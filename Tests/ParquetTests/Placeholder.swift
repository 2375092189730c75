// Placeholder until ParquetTests gets its first file.
