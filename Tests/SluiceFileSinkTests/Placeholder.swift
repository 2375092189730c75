// Placeholder until SluiceFileSinkTests gets its first file.
