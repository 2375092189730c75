import SluiceCore

/// The sample records of spec §6.1–6.3 transcribed as values (DB column order; timestamps in the
/// majority wire form `YYYY-MM-DD HH:MM:SS`), and the cleaned rows expected by spec §2 majority
/// rules (§2.4, §6.4): placeholders nulled per column, follower counts expanded, the save-location
/// prefix removed, coordinates `[latitude, longitude]`, names joined with one space.
/// Expected timestamps are epoch microseconds computed independently (ISO form in comments).
enum PinterestSamples {
  static let rawPinRows: [[Value]] = [
    [
      .int64(7528), .string("fbe53c66-3442-4773-b19e-d3ec6f54dddf"), .string("No Title Data Available"),
      .string("No description available Story format"), .string("User Info Error"),
      .string("User Info Error"), .string("N,o, ,T,a,g,s, ,A,v,a,i,l,a,b,l,e"),
      .string("multi-video(story page format)"), .string("Image src error."), .int64(0),
      .string("Local save in /data/mens-fashion"), .string("mens-fashion"),
    ],
    [
      .int64(2863), .string("9bf39437-42a6-4f02-99a0-9a0383d8cd70"),
      .string("25 Super Fun Summer Crafts for Kids - Of Life and Lisa"),
      .string("Keep the kids busy this summer with these easy diy crafts and projects. Creative and…"),
      .string("Of Life & Lisa | Lifestyle Blog"), .string("124k"),
      .string(
        "Summer Crafts For Kids,Fun Crafts For Kids,Summer Kids,Toddler Crafts,Crafts To Do,Diy For Kids,Summer Snow,Diys For Summer,Craft Ideas For Girls"
      ), .string("image"),
      .string("https://i.pinimg.com/originals/b3/bc/e2/b3bce2964e8c8975387b39660eed5f16.jpg"), .int64(1),
      .string("Local save in /data/diy-and-crafts"), .string("diy-and-crafts"),
    ],
    [
      .int64(5730), .string("1e1f0c8b-9fcf-460b-9154-c775827206eb"), .string("Island Oasis Coupon Organizer"),
      .string(
        "Description Coupon Organizer in a fun colorful fabric -island oasis, Great Size for the \"basic\" couponer - holds up to 500 coupons with ease, and is made long enough so that you…\u{00A0}"
      ), .string("Consuelo Aguirre"), .string("0"),
      .string(
        "Grocery Items,Grocery Coupons,Care Organization,Coupon Organization,Extreme Couponing,Couponing 101,Life Binder,Save My Money,Love Coupons"
      ), .string("image"),
      .string("https://i.pinimg.com/originals/65/bb/ea/65bbeaf458907bb079317d8303c4fa0e.jpg"), .int64(1),
      .string("Local save in /data/finance"), .string("finance"),
    ],
    [
      .int64(8304), .string("5b6d0913-25e4-43ab-839d-85d5516f78a4"),
      .string("The #1 Reason You’re Not His Priority Anymore - Matthew Coast"),
      .string("#lovequotes #matchmaker #matchmadeinheaven #loveyourself #respectyourself"),
      .string("Commitment Connection"), .string("51k"),
      .string(
        "Wise Quotes,Quotable Quotes,Words Quotes,Wise Words,Quotes To Live By,Great Quotes,Motivational Quotes,Inspirational Quotes,Funny Quotes"
      ), .string("image"),
      .string("https://i.pinimg.com/originals/c6/64/ee/c664ee71524fb5a6e7b7b49233f93b43.png"), .int64(1),
      .string("Local save in /data/quotes"), .string("quotes"),
    ],
    [
      .int64(8731), .string("ea760f71-febf-4023-b592-d17396659039"),
      .string("20 Koi Fish Tattoos For Lucky Men"),
      .string(
        "Koi fish tattoos are a popular choice for men who want to make a statement, thanks to their rich symbolism and bold design."
      ), .string("TheTrendSpotter"), .string("211k"),
      .string(
        "Dr Tattoo,Wörter Tattoos,Pisces Tattoos,Tatoo Art,Dream Tattoos,Dope Tattoos,Mini Tattoos,Finger Tattoos,Body Art Tattoos"
      ), .string("image"),
      .string("https://i.pinimg.com/originals/8a/0c/0a/8a0c0a7b6236565c519acd41ad1a52c0.jpg"), .int64(1),
      .string("Local save in /data/tattoos"), .string("tattoos"),
    ],
    [
      .int64(1313), .string("44662045-e891-4821-8a19-ebe7eedd371a"),
      .string("Liquid Lash Extensions Mascara"),
      .string(
        "Instantly create the look of lash extensions with this award-winning, best-selling mascara that won't clump, flake or smudge. Available in 3 shades!"
      ), .string("Thrive Causemetics"), .string("43k"), .string("N,o, ,T,a,g,s, ,A,v,a,i,l,a,b,l,e"),
      .string("video"),
      .string(
        "https://i.pinimg.com/videos/thumbnails/originals/69/84/e2/6984e20f3e262098fa9c0614c3453254.0000001.jpg"
      ), .int64(1), .string("Local save in /data/beauty"), .string("beauty"),
    ],
    [
      .int64(10794), .string("c4bd2577-a7bb-4409-bb7a-17d5ed7e1cf1"), .string("TireBuyer"),
      .string("Nissan GT-R. Sick."), .string("Ray Uyemura"), .string("437"),
      .string(
        "Lowrider,Old Vintage Cars,Antique Cars,Austin Martin,Nissan Gtr Black,Jaguar,1959 Cadillac,Cadillac Ct6,Old School Cars"
      ), .string("image"),
      .string("https://i.pinimg.com/originals/0d/29/9f/0d299f3df020395aa7ce8387f40fbeed.jpg"), .int64(1),
      .string("Local save in /data/vehicles"), .string("vehicles"),
    ],
    [
      .int64(5069), .string("b75b6f87-deb3-444f-b29e-ce9161b2df49"),
      .string("The Vault: Curated & Refined Wedding Inspiration"),
      .string(
        "Sacramento California Wedding 2 Chic Events & Design Jodi Yorston Photography Wilson Vineyards Barn Miosa Couture Yellow Barn Vineyard Outdoor Candles DIY"
      ), .string("Style Me Pretty"), .string("6M"),
      .string(
        "60th Anniversary Parties,Anniversary Decorations,Golden Anniversary,25th Wedding Anniversary,Anniversary Pictures,Anniversary Ideas,Birthday Decorations,Event Planning Design,Event Design"
      ), .string("image"),
      .string("https://i.pinimg.com/originals/7e/45/90/7e45905fefa36347e83333fd6d091140.jpg"), .int64(1),
      .string("Local save in /data/event-planning"), .string("event-planning"),
    ],
    [
      .int64(6398), .string("ea44d318-2ced-4cf8-a66f-a6a036b84faa"),
      .string(
        "My master bathroom makeover with @flooranddecor ! Follow me on Instagram @Mojisstyle for more"),
      .string("No description available Story format"), .string("MojisStyle"), .string("117k"),
      .string(
        "Decor Home Living Room,Home And Living,Diy Bedroom Decor,Home Decor,Bathroom Interior Design,Interior Design Living Room,Dream Home Design,House Design,Beautiful Bathrooms"
      ), .string("multi-video(story page format)"),
      .string(
        "https://i.pinimg.com/videos/thumbnails/originals/75/48/3b/75483b74822855519ec8b40df4c670ef.0000001.jpg"
      ), .int64(1), .string("Local save in /data/home-decor"), .string("home-decor"),
    ],
    [
      .int64(1014), .string("9ac94307-bb27-410e-b554-0a0ab6c19847"), .string("Hairstyles & Beauty"),
      .string("Untitled"), .string("Grecia Perales"), .string("0"),
      .string(
        "Hair Inspo,Hair Inspiration,Motivation Inspiration,Cl Rapper,Foto Glamour,Kreative Portraits,Classy Aesthetic,Pretty Hairstyles,Hair Looks"
      ), .string("image"),
      .string("https://i.pinimg.com/originals/af/c4/59/afc459bd6e1fd8f9aef212504afebf3a.jpg"), .int64(1),
      .string("Local save in /data/beauty"), .string("beauty"),
    ],
  ]
  static let rawGeoRows: [[Value]] = [
    [.int64(7528), .string("2020-08-28 03:52:47"), .double(-89.9787), .double(-173.293), .string("Albania")],
    [.int64(2863), .string("2020-04-27 13:34:16"), .double(-5.34445), .double(-177.924), .string("Armenia")],
    [.int64(5730), .string("2021-04-19 17:37:03"), .double(-77.015), .double(-101.437), .string("Colombia")],
    [
      .int64(8304), .string("2019-09-13 04:50:29"), .double(-28.8852), .double(-164.87),
      .string("French Guiana"),
    ],
    [.int64(8731), .string("2020-07-17 04:39:09"), .double(-83.104), .double(-171.302), .string("Aruba")],
    [.int64(1313), .string("2018-06-26 02:39:25"), .double(77.0447), .double(61.9119), .string("Maldives")],
    [
      .int64(10794), .string("2022-01-01 02:26:50"), .double(-89.5236), .double(-154.567),
      .string("Cocos (Keeling) Islands"),
    ],
    [
      .int64(5069), .string("2021-03-20 09:32:44"), .double(-63.0063), .double(-157.474),
      .string("Azerbaijan"),
    ],
    [.int64(6398), .string("2020-01-19 01:49:05"), .double(-3.29267), .double(-179.726), .string("Albania")],
    [.int64(1014), .string("2022-02-03 22:05:34"), .double(81.1477), .double(69.3538), .string("Tonga")],
  ]
  static let rawUserRows: [[Value]] = [
    [.int64(7528), .string("Abigail"), .string("Ali"), .int64(20), .string("2015-10-24 11:23:51")],
    [.int64(2863), .string("Dylan"), .string("Holmes"), .int64(32), .string("2016-10-23 14:06:51")],
    [.int64(5730), .string("Rachel"), .string("Davis"), .int64(36), .string("2015-12-08 20:02:43")],
    [.int64(8304), .string("Charles"), .string("Berry"), .int64(25), .string("2015-12-28 04:21:39")],
    [.int64(8731), .string("Andrea"), .string("Alexander"), .int64(21), .string("2015-11-10 09:27:42")],
    [.int64(1313), .string("Brittany"), .string("Jones"), .int64(32), .string("2016-04-02 03:51:23")],
    [.int64(10794), .string("Thomas"), .string("Turner"), .int64(34), .string("2016-12-22 00:02:02")],
    [.int64(5069), .string("Amanda"), .string("Ball"), .int64(25), .string("2016-01-13 17:36:30")],
    [.int64(6398), .string("Christina"), .string("Davenport"), .int64(39), .string("2016-06-29 20:43:59")],
    [.int64(1014), .string("Gregory"), .string("Ramsey"), .int64(56), .string("2016-10-15 17:21:39")],
  ]
  static let cleanPinRows: [[Value]] = [
    [
      .int64(7528), .string("fbe53c66-3442-4773-b19e-d3ec6f54dddf"), .null, .null, .null, .null, .null,
      .string("multi-video(story page format)"), .null, .string("/data/mens-fashion"),
      .string("mens-fashion"),
    ],
    [
      .int64(2863), .string("9bf39437-42a6-4f02-99a0-9a0383d8cd70"),
      .string("25 Super Fun Summer Crafts for Kids - Of Life and Lisa"),
      .string("Keep the kids busy this summer with these easy diy crafts and projects. Creative and…"),
      .int32(124000), .string("Of Life & Lisa | Lifestyle Blog"),
      .string(
        "Summer Crafts For Kids,Fun Crafts For Kids,Summer Kids,Toddler Crafts,Crafts To Do,Diy For Kids,Summer Snow,Diys For Summer,Craft Ideas For Girls"
      ), .string("image"),
      .string("https://i.pinimg.com/originals/b3/bc/e2/b3bce2964e8c8975387b39660eed5f16.jpg"),
      .string("/data/diy-and-crafts"), .string("diy-and-crafts"),
    ],
    [
      .int64(5730), .string("1e1f0c8b-9fcf-460b-9154-c775827206eb"), .string("Island Oasis Coupon Organizer"),
      .string(
        "Description Coupon Organizer in a fun colorful fabric -island oasis, Great Size for the \"basic\" couponer - holds up to 500 coupons with ease, and is made long enough so that you…\u{00A0}"
      ), .int32(0), .string("Consuelo Aguirre"),
      .string(
        "Grocery Items,Grocery Coupons,Care Organization,Coupon Organization,Extreme Couponing,Couponing 101,Life Binder,Save My Money,Love Coupons"
      ), .string("image"),
      .string("https://i.pinimg.com/originals/65/bb/ea/65bbeaf458907bb079317d8303c4fa0e.jpg"),
      .string("/data/finance"), .string("finance"),
    ],
    [
      .int64(8304), .string("5b6d0913-25e4-43ab-839d-85d5516f78a4"),
      .string("The #1 Reason You’re Not His Priority Anymore - Matthew Coast"),
      .string("#lovequotes #matchmaker #matchmadeinheaven #loveyourself #respectyourself"), .int32(51000),
      .string("Commitment Connection"),
      .string(
        "Wise Quotes,Quotable Quotes,Words Quotes,Wise Words,Quotes To Live By,Great Quotes,Motivational Quotes,Inspirational Quotes,Funny Quotes"
      ), .string("image"),
      .string("https://i.pinimg.com/originals/c6/64/ee/c664ee71524fb5a6e7b7b49233f93b43.png"),
      .string("/data/quotes"), .string("quotes"),
    ],
    [
      .int64(8731), .string("ea760f71-febf-4023-b592-d17396659039"),
      .string("20 Koi Fish Tattoos For Lucky Men"),
      .string(
        "Koi fish tattoos are a popular choice for men who want to make a statement, thanks to their rich symbolism and bold design."
      ), .int32(211000), .string("TheTrendSpotter"),
      .string(
        "Dr Tattoo,Wörter Tattoos,Pisces Tattoos,Tatoo Art,Dream Tattoos,Dope Tattoos,Mini Tattoos,Finger Tattoos,Body Art Tattoos"
      ), .string("image"),
      .string("https://i.pinimg.com/originals/8a/0c/0a/8a0c0a7b6236565c519acd41ad1a52c0.jpg"),
      .string("/data/tattoos"), .string("tattoos"),
    ],
    [
      .int64(1313), .string("44662045-e891-4821-8a19-ebe7eedd371a"),
      .string("Liquid Lash Extensions Mascara"),
      .string(
        "Instantly create the look of lash extensions with this award-winning, best-selling mascara that won't clump, flake or smudge. Available in 3 shades!"
      ), .int32(43000), .string("Thrive Causemetics"), .null, .string("video"),
      .string(
        "https://i.pinimg.com/videos/thumbnails/originals/69/84/e2/6984e20f3e262098fa9c0614c3453254.0000001.jpg"
      ), .string("/data/beauty"), .string("beauty"),
    ],
    [
      .int64(10794), .string("c4bd2577-a7bb-4409-bb7a-17d5ed7e1cf1"), .string("TireBuyer"),
      .string("Nissan GT-R. Sick."), .int32(437), .string("Ray Uyemura"),
      .string(
        "Lowrider,Old Vintage Cars,Antique Cars,Austin Martin,Nissan Gtr Black,Jaguar,1959 Cadillac,Cadillac Ct6,Old School Cars"
      ), .string("image"),
      .string("https://i.pinimg.com/originals/0d/29/9f/0d299f3df020395aa7ce8387f40fbeed.jpg"),
      .string("/data/vehicles"), .string("vehicles"),
    ],
    [
      .int64(5069), .string("b75b6f87-deb3-444f-b29e-ce9161b2df49"),
      .string("The Vault: Curated & Refined Wedding Inspiration"),
      .string(
        "Sacramento California Wedding 2 Chic Events & Design Jodi Yorston Photography Wilson Vineyards Barn Miosa Couture Yellow Barn Vineyard Outdoor Candles DIY"
      ), .int32(6_000_000), .string("Style Me Pretty"),
      .string(
        "60th Anniversary Parties,Anniversary Decorations,Golden Anniversary,25th Wedding Anniversary,Anniversary Pictures,Anniversary Ideas,Birthday Decorations,Event Planning Design,Event Design"
      ), .string("image"),
      .string("https://i.pinimg.com/originals/7e/45/90/7e45905fefa36347e83333fd6d091140.jpg"),
      .string("/data/event-planning"), .string("event-planning"),
    ],
    [
      .int64(6398), .string("ea44d318-2ced-4cf8-a66f-a6a036b84faa"),
      .string(
        "My master bathroom makeover with @flooranddecor ! Follow me on Instagram @Mojisstyle for more"),
      .null, .int32(117000), .string("MojisStyle"),
      .string(
        "Decor Home Living Room,Home And Living,Diy Bedroom Decor,Home Decor,Bathroom Interior Design,Interior Design Living Room,Dream Home Design,House Design,Beautiful Bathrooms"
      ), .string("multi-video(story page format)"),
      .string(
        "https://i.pinimg.com/videos/thumbnails/originals/75/48/3b/75483b74822855519ec8b40df4c670ef.0000001.jpg"
      ), .string("/data/home-decor"), .string("home-decor"),
    ],
    [
      .int64(1014), .string("9ac94307-bb27-410e-b554-0a0ab6c19847"), .string("Hairstyles & Beauty"), .null,
      .int32(0), .string("Grecia Perales"),
      .string(
        "Hair Inspo,Hair Inspiration,Motivation Inspiration,Cl Rapper,Foto Glamour,Kreative Portraits,Classy Aesthetic,Pretty Hairstyles,Hair Looks"
      ), .string("image"),
      .string("https://i.pinimg.com/originals/af/c4/59/afc459bd6e1fd8f9aef212504afebf3a.jpg"),
      .string("/data/beauty"), .string("beauty"),
    ],
  ]
  static let cleanGeoRows: [[Value]] = [
    // 2020-08-28T03:52:47
    [
      .int64(7528), .string("Albania"), .list([.double(-89.9787), .double(-173.293)]),
      .timestamp(1_598_586_767_000_000),
    ],
    // 2020-04-27T13:34:16
    [
      .int64(2863), .string("Armenia"), .list([.double(-5.34445), .double(-177.924)]),
      .timestamp(1_587_994_456_000_000),
    ],
    // 2021-04-19T17:37:03
    [
      .int64(5730), .string("Colombia"), .list([.double(-77.015), .double(-101.437)]),
      .timestamp(1_618_853_823_000_000),
    ],
    // 2019-09-13T04:50:29
    [
      .int64(8304), .string("French Guiana"), .list([.double(-28.8852), .double(-164.87)]),
      .timestamp(1_568_350_229_000_000),
    ],
    // 2020-07-17T04:39:09
    [
      .int64(8731), .string("Aruba"), .list([.double(-83.104), .double(-171.302)]),
      .timestamp(1_594_960_749_000_000),
    ],
    // 2018-06-26T02:39:25
    [
      .int64(1313), .string("Maldives"), .list([.double(77.0447), .double(61.9119)]),
      .timestamp(1_529_980_765_000_000),
    ],
    // 2022-01-01T02:26:50
    [
      .int64(10794), .string("Cocos (Keeling) Islands"), .list([.double(-89.5236), .double(-154.567)]),
      .timestamp(1_641_004_010_000_000),
    ],
    // 2021-03-20T09:32:44
    [
      .int64(5069), .string("Azerbaijan"), .list([.double(-63.0063), .double(-157.474)]),
      .timestamp(1_616_232_764_000_000),
    ],
    // 2020-01-19T01:49:05
    [
      .int64(6398), .string("Albania"), .list([.double(-3.29267), .double(-179.726)]),
      .timestamp(1_579_398_545_000_000),
    ],
    // 2022-02-03T22:05:34
    [
      .int64(1014), .string("Tonga"), .list([.double(81.1477), .double(69.3538)]),
      .timestamp(1_643_925_934_000_000),
    ],
  ]
  static let cleanUserRows: [[Value]] = [
    // 2015-10-24T11:23:51
    [.int64(7528), .string("Abigail Ali"), .int64(20), .timestamp(1_445_685_831_000_000)],
    // 2016-10-23T14:06:51
    [.int64(2863), .string("Dylan Holmes"), .int64(32), .timestamp(1_477_231_611_000_000)],
    // 2015-12-08T20:02:43
    [.int64(5730), .string("Rachel Davis"), .int64(36), .timestamp(1_449_604_963_000_000)],
    // 2015-12-28T04:21:39
    [.int64(8304), .string("Charles Berry"), .int64(25), .timestamp(1_451_276_499_000_000)],
    // 2015-11-10T09:27:42
    [.int64(8731), .string("Andrea Alexander"), .int64(21), .timestamp(1_447_147_662_000_000)],
    // 2016-04-02T03:51:23
    [.int64(1313), .string("Brittany Jones"), .int64(32), .timestamp(1_459_569_083_000_000)],
    // 2016-12-22T00:02:02
    [.int64(10794), .string("Thomas Turner"), .int64(34), .timestamp(1_482_364_922_000_000)],
    // 2016-01-13T17:36:30
    [.int64(5069), .string("Amanda Ball"), .int64(25), .timestamp(1_452_706_590_000_000)],
    // 2016-06-29T20:43:59
    [.int64(6398), .string("Christina Davenport"), .int64(39), .timestamp(1_467_233_039_000_000)],
    // 2016-10-15T17:21:39
    [.int64(1014), .string("Gregory Ramsey"), .int64(56), .timestamp(1_476_552_099_000_000)],
  ]
}
