// Placeholder until SluiceCheckpointTests gets its first file.
