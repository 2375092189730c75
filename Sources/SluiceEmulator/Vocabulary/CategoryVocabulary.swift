/// The 13 Pinterest categories (spec §5) with the subjects and tags their posts use.
struct CategoryVocabulary: Sendable {
  /// The category slug, e.g. `diy-and-crafts`.
  let slug: String
  /// `Local save in /data/<slug>` as UTF-8.
  let saveLocation: [UInt8]
  /// Title subjects (noun phrases).
  let subjects: WordPool
  /// Tags for `tag_list` (at most 64, so a bit mask can track which were used).
  let tags: WordPool

  init(slug: String, subjects: [String], tags: [String]) {
    precondition(tags.count >= 9 && tags.count <= 64)
    self.slug = slug
    saveLocation = Array("Local save in /data/\(slug)".utf8)
    self.subjects = WordPool(subjects)
    self.tags = WordPool(tags)
  }

  static let all: [CategoryVocabulary] = [
    CategoryVocabulary(
      slug: "art",
      subjects: [
        "Watercolor Painting", "Abstract Art", "Acrylic Pour", "Oil Painting Landscape", "Charcoal Portrait",
        "Canvas Wall Art", "Ink Sketches", "Pastel Drawing", "Street Art Mural", "Botanical Illustration",
        "Pop Art Print", "Modern Art Sculpture",
      ],
      tags: [
        "Art Painting", "Painting Inspiration", "Abstract Painting", "Watercolor Art", "Canvas Art",
        "Acrylic Painting", "Drawing Ideas", "Art Sketches", "Portrait Art", "Modern Art", "Art Tutorials",
        "Art Drawings", "Wall Art", "Diy Canvas", "Art Inspo", "Pencil Art",
      ]),
    CategoryVocabulary(
      slug: "beauty",
      subjects: [
        "Liquid Lash Extensions Mascara", "Everyday Makeup Look", "Skincare Routine", "Glowing Skin Serum",
        "Smokey Eye Tutorial", "Nail Art Designs", "Hairstyles & Beauty", "Bridal Makeup",
        "Eyebrow Shaping Guide", "Natural Hair Care", "Lip Color Trends", "Face Mask Recipes",
      ],
      tags: [
        "Hair Inspo", "Hair Inspiration", "Makeup Tips", "Skin Care Routine", "Beauty Hacks", "Eye Makeup",
        "Pretty Hairstyles", "Nail Designs", "Natural Makeup", "Glowing Skin", "Hair Looks", "Lip Colors",
        "Classy Aesthetic", "Foto Glamour", "Beauty Products", "Motivation Inspiration",
      ]),
    CategoryVocabulary(
      slug: "christmas",
      subjects: [
        "Christmas Tree Decorations", "Holiday Table Setting", "Christmas Cookies", "Gingerbread House",
        "Advent Calendar", "Christmas Wreath", "Festive Garland", "Stocking Stuffers",
        "Christmas Porch Ideas",
        "Ugly Sweater Party", "Santa Crafts", "Winter Wonderland Decor",
      ],
      tags: [
        "Christmas Decorations", "Christmas Diy", "Christmas Crafts", "Holiday Decor", "Christmas Tree",
        "Xmas Crafts", "Christmas Ornaments", "Rustic Christmas", "Christmas Wreaths",
        "Christmas Inspiration",
        "Noel Christmas", "Christmas Home", "Christmas Baking", "Merry Christmas", "Holiday Crafts",
        "Christmas Gifts",
      ]),
    CategoryVocabulary(
      slug: "diy-and-crafts",
      subjects: [
        "Summer Crafts for Kids", "Paper Flowers", "Macrame Wall Hanging", "Mason Jar Crafts",
        "Upcycled Furniture", "Felt Animals", "Origami Tutorial", "Yarn Pom Poms", "Decoupage Boxes",
        "Painted Rocks", "Clay Earrings", "Cardboard Castle",
      ],
      tags: [
        "Summer Crafts For Kids", "Fun Crafts For Kids", "Summer Kids", "Toddler Crafts", "Crafts To Do",
        "Diy For Kids", "Summer Snow", "Diys For Summer", "Craft Ideas For Girls", "Paper Crafts",
        "Easy Crafts", "Kids Crafts", "Craft Projects", "Diy Gifts", "Recycled Crafts", "Crafts For Teens",
      ]),
    CategoryVocabulary(
      slug: "education",
      subjects: [
        "Classroom Management Tips", "Phonics Worksheets", "Science Experiments", "Math Games for Kids",
        "Reading Comprehension", "Study Tips", "Homeschool Schedule", "Bulletin Board Ideas",
        "Spelling Activities", "Montessori Activities", "History Timeline", "Learning Centers",
      ],
      tags: [
        "Teaching Ideas", "Classroom Ideas", "Kindergarten Activities", "Teacher Resources",
        "Learning Activities", "Homeschool", "Preschool Activities", "Study Motivation", "School Hacks",
        "Math Activities", "Reading Activities", "Educational Activities", "Classroom Organization",
        "Elementary Schools", "Science Activities", "Study Tips",
      ]),
    CategoryVocabulary(
      slug: "event-planning",
      subjects: [
        "Wedding Inspiration", "Baby Shower Ideas", "Birthday Party Decor", "Anniversary Party",
        "Bridal Shower Favors", "Graduation Party", "Rustic Wedding Centerpieces", "Backyard Party",
        "Gender Reveal", "Engagement Party", "Wedding Reception Lighting", "Dessert Table",
      ],
      tags: [
        "60th Anniversary Parties", "Anniversary Decorations", "Golden Anniversary",
        "25th Wedding Anniversary", "Anniversary Pictures", "Anniversary Ideas", "Birthday Decorations",
        "Event Planning Design", "Event Design", "Party Planning", "Wedding Planning", "Wedding Decorations",
        "Party Themes", "Party Ideas", "Baby Shower Decorations", "Wedding Ideas",
      ]),
    CategoryVocabulary(
      slug: "finance",
      subjects: [
        "Coupon Organizer", "Budget Planner", "Saving Money Challenge", "Debt Payoff Plan",
        "Side Hustle Ideas",
        "Investing for Beginners", "Money Saving Tips", "Frugal Living", "Retirement Planning",
        "Passive Income", "Monthly Budget", "Emergency Fund",
      ],
      tags: [
        "Grocery Items", "Grocery Coupons", "Care Organization", "Coupon Organization", "Extreme Couponing",
        "Couponing 101", "Life Binder", "Save My Money", "Love Coupons", "Budgeting Finances",
        "Money Saving Tips", "Financial Tips", "Money Management", "Saving Ideas", "Debt Payoff",
        "Finance Tips",
      ]),
    CategoryVocabulary(
      slug: "home-decor",
      subjects: [
        "Master Bathroom Makeover", "Living Room Ideas", "Cozy Bedroom", "Farmhouse Kitchen", "Boho Decor",
        "Small Space Living", "Gallery Wall", "Entryway Ideas", "Scandinavian Interior", "Reading Nook",
        "Indoor Plants Decor", "Open Shelving",
      ],
      tags: [
        "Decor Home Living Room", "Home And Living", "Diy Bedroom Decor", "Home Decor",
        "Bathroom Interior Design", "Interior Design Living Room", "Dream Home Design", "House Design",
        "Beautiful Bathrooms", "Living Room Decor", "Bedroom Decor", "Kitchen Decor", "Farmhouse Decor",
        "Boho Style", "Home Interior", "Cozy Living Rooms",
      ]),
    CategoryVocabulary(
      slug: "mens-fashion",
      subjects: [
        "Mens Casual Outfits", "Street Style Men", "Suit Inspiration", "Leather Jacket Look",
        "Summer Outfits Men", "Minimalist Wardrobe", "Sneaker Collection", "Smart Casual", "Beard Styles",
        "Watches for Men", "Denim on Denim", "Layering Guide",
      ],
      tags: [
        "Mens Fashion Casual", "Mens Outfits", "Stylish Men", "Men Casual", "Mens Style",
        "Street Style Outfits Men", "Men Fashion", "Mens Fashion Suits", "Mens Clothing Styles",
        "Gentleman Style", "Mens Fashion Summer", "Men Street", "Casual Wear", "Dapper Men",
        "Mens Fashion Inspiration", "Fashion Guide",
      ]),
    CategoryVocabulary(
      slug: "quotes",
      subjects: [
        "Inspirational Quotes", "Motivational Quotes", "Love Quotes", "Life Lessons", "Positive Affirmations",
        "Quotes About Strength", "Friendship Quotes", "Wise Words", "Morning Motivation", "Self Love Quotes",
        "Funny Quotes", "Mindset Quotes",
      ],
      tags: [
        "Wise Quotes", "Quotable Quotes", "Words Quotes", "Wise Words", "Quotes To Live By", "Great Quotes",
        "Motivational Quotes", "Inspirational Quotes", "Funny Quotes", "Life Quotes", "Positive Quotes",
        "Love Quotes", "Quotes Deep", "Me Quotes", "True Quotes", "Happy Quotes",
      ]),
    CategoryVocabulary(
      slug: "tattoos",
      subjects: [
        "Koi Fish Tattoos", "Minimalist Tattoos", "Sleeve Tattoo Ideas", "Fine Line Tattoos",
        "Small Wrist Tattoos", "Floral Tattoos", "Geometric Tattoos", "Tattoos for Men", "Back Tattoos",
        "Script Tattoos", "Moon Tattoos", "Japanese Tattoo Art",
      ],
      tags: [
        "Dr Tattoo", "Wörter Tattoos", "Pisces Tattoos", "Tatoo Art", "Dream Tattoos", "Dope Tattoos",
        "Mini Tattoos", "Finger Tattoos", "Body Art Tattoos", "Small Tattoos", "Tattoo Designs",
        "Sleeve Tattoos", "Cute Tattoos", "Tattoos For Women", "Tattoo Ideas", "Tattoo Quotes",
      ]),
    CategoryVocabulary(
      slug: "travel",
      subjects: [
        "Places to Visit in Italy", "Santorini Travel Guide", "Backpacking Europe",
        "Bucket List Destinations",
        "Road Trip Essentials", "Hidden Beaches", "Packing List", "Weekend in Paris", "Japan Itinerary",
        "Travel Photography", "Island Hopping", "National Parks",
      ],
      tags: [
        "Travel Destinations", "Vacation Spots", "Places To Travel", "Travel Tips", "Travel Aesthetic",
        "Beautiful Places", "Places To Visit", "Travel Inspiration", "Travel Photography", "Adventure Travel",
        "Europe Travel", "Dream Vacations", "Travel Guide", "Wanderlust", "Road Trip", "Beach Vacation",
      ]),
    CategoryVocabulary(
      slug: "vehicles",
      subjects: [
        "TireBuyer", "Classic Muscle Cars", "Vintage Cadillac", "Off Road Jeep", "Custom Motorcycles",
        "Electric Cars", "Lowrider Culture", "Sports Car Collection", "Camper Van Conversion",
        "Restored Pickup Truck", "Race Car Photography", "Supercar Wallpaper",
      ],
      tags: [
        "Lowrider", "Old Vintage Cars", "Antique Cars", "Austin Martin", "Nissan Gtr Black", "Jaguar",
        "1959 Cadillac", "Cadillac Ct6", "Old School Cars", "Classic Cars", "Muscle Cars", "Dream Cars",
        "Sports Cars", "Jeep Wrangler", "Motorcycle", "Car Wallpapers",
      ]),
  ]
}
