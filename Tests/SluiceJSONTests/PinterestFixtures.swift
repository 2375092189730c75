import SluiceCore

/// The raw schemas of the Pinterest pipeline (spec §1.1) and the sample records of spec §6,
/// verbatim (native numbers, DB column order, `YYYY-MM-DD HH:MM:SS` timestamps).
enum PinterestFixtures {
  static let pinSchema = Schema([
    Field("index", .int64), Field("unique_id", .string), Field("title", .string),
    Field("description", .string), Field("poster_name", .string), Field("follower_count", .string),
    Field("tag_list", .string), Field("is_image_or_video", .string), Field("image_src", .string),
    Field("downloaded", .int64), Field("save_location", .string), Field("category", .string),
  ])

  static let geoSchema = Schema([
    Field("ind", .int64), Field("timestamp", .timestamp), Field("latitude", .double),
    Field("longitude", .double), Field("country", .string),
  ])

  static let userSchema = Schema([
    Field("ind", .int64), Field("first_name", .string), Field("last_name", .string), Field("age", .int64),
    Field("date_joined", .timestamp),
  ])

  /// Spec §6.1.
  static let pinSamples = #"""
    {"index": 7528, "unique_id": "fbe53c66-3442-4773-b19e-d3ec6f54dddf", "title": "No Title Data Available", "description": "No description available Story format", "poster_name": "User Info Error", "follower_count": "User Info Error", "tag_list": "N,o, ,T,a,g,s, ,A,v,a,i,l,a,b,l,e", "is_image_or_video": "multi-video(story page format)", "image_src": "Image src error.", "downloaded": 0, "save_location": "Local save in /data/mens-fashion", "category": "mens-fashion"}
    {"index": 2863, "unique_id": "9bf39437-42a6-4f02-99a0-9a0383d8cd70", "title": "25 Super Fun Summer Crafts for Kids - Of Life and Lisa", "description": "Keep the kids busy this summer with these easy diy crafts and projects. Creative and…", "poster_name": "Of Life & Lisa | Lifestyle Blog", "follower_count": "124k", "tag_list": "Summer Crafts For Kids,Fun Crafts For Kids,Summer Kids,Toddler Crafts,Crafts To Do,Diy For Kids,Summer Snow,Diys For Summer,Craft Ideas For Girls", "is_image_or_video": "image", "image_src": "https://i.pinimg.com/originals/b3/bc/e2/b3bce2964e8c8975387b39660eed5f16.jpg", "downloaded": 1, "save_location": "Local save in /data/diy-and-crafts", "category": "diy-and-crafts"}
    {"index": 5730, "unique_id": "1e1f0c8b-9fcf-460b-9154-c775827206eb", "title": "Island Oasis Coupon Organizer", "description": "Description Coupon Organizer in a fun colorful fabric -island oasis, Great Size for the \"basic\" couponer - holds up to 500 coupons with ease, and is made long enough so that you…\u00a0", "poster_name": "Consuelo Aguirre", "follower_count": "0", "tag_list": "Grocery Items,Grocery Coupons,Care Organization,Coupon Organization,Extreme Couponing,Couponing 101,Life Binder,Save My Money,Love Coupons", "is_image_or_video": "image", "image_src": "https://i.pinimg.com/originals/65/bb/ea/65bbeaf458907bb079317d8303c4fa0e.jpg", "downloaded": 1, "save_location": "Local save in /data/finance", "category": "finance"}
    {"index": 8304, "unique_id": "5b6d0913-25e4-43ab-839d-85d5516f78a4", "title": "The #1 Reason You’re Not His Priority Anymore - Matthew Coast", "description": "#lovequotes #matchmaker #matchmadeinheaven #loveyourself #respectyourself", "poster_name": "Commitment Connection", "follower_count": "51k", "tag_list": "Wise Quotes,Quotable Quotes,Words Quotes,Wise Words,Quotes To Live By,Great Quotes,Motivational Quotes,Inspirational Quotes,Funny Quotes", "is_image_or_video": "image", "image_src": "https://i.pinimg.com/originals/c6/64/ee/c664ee71524fb5a6e7b7b49233f93b43.png", "downloaded": 1, "save_location": "Local save in /data/quotes", "category": "quotes"}
    {"index": 8731, "unique_id": "ea760f71-febf-4023-b592-d17396659039", "title": "20 Koi Fish Tattoos For Lucky Men", "description": "Koi fish tattoos are a popular choice for men who want to make a statement, thanks to their rich symbolism and bold design.", "poster_name": "TheTrendSpotter", "follower_count": "211k", "tag_list": "Dr Tattoo,Wörter Tattoos,Pisces Tattoos,Tatoo Art,Dream Tattoos,Dope Tattoos,Mini Tattoos,Finger Tattoos,Body Art Tattoos", "is_image_or_video": "image", "image_src": "https://i.pinimg.com/originals/8a/0c/0a/8a0c0a7b6236565c519acd41ad1a52c0.jpg", "downloaded": 1, "save_location": "Local save in /data/tattoos", "category": "tattoos"}
    {"index": 1313, "unique_id": "44662045-e891-4821-8a19-ebe7eedd371a", "title": "Liquid Lash Extensions Mascara", "description": "Instantly create the look of lash extensions with this award-winning, best-selling mascara that won't clump, flake or smudge. Available in 3 shades!", "poster_name": "Thrive Causemetics", "follower_count": "43k", "tag_list": "N,o, ,T,a,g,s, ,A,v,a,i,l,a,b,l,e", "is_image_or_video": "video", "image_src": "https://i.pinimg.com/videos/thumbnails/originals/69/84/e2/6984e20f3e262098fa9c0614c3453254.0000001.jpg", "downloaded": 1, "save_location": "Local save in /data/beauty", "category": "beauty"}
    {"index": 10794, "unique_id": "c4bd2577-a7bb-4409-bb7a-17d5ed7e1cf1", "title": "TireBuyer", "description": "Nissan GT-R. Sick.", "poster_name": "Ray Uyemura", "follower_count": "437", "tag_list": "Lowrider,Old Vintage Cars,Antique Cars,Austin Martin,Nissan Gtr Black,Jaguar,1959 Cadillac,Cadillac Ct6,Old School Cars", "is_image_or_video": "image", "image_src": "https://i.pinimg.com/originals/0d/29/9f/0d299f3df020395aa7ce8387f40fbeed.jpg", "downloaded": 1, "save_location": "Local save in /data/vehicles", "category": "vehicles"}
    {"index": 5069, "unique_id": "b75b6f87-deb3-444f-b29e-ce9161b2df49", "title": "The Vault: Curated & Refined Wedding Inspiration", "description": "Sacramento California Wedding 2 Chic Events & Design Jodi Yorston Photography Wilson Vineyards Barn Miosa Couture Yellow Barn Vineyard Outdoor Candles DIY", "poster_name": "Style Me Pretty", "follower_count": "6M", "tag_list": "60th Anniversary Parties,Anniversary Decorations,Golden Anniversary,25th Wedding Anniversary,Anniversary Pictures,Anniversary Ideas,Birthday Decorations,Event Planning Design,Event Design", "is_image_or_video": "image", "image_src": "https://i.pinimg.com/originals/7e/45/90/7e45905fefa36347e83333fd6d091140.jpg", "downloaded": 1, "save_location": "Local save in /data/event-planning", "category": "event-planning"}
    {"index": 6398, "unique_id": "ea44d318-2ced-4cf8-a66f-a6a036b84faa", "title": "My master bathroom makeover with @flooranddecor ! Follow me on Instagram @Mojisstyle for more", "description": "No description available Story format", "poster_name": "MojisStyle", "follower_count": "117k", "tag_list": "Decor Home Living Room,Home And Living,Diy Bedroom Decor,Home Decor,Bathroom Interior Design,Interior Design Living Room,Dream Home Design,House Design,Beautiful Bathrooms", "is_image_or_video": "multi-video(story page format)", "image_src": "https://i.pinimg.com/videos/thumbnails/originals/75/48/3b/75483b74822855519ec8b40df4c670ef.0000001.jpg", "downloaded": 1, "save_location": "Local save in /data/home-decor", "category": "home-decor"}
    {"index": 1014, "unique_id": "9ac94307-bb27-410e-b554-0a0ab6c19847", "title": "Hairstyles & Beauty", "description": "Untitled", "poster_name": "Grecia Perales", "follower_count": "0", "tag_list": "Hair Inspo,Hair Inspiration,Motivation Inspiration,Cl Rapper,Foto Glamour,Kreative Portraits,Classy Aesthetic,Pretty Hairstyles,Hair Looks", "is_image_or_video": "image", "image_src": "https://i.pinimg.com/originals/af/c4/59/afc459bd6e1fd8f9aef212504afebf3a.jpg", "downloaded": 1, "save_location": "Local save in /data/beauty", "category": "beauty"}
    """#

  /// Spec §6.2.
  static let geoSamples = #"""
    {"ind": 7528, "timestamp": "2020-08-28 03:52:47", "latitude": -89.9787, "longitude": -173.293, "country": "Albania"}
    {"ind": 2863, "timestamp": "2020-04-27 13:34:16", "latitude": -5.34445, "longitude": -177.924, "country": "Armenia"}
    {"ind": 5730, "timestamp": "2021-04-19 17:37:03", "latitude": -77.015, "longitude": -101.437, "country": "Colombia"}
    {"ind": 8304, "timestamp": "2019-09-13 04:50:29", "latitude": -28.8852, "longitude": -164.87, "country": "French Guiana"}
    {"ind": 8731, "timestamp": "2020-07-17 04:39:09", "latitude": -83.104, "longitude": -171.302, "country": "Aruba"}
    {"ind": 1313, "timestamp": "2018-06-26 02:39:25", "latitude": 77.0447, "longitude": 61.9119, "country": "Maldives"}
    {"ind": 10794, "timestamp": "2022-01-01 02:26:50", "latitude": -89.5236, "longitude": -154.567, "country": "Cocos (Keeling) Islands"}
    {"ind": 5069, "timestamp": "2021-03-20 09:32:44", "latitude": -63.0063, "longitude": -157.474, "country": "Azerbaijan"}
    {"ind": 6398, "timestamp": "2020-01-19 01:49:05", "latitude": -3.29267, "longitude": -179.726, "country": "Albania"}
    {"ind": 1014, "timestamp": "2022-02-03 22:05:34", "latitude": 81.1477, "longitude": 69.3538, "country": "Tonga"}
    """#

  /// Spec §6.3.
  static let userSamples = #"""
    {"ind": 7528, "first_name": "Abigail", "last_name": "Ali", "age": 20, "date_joined": "2015-10-24 11:23:51"}
    {"ind": 2863, "first_name": "Dylan", "last_name": "Holmes", "age": 32, "date_joined": "2016-10-23 14:06:51"}
    {"ind": 5730, "first_name": "Rachel", "last_name": "Davis", "age": 36, "date_joined": "2015-12-08 20:02:43"}
    {"ind": 8304, "first_name": "Charles", "last_name": "Berry", "age": 25, "date_joined": "2015-12-28 04:21:39"}
    {"ind": 8731, "first_name": "Andrea", "last_name": "Alexander", "age": 21, "date_joined": "2015-11-10 09:27:42"}
    {"ind": 1313, "first_name": "Brittany", "last_name": "Jones", "age": 32, "date_joined": "2016-04-02 03:51:23"}
    {"ind": 10794, "first_name": "Thomas", "last_name": "Turner", "age": 34, "date_joined": "2016-12-22 00:02:02"}
    {"ind": 5069, "first_name": "Amanda", "last_name": "Ball", "age": 25, "date_joined": "2016-01-13 17:36:30"}
    {"ind": 6398, "first_name": "Christina", "last_name": "Davenport", "age": 39, "date_joined": "2016-06-29 20:43:59"}
    {"ind": 1014, "first_name": "Gregory", "last_name": "Ramsey", "age": 56, "date_joined": "2016-10-15 17:21:39"}
    """#
}
