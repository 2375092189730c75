extension PinterestDataset {
  /// 2017-10-01 00:00:00 UTC … 2022-10-31 23:59:59 UTC (post times, spec §5).
  static let postTimes = 1_506_816_000...1_667_260_799
  /// 2015-10-01 00:00:00 UTC … 2017-10-31 23:59:59 UTC (join dates, spec §5).
  static let joinTimes = 1_443_657_600...1_509_494_399

  /// `{"ind": …, "timestamp": …, "latitude": …, "longitude": …, "country": …}`.
  func writeGeo(row: Int, style: WireStyle, to out: inout [UInt8]) {
    var rowRng = SplitMix64(seed: datasetSeed, stream: Stream.geo, index: UInt64(row))
    let person = person(ofRow: row)
    var personRng = SplitMix64(seed: datasetSeed, stream: Stream.personGeo, index: UInt64(person))
    let latitude = personRng.chance(0.3) ? -90 + personRng.unit() * 10 : -90 + personRng.unit() * 180
    let longitude = -180 + personRng.unit() * 360
    let countries = vocabulary.people.countries
    let country: Int
    if personRng.chance(0.5) {
      // Low row numbers lean towards countries early in the alphabet, as in the real data.
      let centre = person * countries.count / rowCount
      country = min(countries.count - 1, max(0, centre + personRng.inRange(-6...6)))
    } else {
      country = personRng.below(countries.count)
    }

    JSONObjectWriter.write(style: style, to: &out) { writer, out in
      writer.begin(&out)
      writer.key("ind", &out)
      writer.integer(row, &out)
      writer.key("timestamp", &out)
      writer.timestamp(epochSeconds: rowRng.inRange(Self.postTimes), &out)
      writer.key("latitude", &out)
      writer.decimal(latitude, significant: 6, &out)
      writer.key("longitude", &out)
      writer.decimal(longitude, significant: 6, &out)
      writer.key("country", &out)
      writer.string(countries.word(country), &out)
      writer.end(&out)
    }
  }

  /// `{"ind": …, "first_name": …, "last_name": …, "age": …, "date_joined": …}`.
  func writeUser(row: Int, style: WireStyle, to out: inout [UInt8]) {
    let person = person(ofRow: row)
    var rng = SplitMix64(seed: datasetSeed, stream: Stream.personUser, index: UInt64(person))
    let people = vocabulary.people
    let first = rng.below(people.firstNames.count)
    let last = rng.below(people.lastNames.count)
    let age = 20 + min(rng.below(40), rng.below(40))

    JSONObjectWriter.write(style: style, to: &out) { writer, out in
      writer.begin(&out)
      writer.key("ind", &out)
      writer.integer(row, &out)
      writer.key("first_name", &out)
      writer.string(people.firstNames.word(first), &out)
      writer.key("last_name", &out)
      writer.string(people.lastNames.word(last), &out)
      writer.key("age", &out)
      writer.integer(age, &out)
      writer.key("date_joined", &out)
      writer.timestamp(epochSeconds: rng.inRange(Self.joinTimes), &out)
      writer.end(&out)
    }
  }
}
