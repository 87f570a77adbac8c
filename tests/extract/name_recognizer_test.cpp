// The entity recognizer's passes, each run alone on a Document prepared up
// to sentences (extract/name_recognizer.h lists what each reads and adds).
#include <catch2/catch.hpp>

#include <optional>

#include "extract/dictionary.h"
#include "extract/name_recognizer.h"
#include "tests/extract/loaded_data.h"

using namespace irkg;
using namespace irkg::internal;

namespace {

const Dictionary& Dict() {
  static const Dictionary dict = [] {
    auto d = Dictionary::LoadDefault({});
    REQUIRE(d.ok());
    return std::move(*d);
  }();
  return dict;
}

// A document tokenized and split, with no names yet.
struct Prepared {
  std::string text;
  Document doc;
  explicit Prepared(std::string t) : text(std::move(t)) {
    doc.Reset(text, &Dict());
    PrepareTokens(&doc);
    SplitSentences(&doc);
    doc.mention_at.assign(doc.tokens.size(), -1);
    doc.title_at.assign(doc.tokens.size(), -1);
  }
  // The live mention (not swallowed) whose words are `words`, or null.
  const Mention* Find(std::string_view words) const {
    for (const auto& m : doc.mentions)
      if (m.last > m.first && doc.Span(m.first, m.last) == words) return &m;
    return nullptr;
  }
  // The live mentions of a type and name (and, when given, form).
  int Count(EntityType type, std::string_view name, std::optional<MentionForm> form = std::nullopt) const {
    int count = 0;
    for (const auto& m : doc.mentions)
      if (m.last > m.first && m.type == type && m.name == name && (!form || m.form == *form)) ++count;
    return count;
  }
  std::vector<std::string> Titles() const {
    std::vector<std::string> out;
    for (const auto& t : doc.titles)
      if (t.last > t.first) out.push_back(t.text);
    return out;
  }
};

}  // namespace

// Each of `names` is a live mention of `type`.
void CheckAllFound(const Prepared& p, std::initializer_list<const char*> names, EntityType type) {
  for (const char* name : names) {
    INFO(name);
    REQUIRE(p.Find(name));
    CHECK(p.Find(name)->type == type);
  }
}

TEST_CASE("dictionary pass: states, demonyms, capitals as places, offices with their modifiers") {
  Prepared p("Chilean Deputy Foreign Minister Ana Ruiz flew to Oslo on Monday.");
  Recognizer r(p.doc);
  r.DictionaryPass();
  REQUIRE(p.Find("Chilean"));
  CHECK(p.Find("Chilean")->type == EntityType::kCountry);
  CHECK(p.Find("Chilean")->form == MentionForm::kAdjective);
  REQUIRE(p.Find("Oslo"));
  CHECK(p.Find("Oslo")->type == EntityType::kLocation);
  CHECK(p.Titles() == std::vector<std::string>{"Deputy Foreign Minister"});
  CHECK_FALSE(p.Find("Ana Ruiz"));  // people are the person pass's
}

TEST_CASE("dictionary pass: an office right after an office is a given name; plural offices") {
  Prepared p("Defence Minister Amir Sadeghi met the foreign ministers of Chile and Peru.");
  Recognizer r(p.doc);
  r.DictionaryPass();
  REQUIRE(p.Titles().size() == 2);
  CHECK(p.Titles()[0] == "Defence Minister");
  CHECK(p.Titles()[1] == "Foreign Minister");  // the plural's office, in the singular
  CHECK(p.doc.titles[1].plural);
}

TEST_CASE("state form pass: a state's long form is one mention") {
  Prepared p("The envoy of the Republic of Latvia arrived.");
  Recognizer r(p.doc);
  r.DictionaryPass();
  r.StateFormPass();
  REQUIRE(p.Find("Republic of Latvia"));
  CHECK(p.Find("Republic of Latvia")->name == "Latvia");
}

