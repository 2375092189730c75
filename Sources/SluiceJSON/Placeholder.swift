// Placeholder until SluiceJSON gets its first file.
