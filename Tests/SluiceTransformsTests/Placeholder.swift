// Placeholder until SluiceTransformsTests gets its first file.
