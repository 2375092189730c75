extension PinterestDataset {
  /// What kind of media a post is (`is_image_or_video`).
  enum Media {
    case image, video, story

    var text: StaticString {
      switch self {
      case .image: "image"
      case .video: "video"
      case .story: "multi-video(story page format)"
      }
    }
  }

  /// The pin row's twelve fields in database order (spec §1.1).
  func writePin(row: Int, style: WireStyle, scratch: inout [UInt8], to out: inout [UInt8]) {
    var rng = SplitMix64(seed: datasetSeed, stream: Stream.pin, index: UInt64(row))
    let category = rng.below(vocabulary.categories.count)
    let words = vocabulary.categories[category]
    let uuid = (rng.next(), rng.next())
    let mediaRoll = rng.unit()
    let media: Media = mediaRoll < 0.88 ? .image : mediaRoll < 0.955 ? .video : .story
    // Spec §1.3: the all-placeholder rows are story posts with every descriptive field broken.
    let allPlaceholder = media == .story && rng.chance(0.5)

    JSONObjectWriter.write(style: style, to: &out) { writer, out in
      writer.begin(&out)
      writer.key("index", &out)
      writer.integer(row, &out)

      writer.key("unique_id", &out)
      scratch.removeAll(keepingCapacity: true)
      Self.appendUUID(uuid, to: &scratch)
      writer.string(scratch, &out)

      writer.key("title", &out)
      if allPlaceholder {
        writer.string(Placeholder.noTitle, &out)
      } else {
        scratch.removeAll(keepingCapacity: true)
        PinText.title(&rng, words, vocabulary.text, into: &scratch)
        writer.string(scratch, &out)
      }

      writer.key("description", &out)
      if media == .story {
        _ = rng.next()  // keep the draw count independent of the branch taken
        writer.string(Placeholder.storyDescription, &out)
      } else {
        scratch.removeAll(keepingCapacity: true)
        PinText.description(&rng, words, vocabulary.text, into: &scratch)
        writer.string(scratch, &out)
      }

      writer.key("poster_name", &out)
      let posterError = allPlaceholder || rng.chance(0.01)
      if posterError {
        writer.string(Placeholder.userInfoError, &out)
      } else {
        scratch.removeAll(keepingCapacity: true)
        PinText.posterName(&rng, vocabulary.text, vocabulary.people, into: &scratch)
        writer.string(scratch, &out)
      }

      writer.key("follower_count", &out)
      scratch.removeAll(keepingCapacity: true)
      if posterError || !PinText.followerCount(&rng, into: &scratch) {
        writer.string(Placeholder.userInfoError, &out)
      } else {
        writer.string(scratch, &out)
      }

      writer.key("tag_list", &out)
      if allPlaceholder || rng.chance(0.05) {
        writer.string(Placeholder.noTags, &out)
      } else {
        scratch.removeAll(keepingCapacity: true)
        PinText.tagList(&rng, words, into: &scratch)
        writer.string(scratch, &out)
      }

      writer.key("is_image_or_video", &out)
      writer.string(media.text, &out)

      writer.key("image_src", &out)
      let hash = (rng.next(), rng.next())
      if allPlaceholder || rng.chance(0.005) {
        writer.string(Placeholder.imageError, &out)
      } else {
        scratch.removeAll(keepingCapacity: true)
        Self.appendImageURL(hash: hash, media: media, png: rng.chance(0.12), to: &scratch)
        writer.string(scratch, &out)
      }

      writer.key("downloaded", &out)
      writer.integer(allPlaceholder ? 0 : 1, &out)
      writer.key("save_location", &out)
      writer.string(words.saveLocation, &out)
      writer.key("category", &out)
      writer.string(vocabulary.categorySlugs[category], &out)
      writer.end(&out)
    }
  }

  /// `fbe53c66-3442-4773-b19e-d3ec6f54dddf`: random bits with the version-4 and RFC 4122
  /// variant bits set.
  static func appendUUID(_ bits: (UInt64, UInt64), to out: inout [UInt8]) {
    let high = (bits.0 & 0xFFFF_FFFF_FFFF_0FFF) | 0x0000_0000_0000_4000
    let low = (bits.1 & 0x3FFF_FFFF_FFFF_FFFF) | 0x8000_0000_0000_0000
    appendHex(high >> 32, digits: 8, to: &out)
    out.append(UInt8(ascii: "-"))
    appendHex(high >> 16, digits: 4, to: &out)
    out.append(UInt8(ascii: "-"))
    appendHex(high, digits: 4, to: &out)
    out.append(UInt8(ascii: "-"))
    appendHex(low >> 48, digits: 4, to: &out)
    out.append(UInt8(ascii: "-"))
    appendHex(low, digits: 12, to: &out)
  }

  /// `https://i.pinimg.com/originals/0d/29/9f/<32 hex>.jpg`, or for videos
  /// `https://i.pinimg.com/videos/thumbnails/originals/…/<32 hex>.0000001.jpg`.
  static func appendImageURL(hash: (UInt64, UInt64), media: Media, png: Bool, to out: inout [UInt8]) {
    let prefix: StaticString =
      media == .image
      ? "https://i.pinimg.com/originals/" : "https://i.pinimg.com/videos/thumbnails/originals/"
    out.append(contentsOf: UnsafeBufferPointer(start: prefix.utf8Start, count: prefix.utf8CodeUnitCount))
    for shift in [56, 48, 40] as [UInt64] {
      appendHex(hash.0 >> shift, digits: 2, to: &out)
      out.append(UInt8(ascii: "/"))
    }
    appendHex(hash.0, digits: 16, to: &out)
    appendHex(hash.1, digits: 16, to: &out)
    let suffix: StaticString = media == .image ? (png ? ".png" : ".jpg") : ".0000001.jpg"
    out.append(contentsOf: UnsafeBufferPointer(start: suffix.utf8Start, count: suffix.utf8CodeUnitCount))
  }

  /// The low `digits` (≤ 16) hex digits of `value`, lower case.
  static func appendHex(_ value: UInt64, digits: Int, to out: inout [UInt8]) {
    let hex: StaticString = "0123456789abcdef"
    var buffer: (UInt64, UInt64) = (0, 0)
    withUnsafeMutableBytes(of: &buffer) { scratch in
      for k in 0..<digits {
        scratch[digits - 1 - k] = hex.utf8Start[Int((value >> UInt64(4 * k)) & 0xF)]
      }
      out.append(contentsOf: UnsafeRawBufferPointer(rebasing: scratch[0..<digits]))
    }
  }
}
