// Placeholder until SluiceLog gets its first file.
