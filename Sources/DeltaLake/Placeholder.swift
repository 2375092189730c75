// Placeholder until DeltaLake gets its first file.
