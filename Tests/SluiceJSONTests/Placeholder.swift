// Placeholder until SluiceJSONTests gets its first file.