TEST_CASE("head noun pass: a body named around its head noun swallows the state in it") {
  Prepared p("A grant from the Rainis Memorial Foundation and the Cultural Centre of Latvia was announced.");
  Recognizer r(p.doc);
  r.DictionaryPass();
  r.HeadNounPass();
  REQUIRE(p.Find("Rainis Memorial Foundation"));
  CHECK(p.Find("Rainis Memorial Foundation")->type == EntityType::kOrganization);
  CHECK(p.Find("Rainis Memorial Foundation")->subtype == "foundation");
  REQUIRE(p.Find("Cultural Centre of Latvia"));
  CHECK_FALSE(p.Find("Latvia"));
}

TEST_CASE("person pass: a title or a given name vouches for a name; surname pass: its lone words") {
  Prepared p("President Tomas Varga and Anne-Marie Young spoke. On Friday, Varga left.");
  Recognizer r(p.doc);
  r.DictionaryPass();
  r.PersonPass();
  REQUIRE(p.Find("Tomas Varga"));
  CHECK(p.Find("Tomas Varga")->type == EntityType::kPerson);
  CHECK(p.Find("Tomas Varga")->strong);
  REQUIRE(p.Find("Anne-Marie Young"));
  CHECK(p.Find("Anne-Marie Young")->strong);
  CHECK_FALSE(p.Find("Varga"));
  r.SurnamePass();
  REQUIRE(p.Find("Varga"));
  CHECK(p.Find("Varga")->form == MentionForm::kShortName);
}

TEST_CASE("person pass: a given name after words nothing recognizes opens a person's name") {
  // offices the title list lacks or misspells stand before the name
  Prepared p("Kenyan Chief Whip Daniel Mwangi met Trade Comissioner Ana Soto at the Royal Anne Tallis Hospital.");
  Recognizer r(p.doc);
  r.DictionaryPass();
  r.PersonPass();
  REQUIRE(p.Find("Daniel Mwangi"));
  CHECK(p.Find("Daniel Mwangi")->type == EntityType::kPerson);
  CHECK(p.Find("Daniel Mwangi")->strong);
  REQUIRE(p.Find("Ana Soto"));
  CHECK(p.Find("Ana Soto")->type == EntityType::kPerson);
  // a body named after a person is not cut into one
  CHECK_FALSE(p.Find("Anne Tallis Hospital"));
  CHECK_FALSE(p.Find("Anne Tallis"));
}

TEST_CASE("surname pass: a surname after a sentence's capitalized common first word") {
  Prepared p("President Tomas Varga spoke. Accompanying Varga was his aide.");
  p.doc.lexicon = &testing::LoadedLexicon();  // the lexicon knows "accompanying" in lower case
  Recognizer r(p.doc);
  r.DictionaryPass();
  r.PersonPass();
  r.SurnamePass();
  CHECK(p.Count(EntityType::kPerson, "Varga", MentionForm::kShortName) == 1);
}

TEST_CASE("person pass: a common noun after a title and a comma continues the office's domain") {
  Prepared p("She met the Minister of Energy, Mining and Trade. The new Minister, Varga, spoke.");
  p.doc.lexicon = &testing::LoadedLexicon();  // the lexicon says which words are common nouns
  Recognizer r(p.doc);
  r.DictionaryPass();
  r.PersonPass();
  CHECK_FALSE(p.Find("Mining"));
  REQUIRE(p.Find("Varga"));
  CHECK(p.Find("Varga")->type == EntityType::kPerson);
}

TEST_CASE("person pass: a run of English words no title or given name vouches for is no person") {
  Prepared p("The plan builds a Shared Future for the region, said Tomas Varga, and Ana Kovac agreed.");
  p.doc.lexicon = &testing::LoadedLexicon();  // the lexicon knows "shared" and "future"
  Recognizer r(p.doc);
  r.DictionaryPass();
  r.PersonPass();
  CHECK_FALSE(p.Find("Shared Future"));
  REQUIRE(p.Find("Tomas Varga"));
  REQUIRE(p.Find("Ana Kovac"));
}

