// Small knowledge graphs for the diagram tests, built directly with
// AddEntity/AddRelation, and file helpers the tests share.
#pragma once

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include "graph/graph_builder.h"
#include "graph/knowledge_graph.h"
#include "tests/scratch_dir.h"

namespace irkg::testing {

inline Entity MakeEntity(std::string id, std::string name, EntityType type, std::string code = "",
                         std::vector<Symbol> aliases = {}, std::string subtype = "") {
  Entity e;
  e.id = std::move(id);
  e.name = std::move(name);
  e.type = type;
  e.code = std::move(code);
  e.aliases = std::move(aliases);
  e.subtype = std::move(subtype);
  return e;
}

// Adds a relation between entities given by id. An empty sentence makes it
// background knowledge (no evidence); empty title, date, what mean none.
inline void Relate(KnowledgeGraph& g, const std::string& subject, const std::string& object, Predicate predicate,
                   const std::string& title, const std::string& date, const std::string& sentence,
                   const std::string& article = "seed-article.txt", uint32_t article_count = 1,
                   const std::string& what = "") {
  Relation r;
  r.predicate = predicate;
  // qualifiers live in the evidence that states them; background knowledge
  // (no sentence) is evidence without an article
  Evidence ev;
  ev.title = title;
  ev.what = what;
  ev.date = date;
  ev.date_from_text = !date.empty();
  if (!sentence.empty()) {
    ev.article = article;
    ev.text = sentence;
    ev.end = static_cast<uint32_t>(sentence.size());
    ev.confidence = 0.8;
    r.confidence = 0.8;
    r.article_count = article_count;
    r.evidence.push_back(ev);
  } else if (!title.empty() || !date.empty() || !what.empty()) {
    ev.rule = kBackgroundRule;
    r.evidence.push_back(ev);
  }
  g.AddRelation(*g.FindById(subject), *g.FindById(object), std::move(r));
}

// Names that Graphviz and DOT treat specially, and non-ASCII ones.
//
//   person/obrien --metWith-- person/cavusoglu --holdsPosition--> country/TUR
//   person/nguyen --holdsPosition--> country/VNM
//   person/nguyen --visited--> country/CIV --memberOf--> org/quoted
//   person/obrien --criticizes--> org/quoted
//   location/abidjan --locatedIn--> country/CIV      (no evidence)
//   location/lonely                                  (no relation)
inline KnowledgeGraph TrickyGraph() {
  KnowledgeGraph g;
  g.AddEntity(MakeEntity("person/obrien", "Conor O'Brien", EntityType::kPerson, "", {"O'Brien"}));
  g.AddEntity(MakeEntity("person/cavusoglu", "Mevlüt Çavuşoğlu", EntityType::kPerson, "", {"Çavuşoğlu"}));
  g.AddEntity(MakeEntity("person/nguyen", "Nguyễn Phú Trọng", EntityType::kPerson));
  g.AddEntity(MakeEntity("country/TUR", "Türkiye", EntityType::kCountry, "TUR", {"Turkey"}));
  g.AddEntity(MakeEntity("country/VNM", "Vietnam", EntityType::kCountry, "VNM"));
  g.AddEntity(MakeEntity("country/CIV", "Côte d'Ivoire", EntityType::kCountry, "CIV", {"Ivory Coast"}));
  g.AddEntity(MakeEntity("org/quoted", "The \"Quoted\\Backslash\" <Institute> & Co", EntityType::kOrganization,
                         "", {}, "education"));
  g.AddEntity(MakeEntity("location/abidjan", "Abidjan\nCity", EntityType::kLocation));
  g.AddEntity(MakeEntity("location/lonely", "Lonely Place", EntityType::kLocation));

  Relate(g, "person/cavusoglu", "country/TUR",
         Predicate::kHoldsPosition, "Foreign Minister", "", "Turkish Foreign Minister Mevlüt Çavuşoğlu said \"no\".",
          "tr-news.txt");
  Relate(g, "person/cavusoglu", "person/obrien",
         Predicate::kMetWith, "", "2023-05-02", "Çavuşoğlu met O'Brien in Ankara <on Tuesday> & talked.",
          "tr-news.txt", 3);
  Relate(g, "person/nguyen", "country/VNM",
         Predicate::kHoldsPosition, "General Secretary", "", "Nguyễn Phú Trọng, General Secretary, spoke.",
          "vn-news.txt");
  Relate(g, "person/nguyen", "country/CIV",
         Predicate::kVisited, "", "2022-11", "Nguyễn Phú Trọng visited Côte d'Ivoire.", "vn-news.txt");
  Relate(g, "country/CIV", "org/quoted",
         Predicate::kMemberOf, "", "", "Côte d'Ivoire joined the \"Quoted\\Backslash\" institute.", "ci-news.txt");
  Relate(g, "person/obrien", "org/quoted",
         Predicate::kCriticizes, "", "", "O'Brien said C:\\Nuclear\\path was \"wrong\".", "ie-news.txt");
  Relate(g, "location/abidjan", "country/CIV", Predicate::kLocatedIn, "", "", "");
  return g;
}

// The shape of a typical diplomatic article: two deputy foreign ministers
// met; a president visited; both countries signed a declaration; a
// foundation, a university and the cities involved.
inline KnowledgeGraph DiplomaticGraph() {
  KnowledgeGraph g;
  g.AddEntity(MakeEntity("person/khalaf-khalafov", "Khalaf Khalafov", EntityType::kPerson, "", {"Khalafov"}));
  g.AddEntity(MakeEntity("person/edmondo-cirielli", "Edmondo Cirielli", EntityType::kPerson, "", {"Cirielli"}));
  g.AddEntity(MakeEntity("person/ilham-aliyev", "Ilham Aliyev", EntityType::kPerson));
  g.AddEntity(MakeEntity("person/sergio-mattarella", "Sergio Mattarella", EntityType::kPerson));
  g.AddEntity(MakeEntity("country/AZE", "Azerbaijan", EntityType::kCountry, "AZE", {"Azerbaijani"}));
  g.AddEntity(MakeEntity("country/ITA", "Italy", EntityType::kCountry, "ITA", {"Italian"}));
  g.AddEntity(MakeEntity("agreement/joint-declaration",
                         "Joint Declaration on strengthening the Multidimensional Strategic Partnership",
                         EntityType::kAgreement));
  g.AddEntity(MakeEntity("org/heydar-aliyev-foundation", "Heydar Aliyev Foundation", EntityType::kOrganization, "",
                         {}, "foundation"));
  g.AddEntity(MakeEntity("org/italy-azerbaijan-university", "Italy-Azerbaijan University",
                         EntityType::kOrganization, "", {}, "education"));
  g.AddEntity(MakeEntity("location/rome", "Rome", EntityType::kLocation, "", {}, "city"));
  g.AddEntity(MakeEntity("location/baku", "Baku", EntityType::kLocation, "", {}, "city"));

  const std::string a = "azernews-2023-08-26.txt";
  Relate(g, "person/khalaf-khalafov", "country/AZE",
         Predicate::kHoldsPosition, "Deputy Foreign Minister", "",
          "Azerbaijani Deputy Foreign Minister Khalaf Khalafov met with Italian Deputy Foreign Minister Edmondo "
          "Cirielli in Rome.",
          a, 4);
  Relate(g, "person/edmondo-cirielli", "country/ITA",
         Predicate::kHoldsPosition, "Deputy Foreign Minister", "",
          "Azerbaijani Deputy Foreign Minister Khalaf Khalafov met with Italian Deputy Foreign Minister Edmondo "
          "Cirielli in Rome.",
          a, 2);
  Relate(g, "person/edmondo-cirielli", "person/khalaf-khalafov",
         Predicate::kMetWith, "", "2023-08-25",
          "Azerbaijani Deputy Foreign Minister Khalaf Khalafov met with Italian Deputy Foreign Minister Edmondo "
          "Cirielli in Rome.",
          a);
  Relate(g, "person/ilham-aliyev", "country/AZE",
         Predicate::kHoldsPosition, "President", "", "President Ilham Aliyev's visit to Italy in 2020.", a, 12);
  Relate(g, "person/sergio-mattarella", "country/ITA",
         Predicate::kHoldsPosition, "President", "", "Italian President Sergio Mattarella received him.", a, 5);
  Relate(g, "person/ilham-aliyev", "country/ITA",
         Predicate::kVisited, "", "2020-02", "President Ilham Aliyev's visit to Italy in 2020.", a);
  Relate(g, "person/ilham-aliyev", "person/sergio-mattarella",
         Predicate::kMetWith, "", "2020-02", "Italian President Sergio Mattarella received him.", a);
  Relate(g, "country/AZE", "agreement/joint-declaration",
         Predicate::kSigned, "", "2020-02-20", "The Joint Declaration signed during the visit.", a, 2);
  Relate(g, "country/ITA", "agreement/joint-declaration",
         Predicate::kSigned, "", "2020-02-20", "The Joint Declaration signed during the visit.", a, 2);
  Relate(g, "country/AZE", "country/ITA",
         Predicate::kCooperatesWith, "", "", "Italy is Azerbaijan's main trading partner.", a, 8);
  Relate(g, "country/AZE", "country/ITA",
         Predicate::kDiplomaticRelations, "", "1992-01-06", "Diplomatic relations were established in 1992.", a);
  Relate(g, "country/AZE", "country/ITA",
         Predicate::kSupplies, "", "", "Azerbaijan supplies gas to Italy through the pipeline.", a, 6, "natural gas");
  Relate(g, "org/heydar-aliyev-foundation", "country/ITA",
         Predicate::kCooperatesWith, "", "", "The Heydar Aliyev Foundation restored monuments in Rome.", a);
  Relate(g, "org/heydar-aliyev-foundation", "location/baku", Predicate::kLocatedIn, "", "", "");
  Relate(g, "org/italy-azerbaijan-university", "location/baku",
         Predicate::kLocatedIn, "", "", "The Italy-Azerbaijan University in Baku.", a);
  Relate(g, "location/baku", "country/AZE", Predicate::kLocatedIn, "", "", "");
  Relate(g, "location/rome", "country/ITA", Predicate::kLocatedIn, "", "", "");
  Relate(g, "person/khalaf-khalafov", "location/rome",
         Predicate::kVisited, "", "2023-08-25", "Khalafov held consultations in Rome.", a);
  return g;
}

// A directory of the test's own under the system temporary directory,
// removed when the test ends.
inline ScratchDir TestDir(const std::string& name) { return ScratchDir("export-" + name); }

inline std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

}  // namespace irkg::testing
