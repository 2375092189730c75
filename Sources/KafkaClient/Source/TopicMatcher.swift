/// A `topicPattern` regular expression, matched against whole topic names (like Java's
/// `Pattern.matcher(name).matches()`, which Spark's `subscribePattern` uses).
struct TopicMatcher {
  let pattern: String
  private let regex: Regex<AnyRegexOutput>

  init(_ pattern: String) throws(KafkaClientError) {
    do {
      regex = try Regex(pattern)
    } catch {
      throw KafkaClientError(
        .invalidConfiguration, "topicPattern '\(pattern)' is not a valid regular expression: \(error)")
    }
    self.pattern = pattern
  }

  func matches(_ topic: String) -> Bool {
    (try? regex.wholeMatch(in: topic)) != nil
  }
}
