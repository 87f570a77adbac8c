#include "export/diagram.h"

#include <graphviz/cgraph.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "export/graphviz.h"
#include "tests/export/diagram_sample.h"

namespace irkg {
namespace {

using testing::TrickyGraph;

std::vector<std::string> Ids(const KnowledgeGraph& g, const DiagramSelection& s) {
  std::vector<std::string> ids;
  for (VertexId v : s.vertices) ids.push_back(g.entity(v).id.str());
  return ids;
}

// "subject predicate object" for each selected relation, in selection order.
std::vector<std::string> Triples(const KnowledgeGraph& g, const DiagramSelection& s) {
  std::vector<std::string> out;
  for (EdgeId e : s.edges)
    out.push_back(g.entity(g.source(e)).id + " " + std::string(PredicateName(g.relation(e).predicate)) + " " +
                  g.entity(g.target(e)).id);
  return out;
}

DiagramSelection Select(const KnowledgeGraph& g, const DiagramOptions& options) {
  Result<DiagramSelection> s = SelectForDiagram(g, options);
  INFO(s.status().message());
  REQUIRE(s.ok());
  return *s;
}

std::string Attr(void* object, const char* name) {
  char* value = agget(object, gv::CString(name).get());
  return value ? value : "<undeclared>";
}

Agnode_t* Node(Agraph_t* g, const std::string& name) { return agnode(g, gv::CString(name).get(), 0); }

bool Has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

Agedge_t* Edge(Agraph_t* g, const std::string& tail, const std::string& head) {
  Agnode_t* t = Node(g, tail);
  Agnode_t* h = Node(g, head);
  REQUIRE(t);
  REQUIRE(h);
  return agedge(g, t, h, nullptr, 0);
}

TEST_CASE("entities without relations are left out unless asked for", "[diagram]") {
  KnowledgeGraph g = TrickyGraph();
  auto ids = Ids(g, Select(g, {}));
  CHECK(std::find(ids.begin(), ids.end(), "location/lonely") == ids.end());
  CHECK(ids.size() == 8);
}

TEST_CASE("the whole graph, ordered by id", "[diagram]") {
  KnowledgeGraph g = TrickyGraph();
  DiagramOptions all;
  all.include_isolated = true;
  DiagramSelection s = Select(g, all);
  CHECK(Ids(g, s) == std::vector<std::string>{"country/CIV", "country/TUR", "country/VNM", "location/abidjan",
                                               "location/lonely", "org/quoted", "person/cavusoglu",
                                               "person/nguyen", "person/obrien"});
  CHECK(Triples(g, s) == std::vector<std::string>{
                             "country/CIV memberOf org/quoted",
                             "location/abidjan locatedIn country/CIV",
                             "person/cavusoglu holdsPosition country/TUR",
                             "person/cavusoglu metWith person/obrien",
                             "person/nguyen holdsPosition country/VNM",
                             "person/nguyen visited country/CIV",
                             "person/obrien criticizes org/quoted",
                         });
}

TEST_CASE("focus and depth follow relations both ways", "[diagram]") {
  KnowledgeGraph g = TrickyGraph();
  DiagramOptions o;
  o.focus = {"person/obrien"};

  o.depth = 0;
  DiagramSelection s = Select(g, o);
  CHECK(Ids(g, s) == std::vector<std::string>{"person/obrien"});
  CHECK(s.edges.empty());

  o.depth = 1;
  s = Select(g, o);
  CHECK(Ids(g, s) == std::vector<std::string>{"org/quoted", "person/cavusoglu", "person/obrien"});
  CHECK(Triples(g, s) == std::vector<std::string>{"person/cavusoglu metWith person/obrien",
                                                   "person/obrien criticizes org/quoted"});

  o.depth = 2;
  s = Select(g, o);
  CHECK(Ids(g, s) ==
        std::vector<std::string>{"country/CIV", "country/TUR", "org/quoted", "person/cavusoglu", "person/obrien"});
  CHECK(s.edges.size() == 4);
}

TEST_CASE("focus by name or alias, folded", "[diagram]") {
  KnowledgeGraph g = TrickyGraph();
  DiagramOptions o;
  o.depth = 0;
  o.focus = {"Turkiye"};
  CHECK(Ids(g, Select(g, o)) == std::vector<std::string>{"country/TUR"});
  o.focus = {"ivory coast", "Nguyễn Phú Trọng"};
  CHECK(Ids(g, Select(g, o)) == std::vector<std::string>{"country/CIV", "person/nguyen"});
}

TEST_CASE("focus errors", "[diagram]") {
  KnowledgeGraph g = TrickyGraph();
  g.AddEntity(testing::MakeEntity("location/georgia-us", "Georgia", EntityType::kLocation));
  g.AddEntity(testing::MakeEntity("country/GEO", "Georgia", EntityType::kCountry, "GEO"));
  DiagramOptions o;
  o.focus = {"Atlantis"};
  CHECK(SelectForDiagram(g, o).status().code() == Status::Code::kNotFound);
  CHECK(BuildDiagram(g, o).status().code() == Status::Code::kNotFound);
  // A diagram finds its focus as every command finds an entity
  // (graph/entity_lookup.h), close misspellings suggested.
  o.focus = {"Turkiey"};
  CHECK(SelectForDiagram(g, o).status().message().find("did you mean") != std::string::npos);

  o.focus = {"Georgia"};
  Result<DiagramSelection> ambiguous = SelectForDiagram(g, o);
  CHECK(ambiguous.status().code() == Status::Code::kInvalidInput);
  CHECK(ambiguous.status().message().find("country/GEO") != std::string::npos);
  CHECK(ambiguous.status().message().find("location/georgia-us") != std::string::npos);

  o.focus = {"country/GEO"};
  o.depth = -1;
  CHECK(SelectForDiagram(g, o).status().code() == Status::Code::kUsage);
}

TEST_CASE("predicate filter drops entities left without relations", "[diagram]") {
  KnowledgeGraph g = TrickyGraph();
  DiagramOptions o;
  o.predicates = {Predicate::kMetWith};
  DiagramSelection s = Select(g, o);
  CHECK(Ids(g, s) == std::vector<std::string>{"person/cavusoglu", "person/obrien"});
  CHECK(Triples(g, s) == std::vector<std::string>{"person/cavusoglu metWith person/obrien"});

  // ... but never a focus entity.
  o.focus = {"country/VNM"};
  s = Select(g, o);
  CHECK(Ids(g, s) == std::vector<std::string>{"country/VNM"});
}

TEST_CASE("type filter, focus drawn whatever its type", "[diagram]") {
  KnowledgeGraph g = TrickyGraph();
  DiagramOptions o;
  o.include_isolated = true;  // counts every entity, the lone one too
  o.types = {EntityType::kPerson};
  DiagramSelection s = Select(g, o);
  CHECK(Ids(g, s) == std::vector<std::string>{"person/cavusoglu", "person/nguyen", "person/obrien"});
  CHECK(Triples(g, s) == std::vector<std::string>{"person/cavusoglu metWith person/obrien"});

  o.focus = {"country/TUR"};
  o.depth = 3;
  s = Select(g, o);
  // The walk only passes through persons: Türkiye, Çavuşoğlu, O'Brien.
  CHECK(Ids(g, s) == std::vector<std::string>{"country/TUR", "person/cavusoglu", "person/obrien"});
}

TEST_CASE("max_nodes keeps the most connected, ties by id", "[diagram]") {
  KnowledgeGraph g = TrickyGraph();
  DiagramOptions o;
  o.include_isolated = true;  // counts every entity, the lone one too
  o.max_nodes = 3;
  DiagramSelection s = Select(g, o);
  // Côte d'Ivoire has three relations; four entities have two.
  CHECK(Ids(g, s) == std::vector<std::string>{"country/CIV", "org/quoted", "person/cavusoglu"});
  CHECK(Triples(g, s) == std::vector<std::string>{"country/CIV memberOf org/quoted"});

  o.max_nodes = 100;
  CHECK(Select(g, o).vertices.size() == g.entity_count());
}

TEST_CASE("max_nodes with focus keeps the focus, then the nearest", "[diagram]") {
  KnowledgeGraph g = TrickyGraph();
  DiagramOptions o;
  o.focus = {"person/obrien"};
  o.depth = 2;
  o.max_nodes = 2;
  CHECK(Ids(g, Select(g, o)) == std::vector<std::string>{"org/quoted", "person/obrien"});
  o.max_nodes = 4;
  // Côte d'Ivoire (two hops) has three relations but the one-hop entities come first.
  CHECK(Ids(g, Select(g, o)) ==
        std::vector<std::string>{"country/CIV", "org/quoted", "person/cavusoglu", "person/obrien"});
  o.max_nodes = 1;
  o.focus = {"person/obrien", "person/nguyen"};
  CHECK(Ids(g, Select(g, o)) == std::vector<std::string>{"person/nguyen", "person/obrien"});
}

TEST_CASE("BuildDiagram: nodes named by id, styled by type", "[diagram]") {
  KnowledgeGraph g = TrickyGraph();
  DiagramOptions o;
  o.include_isolated = true;  // counts every entity, the lone one too
  o.legend = false;
  o.title = "Tricky \\ names";
  Result<gv::Graph> d = BuildDiagram(g, o);
  REQUIRE(d.ok());
  Agraph_t* dg = d->get();
  CHECK(agnnodes(dg) == 9);
  CHECK(agnedges(dg) == 7);
  CHECK(Attr(dg, "label") == "Tricky \\\\ names");
  CHECK(Attr(dg, "rankdir") == "LR");
  CHECK(Attr(dg, "fontname") == "DejaVu Sans");

  Agnode_t* civ = Node(dg, "country/CIV");
  REQUIRE(civ);
  CHECK(Attr(civ, "label") == "Côte d'Ivoire (CIV)");
  CHECK(Attr(civ, "shape") == "box");
  CHECK(Attr(Node(dg, "person/obrien"), "shape") == "ellipse");
  CHECK(Attr(Node(dg, "person/obrien"), "label") == "Conor O'Brien");
  CHECK(Attr(Node(dg, "org/quoted"), "label") == R"(The "Quoted\\Backslash"\n<Institute> & Co)");
  CHECK(Attr(Node(dg, "location/abidjan"), "label") == "Abidjan City");
  CHECK(Attr(Node(dg, "org/quoted"), "tooltip").find("Organization · education") != std::string::npos);
  CHECK(Attr(Node(dg, "person/obrien"), "tooltip").find(R"(\nalso: O'Brien)") != std::string::npos);
  CHECK(Attr(civ, "fillcolor") != Attr(Node(dg, "person/obrien"), "fillcolor"));
}

TEST_CASE("BuildDiagram: edges labelled and coloured by family", "[diagram]") {
  KnowledgeGraph g = TrickyGraph();
  DiagramOptions o;
  o.legend = false;
  Result<gv::Graph> d = BuildDiagram(g, o);
  REQUIRE(d.ok());
  Agraph_t* dg = d->get();

  Agedge_t* holds = Edge(dg, "person/cavusoglu", "country/TUR");
  Agedge_t* met = Edge(dg, "person/cavusoglu", "person/obrien");
  Agedge_t* criticizes = Edge(dg, "person/obrien", "org/quoted");
  Agedge_t* located = Edge(dg, "location/abidjan", "country/CIV");
  REQUIRE(holds);
  REQUIRE(met);
  REQUIRE(criticizes);
  REQUIRE(located);

  CHECK(Attr(holds, "label") == "holdsPosition\\nForeign Minister");
  CHECK(Attr(met, "label") == "metWith\\n2023-05-02");
  CHECK(Attr(met, "dir") == "none");
  CHECK(Attr(holds, "dir") == "");
  CHECK(std::stod(Attr(met, "penwidth")) > std::stod(Attr(holds, "penwidth")));

  CHECK(Attr(met, "color") != Attr(criticizes, "color"));
  CHECK(Attr(holds, "color") == Attr(located, "color"));
  CHECK(Attr(met, "color") == Attr(Edge(dg, "person/nguyen", "country/CIV"), "color"));

  CHECK(Attr(met, "tooltip").find("Çavuşoğlu met O'Brien in Ankara <on Tuesday> & talked.") != std::string::npos);
  CHECK(Attr(met, "tooltip").find("tr-news.txt") != std::string::npos);
  CHECK(Attr(criticizes, "tooltip").find(R"(C:\\\\Nuclear\\\\path)") != std::string::npos);
  CHECK(Attr(located, "tooltip").find("background knowledge") != std::string::npos);
  CHECK(Attr(located, "style") == "dashed");
  CHECK(Attr(holds, "style") == "");
}

TEST_CASE("BuildDiagram: the key under the title shows what is drawn", "[diagram]") {
  KnowledgeGraph g = TrickyGraph();
  DiagramOptions o;
  o.include_isolated = true;  // counts every entity, the lone one too
  o.title = "Friends & <foes> \\ all";
  Result<gv::Graph> d = BuildDiagram(g, o);
  REQUIRE(d.ok());
  // The key is no part of the graph itself.
  CHECK(agnnodes(d->get()) == 9);
  CHECK(agnedges(d->get()) == 7);
  char* label = agget(d->get(), gv::CString("label").get());
  REQUIRE(label);
  CHECK(aghtmlstr(label));
  std::string key = label;
  CHECK(Has(key, ">Friends &amp; &lt;foes&gt; \\ all<"));
  for (const char* shown : {">Person<", ">Country<", ">Organization<", ">Location<", ">cooperative<", ">hostile<",
                            ">structural<"})
    CHECK(Has(key, shown));
  CHECK_FALSE(Has(key, ">Agreement<"));
  CHECK(Has(key, "background knowledge<"));

  DiagramOptions only_met;
  only_met.predicates = {Predicate::kMetWith};
  Result<gv::Graph> small = BuildDiagram(g, only_met);
  REQUIRE(small.ok());
  key = agget(small->get(), gv::CString("label").get());
  CHECK(Has(key, ">Person<"));
  CHECK(Has(key, ">cooperative<"));
  CHECK_FALSE(Has(key, ">Country<"));
  CHECK_FALSE(Has(key, ">hostile<"));
  CHECK_FALSE(Has(key, "background knowledge"));
}

TEST_CASE("BuildDiagram: an empty graph is an empty diagram", "[diagram]") {
  KnowledgeGraph g;
  Result<gv::Graph> d = BuildDiagram(g, {});
  REQUIRE(d.ok());
  CHECK(agnnodes(d->get()) == 0);
}

}  // namespace
}  // namespace irkg
