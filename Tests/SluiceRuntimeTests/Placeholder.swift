// Placeholder until SluiceRuntimeTests gets its first file.
