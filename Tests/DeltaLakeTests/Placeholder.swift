// Placeholder until DeltaLakeTests gets its first file.
