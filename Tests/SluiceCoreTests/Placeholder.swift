// Placeholder until SluiceCoreTests gets its first file.