TEST_CASE("acronym pass: an acronym in parentheses and its later bare uses") {
  Prepared p("The Baltic Energy Council (BEC) met. The BEC said prices would fall.");
  Recognizer r(p.doc);
  r.DictionaryPass();
  r.HeadNounPass();
  r.AcronymPass();
  REQUIRE(p.Find("Baltic Energy Council"));
  int acronyms = 0;
  for (const auto& m : p.doc.mentions)
    if (m.last > m.first && m.form == MentionForm::kAcronym) {
      ++acronyms;
      CHECK(m.name == "Baltic Energy Council");
    }
  CHECK(acronyms == 2);
}

TEST_CASE("dictionary pass: a place's name that is also a given name opens a person's before an unknown surname or after 'counterpart'") {
  Prepared p("The envoy met Jordan Okafor in Amman. His counterpart Milan Horvat spoke. "
             "Jordan Valley farms and Georgia Tech labs grew; Milan Cathedral stood. "
             "The Ambassador to Georgia Ana Soto left. The Ambassador to Georgia Oganes Darbinov came.");
  p.doc.lexicon = &testing::LoadedLexicon();  // the lexicon knows "valley", "tech" and "cathedral"
  Recognizer r(p.doc);
  r.DictionaryPass();
  r.PersonPass();
  REQUIRE(p.Find("Jordan Okafor"));
  CHECK(p.Find("Jordan Okafor")->type == EntityType::kPerson);
  REQUIRE(p.Find("Milan Horvat"));
  CHECK(p.Find("Milan Horvat")->type == EntityType::kPerson);
  // before a word of the language or a given name, the place's name stays a place
  CHECK(p.Count(EntityType::kCountry, "Jordan") == 1);
  CHECK(p.Count(EntityType::kCountry, "Georgia") == 3);
  CHECK(p.Find("Ana Soto"));
  CHECK(p.Find("Oganes Darbinov"));
  CHECK(p.Count(EntityType::kLocation, "Milan") == 1);
}

TEST_CASE("person pass: a surname that is also a town's name, after a given name") {
  Prepared p("Foreign Minister Rosa Medina met Carlos Santiago in Lima. The pilgrims reached Medina.");
  Recognizer r(p.doc);
  r.DictionaryPass();
  r.PersonPass();
  CHECK(p.Count(EntityType::kPerson, "Rosa Medina") == 1);
  CHECK(p.Count(EntityType::kPerson, "Carlos Santiago") == 1);
  CHECK(p.Count(EntityType::kLocation, "Medina") == 1);
}

TEST_CASE("person and surname passes: a make's name before a model code is no person's") {
  Prepared p("Energy Minister Alparslan Bayraktar said Bayraktar TB2 drones and Kalin K9 guns were sent.");
  Recognizer r(p.doc);
  r.DictionaryPass();
  r.PersonPass();
  r.SurnamePass();
  CHECK(p.Count(EntityType::kPerson, "Alparslan Bayraktar") == 1);
  CHECK(p.Count(EntityType::kPerson, "Bayraktar") == 0);
  CHECK(p.Count(EntityType::kPerson, "Bayraktar TB2") == 0);
  CHECK(p.Count(EntityType::kPerson, "Kalin K9") == 0);
}

TEST_CASE("head noun pass: two fields joined by 'and' inside a body's name, after a determiner or a possessor") {
  Prepared p("Kenya joined the Trade and Investment Council. The bloc's Peace and Reconciliation Commission met. "
             "The Chile and Peru Council met.");
  Recognizer r(p.doc);
  r.DictionaryPass();
  r.HeadNounPass();
  CHECK(p.Find("Trade and Investment Council"));
  CHECK(p.Find("Peace and Reconciliation Commission"));
  // a name ending in another body's dictionary name is a name of its own
  Prepared q("The bloc's Peace and Security Council met. The Security Council met.");
  Recognizer rq(q.doc);
  rq.DictionaryPass();
  rq.HeadNounPass();
  CHECK(q.Find("Peace and Security Council"));
  CHECK(q.Count(EntityType::kOrganization, "UN Security Council") == 1);
  // two states before a head word are no fields of one name
  CHECK_FALSE(p.Find("Chile and Peru Council"));
}

