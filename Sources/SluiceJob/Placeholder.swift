// Placeholder until SluiceJob gets its first file.
