// Placeholder until SluiceEmulatorTests gets its first file.
