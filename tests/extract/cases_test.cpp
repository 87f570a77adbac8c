// Runs the per-predicate extraction cases in cases/*.txt (format: cases/README.md):
// each case is an article and the triples it must (+) and must not (-) give;
// `+?` and `-?` mark known gaps, which must fail until the extractor meets them.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>

#include "core/schema.h"
#include "core/text.h"
#include "extract/dictionary.h"
#include "extract/extractor.h"
#include "tests/extract/loaded_data.h"

using namespace irkg;

namespace {

constexpr int kMinPositiveCases = 10;
constexpr int kMinNegativeCases = 5;

struct Expect {
  bool positive = true;
  bool known_gap = false;
  std::string subject, predicate, object, title, date, what;
  int line = 0;
};

struct Case {
  std::string name, text;
  std::vector<Expect> expects;
  int line = 0;
};

// What the extractor made of one expectation.
struct Outcome {
  Expect expect;
  bool met;
  std::string why_not;  // empty when met
};

struct CaseFile {
  std::string name;  // e.g. "metWith.txt"
  std::vector<Case> cases;
  std::vector<std::string> errors;  // "metWith.txt:12: ..." for lines the loader rejects
  std::vector<Outcome> outcomes;
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

// Parses "+ S | p | O | k=v ..." (the sign and an optional '?' already seen).
std::optional<Expect> ParseExpect(const std::string& body, bool positive, bool known_gap, int line,
                                  std::string& error) {
  auto parts = SplitBar(body);
  if (parts.size() < 3 || parts[0].empty() || parts[2].empty()) {
    error = "expected 'Subject | predicate | Object'";
    return std::nullopt;
  }
  if (!ParsePredicate(parts[1])) {
    error = "unknown predicate '" + parts[1] + "'";
    return std::nullopt;
  }
  Expect e;
  e.positive = positive;
  e.known_gap = known_gap;
  e.subject = parts[0], e.predicate = parts[1], e.object = parts[2], e.line = line;
  for (size_t i = 3; i < parts.size(); ++i) {
    auto eq = parts[i].find('=');
    std::string key = parts[i].substr(0, eq);
    std::string* slot = key == "title" ? &e.title : key == "date" ? &e.date : key == "what" ? &e.what : nullptr;
    if (eq == std::string::npos || !slot) {
      error = "expected title=, date= or what=, got '" + parts[i] + "'";
      return std::nullopt;
    }
    *slot = parts[i].substr(eq + 1);
  }
  return e;
}

CaseFile LoadCaseFile(const std::filesystem::path& path) {
  CaseFile file;
  file.name = path.filename().string();
  std::ifstream in(path);
  std::string line;
  int n = 0;
  auto reject = [&](const std::string& why) { file.errors.push_back(file.name + ":" + std::to_string(n) + ": " + why); };
  while (std::getline(in, line)) {
    ++n;
    bool sign = !line.empty() && (line[0] == '+' || line[0] == '-');
    if (line.rfind("===", 0) == 0) {
      file.cases.push_back({Trim(line.substr(3)), "", {}, n});
    } else if (sign) {
      bool known_gap = line.size() > 1 && line[1] == '?';
      std::string error;
      if (file.cases.empty()) {
        reject("an expectation before the first '==='");
      } else if (file.cases.back().text.empty()) {
        reject("an expectation before the case's text");
      } else if (auto e = ParseExpect(line.substr(known_gap ? 2 : 1), line[0] == '+', known_gap, n, error)) {
        file.cases.back().expects.push_back(*e);
      } else {
        reject(error);
      }
    } else if (!file.cases.empty() && file.cases.back().expects.empty() && !line.empty() && line[0] != '#') {
      file.cases.back().text += line + "\n";
    } else if (!Trim(line).empty() && line[0] != '#') {
      reject("text after a case's expectations; start a new case with '==='");
    }
  }
  for (const auto& c : file.cases)
    if (c.expects.empty()) file.errors.push_back(file.name + ":" + std::to_string(c.line) + ": a case without expectations");
  return file;
}

const ExtractedTriple* FindTriple(const ExtractionRecord& r, const Expect& e) {
  for (const auto& t : r.triples) {
    auto s = r.FindEntity(t.subject), o = r.FindEntity(t.object);
    if (!s || !o || PredicateName(t.predicate) != e.predicate) continue;
    bool same = NameKey(s->name) == NameKey(e.subject) && NameKey(o->name) == NameKey(e.object);
    bool swapped = Info(t.predicate).symmetric && NameKey(o->name) == NameKey(e.subject) &&
                   NameKey(s->name) == NameKey(e.object);
    if (same || swapped) return &t;
  }
  return nullptr;
}

bool NamesEntity(const ExtractionRecord& r, const std::string& name) {
  return std::any_of(r.entities.begin(), r.entities.end(),
                     [&](const ExtractedEntity& x) { return NameKey(x.name) == NameKey(name); });
}

// Empty when the record meets the expectation, else why not.
std::string WhyNotMet(const ExtractionRecord& r, const Expect& e) {
  const ExtractedTriple* found = FindTriple(r, e);
  if (!e.positive) {
    for (const auto* name : {&e.subject, &e.object})
      if (!NamesEntity(r, *name)) return "broken case: the extraction names no entity '" + *name + "', so the negative proves nothing";
    return found ? "the triple was extracted" : "";
  }
  if (!found) return "the triple was not extracted";
  if (!e.title.empty() && found->title != e.title) return "title '" + found->title + "'";
  if (!e.date.empty() && found->date != e.date) return "date '" + found->date + "'";
  if (!e.what.empty() && found->what != e.what) return "what '" + found->what + "'";
  if (!found->evidence) return "no evidence";
  return "";
}

std::vector<CaseFile> EvaluateAllCaseFiles(const Extractor& extractor) {
  std::vector<std::filesystem::path> paths;
  for (const auto& entry : std::filesystem::directory_iterator(IRKG_TEST_SOURCE_DIR "/extract/cases"))
    if (entry.path().extension() == ".txt") paths.push_back(entry.path());
  std::sort(paths.begin(), paths.end());
  std::vector<CaseFile> files;
  for (const auto& path : paths) {
    CaseFile file = LoadCaseFile(path);
    for (const auto& c : file.cases) {
      Article a;
      a.doc = "case.txt";
      a.text = c.text;
      a.date = "2024-05-15";
      ExtractionRecord r = extractor.Extract(a);
      for (const auto& e : c.expects) {
        std::string why = WhyNotMet(r, e);
        file.outcomes.push_back({e, why.empty(), why});
      }
    }
    files.push_back(std::move(file));
  }
  return files;
}

struct Tally {
  int positives = 0, positives_met = 0, negatives = 0, negatives_met = 0, gaps = 0;
};

void PrintTable(const std::vector<CaseFile>& files) {
  std::map<std::string, Tally> by_predicate;
  for (const auto& p : AllPredicates()) by_predicate[std::string(p.name)];
  for (const auto& f : files)
    for (const auto& o : f.outcomes) {
      Tally& t = by_predicate[o.expect.predicate];
      (o.expect.positive ? t.positives : t.negatives)++;
      if (o.met) (o.expect.positive ? t.positives_met : t.negatives_met)++;
      if (o.expect.known_gap) t.gaps++;
    }
  std::cout << "extraction cases by predicate (positives met / total, negatives met / total, known gaps)\n";
  Tally all;
  for (const auto& [name, t] : by_predicate) {
    std::cout << "  " << name << std::string(22 - std::min<size_t>(21, name.size()), ' ') << t.positives_met << "/"
              << t.positives << "\t" << t.negatives_met << "/" << t.negatives << "\t" << t.gaps << "\n";
    all.positives += t.positives, all.positives_met += t.positives_met;
    all.negatives += t.negatives, all.negatives_met += t.negatives_met, all.gaps += t.gaps;
  }
  std::cout << "  all                   " << all.positives_met << "/" << all.positives << "\t" << all.negatives_met
            << "/" << all.negatives << "\t" << all.gaps << "\n";
}

// Cases (not expectations) that test the file's own predicate with the given sign.
int CasesTesting(const CaseFile& file, const std::string& predicate, bool positive) {
  return static_cast<int>(std::count_if(file.cases.begin(), file.cases.end(), [&](const Case& c) {
    return std::any_of(c.expects.begin(), c.expects.end(),
                       [&](const Expect& e) { return e.predicate == predicate && e.positive == positive; });
  }));
}

}  // namespace

TEST_CASE("extraction cases, one section per predicate file in cases/") {
  static const Extractor extractor(testing::LoadedDictionary(), testing::LoadedLexicon(), testing::LoadedFrames());
  static const std::vector<CaseFile> files = EvaluateAllCaseFiles(extractor);
  static const bool printed = (PrintTable(files), true);
  (void)printed;
  REQUIRE(files.size() == static_cast<size_t>(kPredicateCount));
  for (const auto& file : files) {
    DYNAMIC_SECTION(file.name) {
      for (const auto& error : file.errors) FAIL_CHECK(error);
      std::string predicate = std::filesystem::path(file.name).stem().string();
      INFO(file.name << " is named after a SCHEMA.md predicate");
      CHECK(ParsePredicate(predicate).has_value());
      CHECK(CasesTesting(file, predicate, true) >= kMinPositiveCases);
      CHECK(CasesTesting(file, predicate, false) >= kMinNegativeCases);
      int passed = 0, gaps = 0;
      for (const auto& o : file.outcomes) {
        const Expect& e = o.expect;
        std::string where = file.name + ":" + std::to_string(e.line) + ": " + (e.positive ? "+" : "-") +
                            (e.known_gap ? "? " : " ") + e.subject + " | " + e.predicate + " | " + e.object;
        if (e.known_gap) {
          ++gaps;
          if (o.met) FAIL_CHECK(where << ": a known gap is now met; remove its '?'");
        } else if (o.met) {
          ++passed;
        } else {
          FAIL_CHECK(where << ": " << o.why_not);
        }
      }
      std::cout << file.name << ": " << passed << " passed, " << gaps << " known gaps\n";
    }
  }
}
