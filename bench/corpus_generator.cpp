#include "bench/corpus_generator.h"

#include <cstdio>
#include <string_view>

#include "bench/json_out.h"
#include "bench/prng.h"

namespace irkg::bench {
namespace {

struct CountryInfo {
  const char* name;
  const char* demonym;
  const char* capital;
  const char* city;  // another city, for attacks and visits outside the capital
};

constexpr CountryInfo kCountries[] = {
    {"Azerbaijan", "Azerbaijani", "Baku", "Ganja"},       {"Italy", "Italian", "Rome", "Milan"},
    {"Turkey", "Turkish", "Ankara", "Istanbul"},          {"Georgia", "Georgian", "Tbilisi", "Batumi"},
    {"Kazakhstan", "Kazakh", "Astana", "Almaty"},         {"Uzbekistan", "Uzbek", "Tashkent", "Samarkand"},
    {"Germany", "German", "Berlin", "Munich"},            {"France", "French", "Paris", "Marseille"},
    {"Russia", "Russian", "Moscow", "Kazan"},             {"Ukraine", "Ukrainian", "Kyiv", "Kharkiv"},
    {"China", "Chinese", "Beijing", "Shanghai"},          {"Japan", "Japanese", "Tokyo", "Osaka"},
    {"India", "Indian", "New Delhi", "Mumbai"},           {"Pakistan", "Pakistani", "Islamabad", "Lahore"},
    {"Iran", "Iranian", "Tehran", "Tabriz"},              {"Egypt", "Egyptian", "Cairo", "Alexandria"},
    {"Saudi Arabia", "Saudi", "Riyadh", "Jeddah"},        {"Qatar", "Qatari", "Doha", "Al Wakrah"},
    {"United States", "American", "Washington", "New York"}, {"United Kingdom", "British", "London", "Manchester"},
    {"Spain", "Spanish", "Madrid", "Barcelona"},          {"Poland", "Polish", "Warsaw", "Krakow"},
    {"Hungary", "Hungarian", "Budapest", "Debrecen"},     {"Serbia", "Serbian", "Belgrade", "Novi Sad"},
    {"Greece", "Greek", "Athens", "Thessaloniki"},        {"Armenia", "Armenian", "Yerevan", "Gyumri"},
    {"Brazil", "Brazilian", "Brasilia", "Sao Paulo"},     {"Mexico", "Mexican", "Mexico City", "Monterrey"},
    {"Nigeria", "Nigerian", "Abuja", "Lagos"},            {"Kenya", "Kenyan", "Nairobi", "Mombasa"},
    {"South Africa", "South African", "Pretoria", "Cape Town"}, {"Indonesia", "Indonesian", "Jakarta", "Surabaya"},
    {"Vietnam", "Vietnamese", "Hanoi", "Da Nang"},        {"South Korea", "South Korean", "Seoul", "Busan"},
    {"Canada", "Canadian", "Ottawa", "Toronto"},          {"Australia", "Australian", "Canberra", "Sydney"},
    {"Norway", "Norwegian", "Oslo", "Bergen"},            {"Sweden", "Swedish", "Stockholm", "Gothenburg"},
    {"Romania", "Romanian", "Bucharest", "Cluj-Napoca"},  {"Moldova", "Moldovan", "Chisinau", "Balti"},
    {"Belarus", "Belarusian", "Minsk", "Gomel"},          {"Turkmenistan", "Turkmen", "Ashgabat", "Turkmenbashi"},
    {"Kyrgyzstan", "Kyrgyz", "Bishkek", "Osh"},           {"Tajikistan", "Tajik", "Dushanbe", "Khujand"},
    {"Mongolia", "Mongolian", "Ulaanbaatar", "Erdenet"},
};
constexpr uint64_t kCountryCount = sizeof(kCountries) / sizeof(kCountries[0]);

constexpr const char* kOrganizations[] = {
    "United Nations", "NATO", "European Union", "OSCE", "Organization of Turkic States",
    "Shanghai Cooperation Organisation", "African Union", "ASEAN", "Council of Europe", "World Health Organization",
    "International Monetary Fund", "World Bank", "Commonwealth of Independent States", "Non-Aligned Movement",
    "OPEC", "Organisation of Islamic Cooperation", "Arab League", "BRICS", "Black Sea Economic Cooperation",
    "Asian Development Bank"};

// Offices a country's cast holds; the first ones make the news most.
constexpr const char* kOffices[] = {"President", "Foreign Minister", "Prime Minister", "Deputy Foreign Minister",
                                    "Defence Minister", "Minister of Economy", "Energy Minister",
                                    "Speaker of Parliament", "Ambassador", "Deputy Prime Minister"};
constexpr uint64_t kOfficeCount = sizeof(kOffices) / sizeof(kOffices[0]);

constexpr const char* kMaleNames[] = {
    "Ramin", "Tofig", "Marco", "Luca", "Mehmet", "Emre", "Giorgi", "Nurlan", "Aziz", "Klaus", "Pierre", "Sergei",
    "Andriy", "Wei", "Hiroshi", "Rahul", "Imran", "Reza", "Ahmed", "Faisal", "John", "David", "Carlos", "Piotr",
    "Istvan", "Milos", "Nikos", "Armen", "Joao", "Diego", "Chinedu", "Peter", "Budi", "Minh", "Lars", "Erik",
    "Mihai", "Ion", "Timur", "Bakhtiyar", "Elchin", "Paolo", "Anvar", "Rustam", "Samir", "Tomas", "Viktor", "Omar"};
constexpr const char* kFemaleNames[] = {
    "Leyla", "Giulia", "Ayse", "Nino", "Aigerim", "Anna", "Claire", "Olga", "Oksana", "Mei", "Yuki", "Priya",
    "Fatima", "Sara", "Maria", "Elena", "Katarzyna", "Eszter", "Ana", "Sofia", "Amina", "Grace", "Siti", "Linh",
    "Ingrid", "Astrid", "Ioana", "Dilnoza", "Gulnara", "Francesca", "Helga", "Natalia"};
constexpr const char* kSurnames[] = {
    "Karimli", "Hasanzade", "Mammadli", "Rustamov", "Nasirova", "Bekova", "Faridov", "Orhanli", "Vasilenko",
    "Petrescu", "Nikolaidis", "Ivanic", "Stefanelli", "Marinescu", "Kovalenko", "Novakova", "Horvath", "Ferraro",
    "Colombo", "Galli", "Yildiz", "Aksoy", "Kaplan", "Beridze", "Tsiklauri", "Abenov", "Seitkali", "Yusupov",
    "Tursunov", "Brandt", "Keller", "Dubois", "Lambert", "Sokolov", "Morozov", "Bondarenko", "Tkachenko", "Zhang",
    "Liu", "Tanaka", "Sato", "Sharma", "Verma", "Qureshi", "Malik", "Rahimi", "Tehrani", "Mansour", "Haddad",
    "Al-Harbi", "Al-Thani", "Walker", "Bennett", "Garcia", "Moreno", "Wisniewski", "Nagy", "Jovanovic",
    "Papadopoulos", "Sargsyan", "Oliveira", "Ramirez", "Okafor", "Otieno", "Nkosi", "Santoso", "Nguyen", "Kim",
    "Tremblay", "Mitchell", "Hansen", "Lindqvist", "Popescu", "Ciobanu", "Kovalchuk", "Atayev", "Osmonov",
    "Rahmonov", "Batbayar", "Aliyeva", "Esposito", "Romano", "Demir", "Kurt", "Lomidze"};

constexpr const char* kFields[] = {"trade", "energy", "education", "culture", "tourism", "defence", "transport",
                                   "agriculture", "health", "digital technologies", "renewable energy",
                                   "customs", "humanitarian", "science", "investment"};
constexpr const char* kMonths[] = {"January", "February", "March", "April", "May", "June", "July",
                                   "August", "September", "October", "November", "December"};
constexpr const char* kAgencies[] = {"Caspian Wire", "Meridian News", "IR Press", "Global Desk", "Continental Agency"};
constexpr const char* kGoods[] = {"natural gas", "oil", "grain", "electricity", "humanitarian aid",
                                  "military equipment", "fertilizers", "medical supplies"};

// One article's cast: two countries (and a third for context), an official
// of each, a body, a field of cooperation, a date.
struct Cast {
  const CountryInfo* c[3];
  std::string person[3], surname[3], title[3];
  bool female[3] = {false, false, false};
  const char* org;
  const char* field;
  const char* agency;
  std::string agreement;
  const char* goods;
  int year, month, day;
};

// The same (country, office, term) always has the same holder, so people
// recur across articles as they do in the news; terms last four years.
void Official(uint64_t seed, uint64_t country, uint64_t office, int year, Cast* cast, int slot) {
  Prng p = Prng::For(seed ^ 0xC0FFEE, country * 1000 + office * 37 + static_cast<uint64_t>(year / 4));
  cast->female[slot] = p.Chance(0.3);
  std::string given = cast->female[slot] ? p.Pick(kFemaleNames) : p.Pick(kMaleNames);
  cast->surname[slot] = p.Pick(kSurnames);
  cast->person[slot] = given + " " + cast->surname[slot];
  cast->title[slot] = kOffices[office];
}

Cast MakeCast(uint64_t seed, Prng& rng) {
  Cast cast{};
  uint64_t a = rng.Below(kCountryCount), b = rng.Below(kCountryCount - 1), c = rng.Below(kCountryCount - 2);
  if (b >= a) ++b;
  while (c == a || c == b) c = (c + 1) % kCountryCount;
  uint64_t ids[3] = {a, b, c};
  cast.year = static_cast<int>(rng.Between(2015, 2024));
  cast.month = static_cast<int>(rng.Between(1, 12));
  cast.day = static_cast<int>(rng.Between(1, 28));
  for (int i = 0; i < 3; ++i) {
    cast.c[i] = &kCountries[ids[i]];
    // Offices skewed to the top of the list: presidents and ministers.
    uint64_t office = rng.Below(kOfficeCount) * rng.Below(kOfficeCount) / kOfficeCount;
    Official(seed, ids[i], office, cast.year, &cast, i);
  }
  cast.org = rng.Pick(kOrganizations);
  cast.field = rng.Pick(kFields);
  cast.agency = rng.Pick(kAgencies);
  cast.goods = rng.Pick(kGoods);
  std::string field = cast.field;
  field[0] = static_cast<char>(field[0] - 'a' + 'A');
  switch (rng.Below(4)) {
    case 0: cast.agreement = "Memorandum of Understanding on " + field + " Cooperation"; break;
    case 1: cast.agreement = field + " Cooperation Agreement"; break;
    case 2: cast.agreement = "Joint Declaration on Strategic Partnership"; break;
    default: cast.agreement = "Roadmap for " + field + " Cooperation for " + std::to_string(cast.year) + "-" +
                              std::to_string(cast.year + 2);
  }
  return cast;
}

// Templates. {P1} person, {S1} surname, {T1} title, {C1} country, {D1}
// demonym, {K1} capital, {Y1} other city, {H1} his/her; 2 and 3 likewise;
// {O} body, {F} field, {A} agreement, {G} goods, {DATE} "May 17",
// {YEAR}, {PREV} an earlier year.
constexpr const char* kHeadlines[] = {
    "{C1}, {C2} discuss bilateral cooperation", "{D1} {T1} visits {C2}", "{C1} and {C2} sign {F} agreement",
    "{C1} imposes sanctions on {C2}", "{D1} {T1} meets {D2} counterpart in {K1}",
    "{C1} condemns attack near {Y2}", "{C2} opens embassy in {K1}", "{C1}, {C2} mark anniversary of diplomatic ties",
    "{T1} {P1} addresses {O} summit", "{C1} supplies {G} to {C2}"};

constexpr const char* kOpenings[] = {
    "{D1} {T1} {P1} met with {D2} {T2} {P2} in {K1} on {DATE}.",
    "{T1} of {C1} {P1} held talks with {H1} {D2} counterpart {P2} on {DATE}.",
    "{D1} {T1} {P1} paid an official visit to {C2} on {DATE}, the ministry said.",
    "{P1}, the {T1} of {C1}, arrived in {K2} on {DATE} for a two-day working visit.",
    "{C1} and {C2} signed the {A} in {K1} on {DATE}.",
    "{C1} imposed new sanctions on {C2} on {DATE}, citing violations of international law.",
    "{D1} forces shelled positions near {Y2} on {DATE}, the {D2} Defence Ministry said.",
    "{D2} {T2} {P2} had a phone call with {D1} {T1} {P1} on {DATE}.",
    "The {D1} Embassy in {K2} held a reception on {DATE} to mark the national day."};

constexpr const char* kBody[] = {
    "The sides discussed the current state and prospects of cooperation in {F}, trade and investment.",
    "{S1} noted that relations between {C1} and {C2} are developing successfully in many areas.",
    "The two ministers also exchanged views on regional and international issues of mutual interest.",
    "{S2} said that {C2} attaches great importance to its partnership with {C1}.",
    "\"We are ready to deepen our cooperation in {F} and to expand trade,\" {S1} said.",
    "\"{C2} supports the territorial integrity and sovereignty of {C1},\" {P2} told reporters.",
    "During the meeting, {P1} praised the efforts of {C2} to strengthen stability in the region.",
    "The parties stressed the importance of the {O} in addressing common challenges.",
    "{C1} and {C2} established diplomatic relations on {MONTH} {DAY}, {PREV}.",
    "{C1} opened its embassy in {K2} in {PREV}, and {C2} opened an embassy in {K1} a year later.",
    "{C1} is a member of the {O}, and {C2} joined the organization in {PREV}.",
    "{C1} supplies {G} to {C2} under a long-term contract signed in {PREV}.",
    "The {D1} Foreign Ministry condemned the attack and called on {C3} to exercise restraint.",
    "{P3}, the {T3} of {C3}, criticized the decision and accused {C1} of escalating tensions.",
    "{C2} expelled two {D1} diplomats in response, the ministry said in a statement.",
    "{D3} officials threatened to impose an embargo if the talks fail.",
    "{S2} thanked {H2} {D1} colleague for the warm welcome and invited {S1} to visit {K2}.",
    "The {O} welcomed the agreement and called it an important step toward lasting peace.",
    "According to the {D1} side, trade turnover between the two countries grew by {PCT} percent last year.",
    "{P1} and {P2} also signed a {A} aimed at strengthening ties in {F}.",
    "The {D2} Ambassador to {C1}, {P3}, also attended the meeting.",
    "Later that day, {P1} visited {Y2}, where {S1} met representatives of the business community.",
    "In {PREV}, {C3} and {C1} signed a similar agreement on cooperation in {F}.",
    "The next round of consultations will be held in {K2} in {NEXTMONTH}, the statement said.",
    "Experts say the new agreement could open the door to further investment from {C3}.",
    "{D1} drones struck a fuel depot near {Y2} overnight, local officials said.",
    "{S3} said {C3} would continue to support the efforts of the {O} in the region.",
};

constexpr const char* kClosings[] = {
    "The meeting was held in a friendly and constructive atmosphere.",
    "The visit is expected to give new impetus to bilateral relations.",
    "The sides agreed to continue the dialogue at the next meeting of the intergovernmental commission.",
    "No further details were released."};

void Expand(std::string_view tmpl, const Cast& cast, Prng& rng, std::string* out) {
  for (size_t i = 0; i < tmpl.size(); ++i) {
    if (tmpl[i] != '{') {
      out->push_back(tmpl[i]);
      continue;
    }
    size_t close = tmpl.find('}', i);
    std::string_view key = tmpl.substr(i + 1, close - i - 1);
    i = close;
    int slot = key.size() == 2 && key[1] >= '1' && key[1] <= '3' ? key[1] - '1' : 0;
    switch (key[0]) {
      case 'P': *out += key == "PREV" ? std::to_string(rng.Between(1992, cast.year - 1))
                        : key == "PCT" ? std::to_string(rng.Between(3, 45))
                                       : cast.person[slot];
        break;
      case 'S': *out += cast.surname[slot]; break;
      case 'T': *out += cast.title[slot]; break;
      case 'C': *out += cast.c[slot]->name; break;
      case 'K': *out += cast.c[slot]->capital; break;
      case 'Y': *out += cast.c[slot]->city; break;
      case 'H': *out += cast.female[slot] ? "her" : "his"; break;
      case 'O': *out += cast.org; break;
      case 'F': *out += cast.field; break;
      case 'A': *out += cast.agreement; break;
      case 'G': *out += cast.goods; break;
      case 'M': *out += kMonths[rng.Below(12)]; break;
      case 'N': *out += kMonths[(cast.month) % 12]; break;
      case 'D':
        if (key == "DATE") {
          *out += std::string(kMonths[cast.month - 1]) + " " + std::to_string(cast.day);
        } else if (key == "DAY") {
          *out += std::to_string(rng.Between(1, 28));
        } else {
          *out += cast.c[slot]->demonym;
        }
        break;
      default: out->append(tmpl.substr(i - key.size() - 1, key.size() + 2));
    }
  }
}

size_t CountWords(std::string_view s) {
  size_t words = 0;
  bool in_word = false;
  for (char c : s) {
    bool space = c == ' ' || c == '\n';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

}  // namespace

SyntheticArticle MakeArticle(uint64_t seed, uint64_t index) {
  Prng rng = Prng::For(seed, index);
  Cast cast = MakeCast(seed, rng);
  SyntheticArticle a;
  char buf[64];
  std::snprintf(buf, sizeof buf, "synth-%llu-%08llu", static_cast<unsigned long long>(seed),
                static_cast<unsigned long long>(index));
  a.id = buf;
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", cast.year, cast.month, cast.day);
  a.date = buf;
  Expand(rng.Pick(kHeadlines), cast, rng, &a.title);

  // Headline, dateline, then paragraphs of two to four sentences until the
  // article reaches its length.
  const size_t target_words = rng.Between(300, 800);
  a.text = a.title + "\n\n" + cast.c[0]->capital + ", " + kMonths[cast.month - 1] + " " +
           std::to_string(cast.day) + " (" + cast.agency + ")\n\n";
  Expand(rng.Pick(kOpenings), cast, rng, &a.text);
  size_t words = CountWords(a.text);
  while (words < target_words) {
    a.text += "\n\n";
    size_t before = a.text.size();
    uint64_t sentences = rng.Between(2, 4);
    for (uint64_t s = 0; s < sentences; ++s) {
      if (s) a.text += ' ';
      Expand(rng.Pick(kBody), cast, rng, &a.text);
    }
    words += CountWords(std::string_view(a.text).substr(before));
  }
  a.text += "\n\n";
  Expand(rng.Pick(kClosings), cast, rng, &a.text);
  return a;
}

void AppendArticleJson(const SyntheticArticle& article, std::string* out) {
  *out += "{\"id\": " + JsonOut::Quote(article.id) + ", \"title\": " + JsonOut::Quote(article.title) +
          ", \"date\": " + JsonOut::Quote(article.date) + ", \"text\": " + JsonOut::Quote(article.text) + "}\n";
}

}  // namespace irkg::bench
