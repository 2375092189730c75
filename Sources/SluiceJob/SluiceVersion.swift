/// The Sluice release, shown by `sluice --version` and written into progress records.
public enum SluiceVersion {
  public static let current = "0.1.0"
}
