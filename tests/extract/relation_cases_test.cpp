// Runs the extraction cases in relation_cases.txt: each case is an article
// and the triples it must (+) and must not (-) give.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "core/text.h"
#include "extract/dictionary.h"
#include "extract/extractor.h"

using namespace irkg;

namespace {

struct Expect {
  bool positive;
  std::string subject, predicate, object, title, date, what;
  int line;
};

struct Case {
  std::string name, text;
  std::vector<Expect> expects;
};

std::string Trim(std::string s) {
  size_t a = s.find_first_not_of(" \t"), b = s.find_last_not_of(" \t\r");
  return a == std::string::npos ? "" : s.substr(a, b - a + 1);
}

std::vector<std::string> SplitBar(const std::string& s) {
  std::vector<std::string> out;
  std::stringstream ss(s);
  std::string part;
  while (std::getline(ss, part, '|')) out.push_back(Trim(part));
  return out;
}

std::vector<Case> LoadCases(const std::string& path) {
  std::ifstream in(path);
  std::vector<Case> cases;
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    ++n;
    if (line.rfind("===", 0) == 0) {
      cases.push_back({Trim(line.substr(3)), "", {}});
    } else if (!cases.empty() && (line.rfind("+ ", 0) == 0 || line.rfind("- ", 0) == 0)) {
      auto parts = SplitBar(line.substr(2));
      Expect e{line[0] == '+', parts.at(0), parts.at(1), parts.at(2), "", "", "", n};
      for (size_t i = 3; i < parts.size(); ++i) {
        auto eq = parts[i].find('=');
        std::string k = parts[i].substr(0, eq), v = parts[i].substr(eq + 1);
        (k == "title" ? e.title : k == "date" ? e.date : e.what) = v;
      }
      cases.back().expects.push_back(e);
    } else if (!cases.empty() && cases.back().expects.empty() && !line.empty() && line[0] != '#') {
      cases.back().text += line + "\n";
    }
  }
  return cases;
}

}  // namespace

TEST_CASE("extraction cases in relation_cases.txt") {
  auto dict = Dictionary::LoadDefault({});
  REQUIRE(dict.ok());
  auto lexicon = Lexicon::LoadDefault();
  REQUIRE(lexicon.ok());
  Extractor extractor(*dict, *lexicon);
  auto cases = LoadCases(IRKG_TEST_SOURCE_DIR "/extract/relation_cases.txt");
  REQUIRE(cases.size() > 20);
  for (const auto& c : cases) {
    Article a;
    a.doc = "case.txt";
    a.text = c.text;
    a.date = "2024-05-15";
    ExtractionRecord r = extractor.Extract(a);
    for (const auto& e : c.expects) {
      INFO("case '" << c.name << "' (relation_cases.txt:" << e.line << "): " << (e.positive ? "+ " : "- ")
                    << e.subject << " " << e.predicate << " " << e.object);
      const ExtractedTriple* found = nullptr;
      for (const auto& t : r.triples) {
        auto s = r.FindEntity(t.subject), o = r.FindEntity(t.object);
        bool same = NameKey(s->name) == NameKey(e.subject) && NameKey(o->name) == NameKey(e.object);
        bool swapped = Info(t.predicate).symmetric && NameKey(o->name) == NameKey(e.subject) &&
                       NameKey(s->name) == NameKey(e.object);
        if (PredicateName(t.predicate) == e.predicate && (same || swapped)) found = &t;
      }
      if (!e.positive) {
        // A negative proves something only when the text gives both actors:
        // a sentence the extractor reads no names in would pass it vacuously.
        bool has_subject = false, has_object = false;
        for (const auto& ent : r.entities) {
          has_subject = has_subject || NameKey(ent.name) == NameKey(e.subject);
          has_object = has_object || NameKey(ent.name) == NameKey(e.object);
        }
        CHECK(has_subject);
        CHECK(has_object);
        CHECK(found == nullptr);
        continue;
      }
      CHECK(found != nullptr);
      if (!found) continue;
      if (!e.title.empty()) CHECK(found->title == e.title);
      if (!e.date.empty()) CHECK(found->date == e.date);
      if (!e.what.empty()) CHECK(found->what == e.what);
      CHECK(found->evidence.has_value());
    }
  }
}
