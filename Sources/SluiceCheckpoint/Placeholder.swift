// Placeholder until SluiceCheckpoint gets its first file.
