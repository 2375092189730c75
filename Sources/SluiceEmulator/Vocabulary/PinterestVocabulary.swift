/// All word lists of the emulator, built once and shared (immutable).
final class PinterestVocabulary: Sendable {
  let categories = CategoryVocabulary.all
  let categorySlugs: [[UInt8]]
  let text = TextVocabulary()
  let people = PeopleVocabulary()

  private init() {
    categorySlugs = CategoryVocabulary.all.map { Array($0.slug.utf8) }
  }

  static let shared = PinterestVocabulary()
}

/// The exact placeholder strings of spec §1.3.
enum Placeholder {
  static let userInfoError: StaticString = "User Info Error"
  static let storyDescription: StaticString = "No description available Story format"
  static let noTitle: StaticString = "No Title Data Available"
  static let imageError: StaticString = "Image src error."
  static let noTags: StaticString = "N,o, ,T,a,g,s, ,A,v,a,i,l,a,b,l,e"
  static let noDescription: StaticString = "No description available"
  static let untitled: StaticString = "Untitled"
}