TEST_CASE("metonym pass: a capital as an actor is its state, as a place a city") {
  Prepared p("Oslo said it would respond. The talks were held in Oslo.");
  Recognizer r(p.doc);
  r.DictionaryPass();
  r.MetonymPass();
  CHECK(p.Count(EntityType::kCountry, "Norway", MentionForm::kMetonym) == 1);
  CHECK(p.Count(EntityType::kLocation, "Oslo") == 1);
}

TEST_CASE("dictionary pass: a place's name after an office, before a capitalized word, opens a person's") {
  Prepared p("Deputy Prime Minister Sofia Marinova flew to Sofia. The Finance Minister, Santiago Vera, stayed in Santiago.");
  Recognizer r(p.doc);
  r.DictionaryPass();
  r.PersonPass();
  REQUIRE(p.Find("Sofia Marinova"));
  CHECK(p.Find("Sofia Marinova")->type == EntityType::kPerson);
  REQUIRE(p.Find("Santiago Vera"));
  CHECK(p.Find("Santiago Vera")->type == EntityType::kPerson);
  int places = 0;
  for (const auto& m : p.doc.mentions)
    if (m.last > m.first && m.type == EntityType::kLocation) ++places;
  CHECK(places == 2);  // the cities themselves, at each sentence's end
}

TEST_CASE("head noun pass: a place named before its head ends before 'of' a state") {
  Prepared p("Floods hit Sindh Province of Pakistan, and the Province of Quebec sent aid.");
  Recognizer r(p.doc);
  r.DictionaryPass();
  r.StateFormPass();
  r.HeadNounPass();
  REQUIRE(p.Find("Sindh Province"));
  CHECK(p.Find("Sindh Province")->type == EntityType::kLocation);
  REQUIRE(p.Find("Pakistan"));
  CHECK(p.Find("Province of Quebec"));
}

TEST_CASE("state ministry pass: a state's ministry named by the state and its fields, in any case") {
  Prepared p("The Peruvian defence ministry and Chile's Foreign Ministry spoke; the ministry of culture did not.");
  Recognizer r(p.doc);
  r.DictionaryPass();
  r.HeadNounPass();
  r.StateMinistryPass();
  REQUIRE(p.Find("Peruvian defence ministry"));
  CHECK(p.Find("Peruvian defence ministry")->name == "Peruvian Defence Ministry");
  CHECK(p.Find("Peruvian defence ministry")->type == EntityType::kOrganization);
  REQUIRE(p.Find("Chile's Foreign Ministry"));
  CHECK(p.Find("Chile's Foreign Ministry")->name == "Chile's Foreign Ministry");
  CHECK_FALSE(p.Find("Foreign Ministry"));
  CHECK_FALSE(p.Find("ministry of culture"));
}

TEST_CASE("place kind pass: names after 'the town of', 'the cities of' are places") {
  Prepared p("Shells hit the villages of Varnek, Ostrel and Kars, and the town of Belgorin.");
  Recognizer r(p.doc);
  r.DictionaryPass();
  r.PlaceKindPass();
  CheckAllFound(p, {"Varnek", "Ostrel", "Kars", "Belgorin"}, EntityType::kLocation);
}

