// Placeholder until SluiceLogTests gets its first file.
