// Placeholder until SluiceJobTests gets its first file.
