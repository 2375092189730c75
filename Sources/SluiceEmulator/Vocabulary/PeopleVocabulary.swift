/// Names of people and Faker-style country names (spec §5: `Antarctica (the territory South of
/// 60 deg S)`, `Cote d'Ivoire`, ...), in alphabetical order so low row numbers can lean towards
/// early countries as in the real data.
struct PeopleVocabulary: Sendable {
  let firstNames = WordPool([
    "Abigail", "Dylan", "Rachel", "Charles", "Andrea", "Brittany", "Thomas", "Amanda", "Christina",
    "Gregory", "Michael", "Jennifer", "David", "Jessica", "James", "Ashley", "Robert", "Sarah", "John",
    "Emily", "William", "Elizabeth", "Joseph", "Megan", "Daniel", "Lauren", "Matthew", "Stephanie",
    "Christopher", "Nicole", "Andrew", "Heather", "Joshua", "Melissa", "Kevin", "Amber", "Brian", "Danielle",
    "Anthony", "Tiffany", "Justin", "Kimberly", "Ryan", "Samantha", "Brandon", "Rebecca", "Jason", "Laura",
    "Eric", "Kelly", "Steven", "Crystal", "Timothy", "Erin", "Jeffrey", "Alexis", "Aaron", "Victoria",
    "Kyle", "Katherine", "Adam", "Natalie", "Zachary", "Courtney", "Jacob", "Hannah", "Nathan", "Olivia",
  ])
  let lastNames = WordPool([
    "Ali", "Holmes", "Davis", "Berry", "Alexander", "Jones", "Turner", "Ball", "Davenport", "Ramsey",
    "Smith", "Johnson", "Williams", "Brown", "Miller", "Wilson", "Moore", "Taylor", "Anderson", "Thomas",
    "Jackson", "White", "Harris", "Martin", "Thompson", "Garcia", "Martinez", "Robinson", "Clark",
    "Rodriguez", "Lewis", "Lee", "Walker", "Hall", "Allen", "Young", "Hernandez", "King", "Wright", "Lopez",
    "Hill", "Scott", "Green", "Adams", "Baker", "Gonzalez", "Nelson", "Carter", "Mitchell", "Perez",
    "Roberts", "Phillips", "Campbell", "Parker", "Evans", "Edwards", "Collins", "Stewart", "Sanchez",
    "Morris", "Rogers", "Reed", "Cook", "Morgan", "Bell", "Murphy", "Bailey", "Rivera", "Cooper", "Uyemura",
  ])
  let countries = WordPool([
    "Afghanistan", "Albania", "Algeria", "American Samoa", "Andorra", "Angola", "Anguilla",
    "Antarctica (the territory South of 60 deg S)", "Antigua and Barbuda", "Argentina", "Armenia", "Aruba",
    "Australia", "Austria", "Azerbaijan", "Bahamas", "Bahrain", "Bangladesh", "Barbados", "Belarus",
    "Belgium", "Belize", "Benin", "Bermuda", "Bhutan", "Bolivia", "Bosnia and Herzegovina", "Botswana",
    "Bouvet Island (Bouvetoya)", "Brazil", "British Indian Ocean Territory (Chagos Archipelago)",
    "British Virgin Islands", "Brunei Darussalam", "Bulgaria", "Cambodia", "Cameroon", "Canada",
    "Cayman Islands", "Chile", "China", "Christmas Island", "Cocos (Keeling) Islands", "Colombia",
    "Cote d'Ivoire", "Croatia", "Cuba", "Cyprus", "Czech Republic", "Denmark", "Dominica", "Ecuador",
    "Egypt", "Estonia", "Ethiopia", "Fiji", "Finland", "France", "French Guiana", "Georgia", "Germany",
    "Ghana", "Greece", "Guinea-Bissau", "Heard Island and McDonald Islands", "Holy See (Vatican City State)",
    "Iceland", "India", "Ireland", "Italy", "Japan", "Kenya", "Korea", "Libyan Arab Jamahiriya", "Maldives",
    "Mexico", "Morocco", "Netherlands Antilles", "New Zealand", "Norway", "Peru", "Portugal", "Reunion",
    "Saint Barthelemy", "Saint Vincent and the Grenadines", "Sao Tome and Principe", "Spain",
    "Svalbard & Jan Mayen Islands", "Tonga", "Turkey", "United States Minor Outlying Islands",
    "United States of America", "Vietnam", "Zimbabwe",
  ])
}
