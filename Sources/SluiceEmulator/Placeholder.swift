// Placeholder until SluiceEmulator gets its first file.
