// Placeholder until SluiceFileSink gets its first file.
