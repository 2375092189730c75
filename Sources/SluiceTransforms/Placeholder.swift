// Placeholder until SluiceTransforms gets its first file.
