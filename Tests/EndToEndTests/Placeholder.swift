// Placeholder until EndToEndTests gets its first file.
