/// Word lists for titles, descriptions and poster names, including the text quirks of the real
/// data (spec §1.1, §1.4): non-English text (Greek, Russian, French, Spanish, German), emoji,
/// curly quotes, HTML entities (`&amp;`), pipes, full-width characters, hashtags and mentions,
/// and a few characters JSON must escape (`"`, `\`, newline).
struct TextVocabulary: Sendable {
  let adjectives = WordPool([
    "Easy", "Cute", "Simple", "Beautiful", "Modern", "Rustic", "Cozy", "Creative", "Amazing", "Stunning",
    "Elegant", "Minimalist", "Colorful", "Vintage", "Unique", "Gorgeous", "Chic", "Budget-Friendly",
    "Super Fun", "Timeless",
  ])
  let audiences = WordPool([
    "Kids", "Beginners", "Men", "Women", "Lucky Men", "Teens", "Small Spaces", "Busy Moms", "Your Home",
    "Every Season", "Couples", "Students",
  ])
  let sites = WordPool([
    "Of Life and Lisa", "Matthew Coast", "The Spruce", "Style Me Pretty", "A Beautiful Mess", "Homey Oh My",
    "Design Improvised", "Craftsy Hacks", "Pretty Providence", "Sugar & Cloth", "The TrendSpotter",
    "Bored Panda",
  ])
  /// Titles with the odd characters real titles carry.
  let quirkyTitles = WordPool([
    "The #1 Reason You’re Not His Priority Anymore - Matthew Coast",
    "My master bathroom makeover with @flooranddecor ! Follow me on Instagram @Mojisstyle for more",
    "Canvas Print 48ｘ18cm – Ready to Hang",
    "Café Crème Latte Art ☕",
    "✨ Glow Up Checklist ✨",
    "Γλυκά Χριστουγέννων: 10 εύκολες συνταγές",
    "Идеи для маникюра на каждый день",
    "Décoration de Noël fait maison",
    "Ideas fáciles para decorar tu habitación",
    "Schöne Wörter für Tattoos",
    "“Be Kind” Wall Art Print",
    "The Vault: Curated & Refined Wedding Inspiration",
    "12\" x 18\" Poster Frame Ideas",
    "¯\\_(ツ)_/¯ Monday Mood",
    "Ｓｔｕｄｙ　Ｗｉｔｈ　Ｍｅ",
    "DIY Gift Ideas 🎁🎄",
  ])
  /// Ordinary English description sentences.
  let sentences = WordPool([
    "Keep the kids busy this summer with these easy diy crafts and projects.",
    "Creative and fun ideas you can try this weekend.",
    "Nissan GT-R. Sick.",
    "Koi fish tattoos are a popular choice for men who want to make a statement, thanks to their rich symbolism and bold design.",
    "Instantly create the look of lash extensions with this award-winning, best-selling mascara that won't clump, flake or smudge.",
    "Available in 3 shades!",
    "Sacramento California Wedding 2 Chic Events & Design Jodi Yorston Photography Wilson Vineyards Barn.",
    "Description Coupon Organizer in a fun colorful fabric, Great Size for the \"basic\" couponer - holds up to 500 coupons with ease.",
    "Everything you need to know before you start.",
    "This is one of my favorite projects of the year and it only takes an afternoon.",
    "Save this pin for later so you can find it again.",
    "Click through for the full tutorial and a free printable.",
    "We tried it and the results were amazing.",
    "A simple guide that anyone can follow, even on a small budget.",
    "Perfect for small spaces and rented apartments.",
    "Follow these steps and you will never go back.",
    "Our readers loved this one so much that we made a second version.",
    "Get the look for less with these affordable finds.",
    "Pair it with neutral colors for a timeless feel.",
    "Find more inspiration on the blog.",
    "Step 1: prep the surface.\nStep 2: paint two thin coats.",
    "Tips &amp; tricks for beginners who want quick results.",
    "It’s the “little things” that make a house feel like home.",
    "Print size 8\" x 10\", shipped in a sturdy tube.",
    "Love this look 😍✨",
    "Save for later 📌",
    "🎄🎁 Holiday vibes all season long.",
    "Art.",
    "Updated for this year with new photos and links.",
    "Which one is your favorite? Let us know in the comments!",
  ])
  /// Non-English descriptions (spec §1.1: Greek and Russian occur).
  let foreignSentences = WordPool([
    "Υπέροχες ιδέες για διακόσμηση σπιτιού με φυσικά υλικά και λίγα χρήματα.",
    "Συνταγή για τα πιο νόστιμα χριστουγεννιάτικα μπισκότα με κανέλα και μέλι!",
    "Ταξίδι στη Σαντορίνη: τι να δείτε, πού να μείνετε και πού να φάτε.",
    "Красивые идеи для маникюра на каждый день и для особых случаев.",
    "Как сэкономить деньги на продуктах: десять простых советов для всей семьи.",
    "Вдохновение для татуировки в стиле минимализм — маленькие и стильные.",
    "Décoration de Noël faite maison, très facile à réaliser avec les enfants.",
    "Ideas fáciles para decorar tu habitación con poco dinero y mucho estilo.",
    "Schöne Wörter und Sprüche für dein nächstes Tattoo – klein und fein.",
    "Idee regalo fai da te per Natale: economiche, veloci e bellissime.",
  ])
  /// Words for `#hashtag` descriptions.
  let hashtags = WordPool([
    "lovequotes", "matchmaker", "matchmadeinheaven", "loveyourself", "respectyourself", "homedecor", "diy",
    "ootd", "mensfashion", "tattooideas", "travelgram", "wanderlust", "budgeting", "christmasdecor",
    "makeup", "skincare", "teacherlife", "weddinginspo", "artoftheday", "carsofinstagram",
  ])
  /// Brand-like poster names.
  let posterBrands = WordPool([
    "Of Life & Lisa | Lifestyle Blog", "Commitment Connection", "TheTrendSpotter", "Thrive Causemetics",
    "Style Me Pretty", "MojisStyle", "TireBuyer", "PUFIK Interiors &amp; Inspirations", "Crafty Morning",
    "Bored Panda", "Homedit", "Cosmopolitan", "The Pioneer Woman", "Tattoo Ideas ✨",
    "Wanderlust | Travel Blog", "Money Saving Mom®", "Ink & Soul", "DIY Joy", "Teachers Pay Teachers",
    "Motor1.com", "Café Créatif", "Москва Декор", "Ελληνική Κουζίνα", "Gentleman's Gazette",
    "Architectural Digest", "Sugar & Cloth", "A Beautiful Mess", "Classroom Freebies",
  ])
}
