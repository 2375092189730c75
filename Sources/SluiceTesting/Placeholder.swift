// Placeholder until SluiceTesting gets its first file.
