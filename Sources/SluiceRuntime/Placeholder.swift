// Placeholder until SluiceRuntime gets its first file.