TEST_CASE("org kind pass: names after 'oil giant', 'state firms', 'newspaper' are bodies, not a person's name") {
  Prepared p("Oil giant Varnekor signed with state firms Gazprom and Ostrelneft, and their banks, Belgbank and Kovo, lent. "
             "The firm Ana Duarte founded in Lima grew. The party newspaper Vesna Narodna said so.");
  Recognizer r(p.doc);
  r.DictionaryPass();
  r.OrgKindPass();
  CheckAllFound(p, {"Varnekor", "Ostrelneft"}, EntityType::kOrganization);
  CHECK(p.Find("Gazprom"));      // the dictionary's, kept
  CHECK_FALSE(p.Find("Kovo"));   // "banks" is no kind of company in the list
  CHECK_FALSE(p.Find("Ana"));    // a given name opens a person's name
  CHECK_FALSE(p.Find("Ana Duarte"));
  REQUIRE(p.Find("Vesna Narodna"));
  CHECK(p.Find("Vesna Narodna")->subtype == "media");
}

TEST_CASE("place of state pass: 'in Chile's Arica', 'Tumbara, Ecuador's port city' are places, not a person's name") {
  Prepared p("Consulates opened in Peru's Cusco and Chile's Varnekana. The rebels hold Tumbara, Ecuador's second port city. "
             "Officials in Peru's Castillo government met Ana Duarte, Peru's envoy.");
  p.doc.lexicon = &testing::LoadedLexicon();  // the tags say a noun follows "Castillo"
  TagTokens(&p.doc);
  Recognizer r(p.doc);
  r.DictionaryPass();
  r.PersonPass();
  r.PlaceOfStatePass();
  CheckAllFound(p, {"Varnekana", "Tumbara"}, EntityType::kLocation);
  CHECK_FALSE(p.Find("Castillo"));  // a noun goes on: "Castillo government"
  CheckAllFound(p, {"Ana Duarte"}, EntityType::kPerson);
}

TEST_CASE("dateline pass: the agency in parentheses before a dash at the start is a news organization") {
  Prepared p("Talks resume\nLIMA, May 2 (Andes Press) - Peru and Chile resumed talks. Later, the delegates (Peru) - left.");
  Recognizer r(p.doc);
  r.DictionaryPass();
  r.DatelinePass();
  REQUIRE(p.Find("Andes Press"));
  CHECK(p.Find("Andes Press")->type == EntityType::kOrganization);
  CHECK(p.Find("Andes Press")->subtype == "media");
}

TEST_CASE("metonym pass: a capital's demands and a deal with it are its state's; its suburbs are the city's") {
  Prepared p("Oslo's demands grew. Peru signed a deal with Oslo. Oslo's suburbs flooded.");
  Recognizer r(p.doc);
  r.DictionaryPass();
  r.MetonymPass();
  CHECK(p.Count(EntityType::kCountry, "Norway", MentionForm::kMetonym) == 2);
  CHECK(p.Count(EntityType::kLocation, "Oslo") == 1);
}

TEST_CASE("metonym pass: a capital's demands after 'of', and a capital paired with a state, are states") {
  Prepared p("Peru rejected all of Oslo's proposals. Oslo and Peru agreed on a date. Oslo and Stockholm are cold cities.");
  Recognizer r(p.doc);
  r.DictionaryPass();
  r.MetonymPass();
  // the proposals and the pair with Peru; Oslo beside another city stays a city
  CHECK(p.Count(EntityType::kCountry, "Norway", MentionForm::kMetonym) == 2);
  CHECK(p.Count(EntityType::kLocation, "Oslo") == 1);
}

TEST_CASE("metonym pass: a capital before a modal, after a phrasal stance or a stance's 'from', and next in such a list") {
  Prepared p("Oslo would respond. Lima will burn. Lima would be shelled. Lima hit back at Oslo. The plan drew condemnation from Oslo and Quito. "
             "Sanctions on Oslo grew. The minister flew back at dawn to Oslo and Lima. Aid from Oslo arrived.");
  p.doc.lexicon = &testing::LoadedLexicon();  // the tags say which words are modals and verbs
  TagTokens(&p.doc);
  Recognizer r(p.doc);
  r.DictionaryPass();
  r.MetonymPass();
  CHECK(p.Count(EntityType::kCountry, "Norway", MentionForm::kMetonym) == 4);
  CHECK(p.Count(EntityType::kCountry, "Peru", MentionForm::kMetonym) == 1);
  CHECK(p.Count(EntityType::kCountry, "Ecuador", MentionForm::kMetonym) == 1);
  // what would befall a city, the places a minister flew to, and where aid came from, stay cities
  CHECK(p.Count(EntityType::kLocation, "Oslo") == 2);
  CHECK(p.Count(EntityType::kLocation, "Lima") == 3);
}

TEST_CASE("person pass: a two-syllable given name with a hyphen and a lower-case syllable") {
  Prepared p("Envoy Park Min-ho met Lee Ji-eun in Seoul. A Smith-led team and the Biden-era rules were cited.");
  Recognizer r(p.doc);
  r.DictionaryPass();
  r.PersonPass();
  REQUIRE(p.Find("Park Min-ho"));
  CHECK(p.Find("Park Min-ho")->type == EntityType::kPerson);
  REQUIRE(p.Find("Lee Ji-eun"));
  CHECK_FALSE(p.Find("Smith-led"));
  CHECK_FALSE(p.Find("Biden-era"));
}

TEST_CASE("person pass: a hyphenated given name vouches for a family name that is a common word") {
  // (family names "Moon", "Ban" are English words; a five-letter first
  // syllable is read only before a syllable that is no English word)
  Prepared p("The envoy met Moon Ha-eun and Choi Seung-ho. Joe Hardy-era rules and the Chile Smith-led firm were cited.");
  p.doc.lexicon = &testing::LoadedLexicon();  // the lexicon says which syllables are English words
  Recognizer r(p.doc);
  r.DictionaryPass();
  r.PersonPass();
  CheckAllFound(p, {"Moon Ha-eun", "Choi Seung-ho"}, EntityType::kPerson);
  CHECK_FALSE(p.Find("Joe Hardy-era"));
  CHECK_FALSE(p.Find("Chile Smith-led"));
}

TEST_CASE("person pass: an unvouched name right after a preposition of place is a place") {
  Prepared p("The guest was received at Varnek Bhavan, where she met Ana Duarte and talks in Ostrel Kolo followed.");
  Recognizer r(p.doc);
  r.DictionaryPass();
  r.PersonPass();
  CheckAllFound(p, {"Varnek Bhavan", "Ostrel Kolo"}, EntityType::kLocation);
  CheckAllFound(p, {"Ana Duarte"}, EntityType::kPerson);  // a given name vouches for a person
}

TEST_CASE("person pass: a middle initial stays inside the name") {
  Prepared p("Former envoy Robert T. Halvorsen wrote to Mary J. Pilk on Monday.");
  Recognizer r(p.doc);
  r.DictionaryPass();
  r.PersonPass();
  CHECK(p.Find("Robert T. Halvorsen"));
  CHECK(p.Find("Mary J. Pilk"));
}

TEST_CASE("head noun pass: a body named after a person keeps the person's middle initial") {
  Prepared p("She spoke at the Mary J. Pilk Institute for Peace on Monday.");
  Recognizer r(p.doc);
  r.DictionaryPass();
  r.HeadNounPass();
  r.PersonPass();
  REQUIRE(p.Find("Mary J. Pilk Institute for Peace"));
  CHECK(p.Find("Mary J. Pilk Institute for Peace")->type == EntityType::kOrganization);
  CHECK_FALSE(p.Find("Mary J"));
}

TEST_CASE("head noun pass: a kind of document after 'a' is no name; after 'the', or named, it is") {
  Prepared p(
      "Chile and Peru signed a new Memorandum of Understanding. Both had signed the Declaration of Principles "
      "and an Andes Memorandum of Understanding before.");
  Recognizer r(p.doc);
  r.DictionaryPass();
  r.HeadNounPass();
  CHECK_FALSE(p.Find("Memorandum of Understanding"));
  REQUIRE(p.Find("Declaration of Principles"));
  CHECK(p.Find("Declaration of Principles")->type == EntityType::kAgreement);
  REQUIRE(p.Find("Andes Memorandum of Understanding"));
}
