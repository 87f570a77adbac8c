#include <catch2/catch.hpp>

#include <rapidjson/document.h>

#include <algorithm>
#include <cstdio>
#include <random>

#include "export/jsonld_writer.h"
#include "graph/graph_builder.h"
#include "graph/graph_reader.h"
#include "tests/graph/test_graphs.h"

using namespace irkg;
using namespace irkg::testing;

namespace {

std::string JsonLdOf(const KnowledgeGraph& g) {
  std::string out;
  Status s = WriteJsonLdToString(g, &out);
  REQUIRE(s.ok());
  return out;
}

KnowledgeGraph SampleGraph() {
  GraphBuilder b;
  for (const auto& r : SampleRecords()) b.AddRecord(r);
  return b.Build();
}

}  // namespace

TEST_CASE("the JSON-LD is one JSON document with an inline context") {
  std::string text = JsonLdOf(SampleGraph());
  rapidjson::Document doc;
  doc.Parse(text.c_str());
  REQUIRE_FALSE(doc.HasParseError());
  REQUIRE(doc.IsObject());
  REQUIRE(doc.HasMember("@context"));
  REQUIRE(doc["@context"].IsObject());
  REQUIRE(doc["@graph"].IsArray());

  // Every key used anywhere in @graph is a term of the context (or a keyword).
  const auto& context = doc["@context"];
  std::vector<const rapidjson::Value*> pending;
  for (const auto& node : doc["@graph"].GetArray()) pending.push_back(&node);
  size_t keys = 0;
  while (!pending.empty()) {
    const rapidjson::Value* v = pending.back();
    pending.pop_back();
    if (v->IsArray()) {
      for (const auto& item : v->GetArray()) pending.push_back(&item);
    } else if (v->IsObject()) {
      for (const auto& m : v->GetObject()) {
        std::string key = m.name.GetString();
        INFO("key " << key);
        CHECK((key[0] == '@' || context.HasMember(key.c_str())));
        ++keys;
        pending.push_back(&m.value);
      }
    }
  }
  CHECK(keys > 100);
  // Types are terms too.
  for (const auto& node : doc["@graph"].GetArray())
    if (node.HasMember("@type")) CHECK(context.HasMember(node["@type"].GetString()));
}

TEST_CASE("entities carry their direct edges and statements their provenance") {
  std::string text = JsonLdOf(SampleGraph());
  CHECK(text.find("{\"@id\":\"https://w3id.org/irkg/id/person/mohammad-javad-zarif\",\"@type\":\"Person\","
                  "\"name\":\"Mohammad Javad Zarif\"") != std::string::npos);
  CHECK(text.find("\"holdsPosition\":[\"https://w3id.org/irkg/id/country/IRN\"]") != std::string::npos);
  CHECK(text.find("\"@type\":\"Statement\",\"subject\":\"https://w3id.org/irkg/id/person/mohammad-javad-zarif\","
                  "\"predicate\":\"metWith\",\"object\":\"https://w3id.org/irkg/id/person/sergei-lavrov\"") !=
        std::string::npos);
  CHECK(text.find("\"confidence\":0.925,\"articleCount\":2") != std::string::npos);
  CHECK(text.find("\"@type\":\"GovernmentOrganization\"") == std::string::npos);
  CHECK(text.find("\"@type\":\"Corporation\",\"name\":\"SOCAR\"") != std::string::npos);
  CHECK(text.find("\"@id\":\"https://w3id.org/irkg/id/article/rome-forum.txt\",\"@type\":\"Article\"") !=
        std::string::npos);
  // One node per line between the context and the closing bracket.
  size_t lines = std::count(text.begin(), text.end(), '\n');
  KnowledgeGraph g = SampleGraph();
  CHECK(lines == 2 + g.entity_count() + g.relation_count() + g.articles().size() + 1);
}

TEST_CASE("shuffled and sharded merges write identical bytes") {
  auto records = SampleRecords();
  const std::string expected = JsonLdOf(SampleGraph());
  std::mt19937 rng(7);
  for (int round = 0; round < 6; ++round) {
    std::shuffle(records.begin(), records.end(), rng);
    size_t cut = 1 + rng() % (records.size() - 1);
    GraphBuilder left, right, total;
    for (size_t i = 0; i < cut; ++i) left.AddRecord(records[i]);
    for (size_t i = cut; i < records.size(); ++i) right.AddRecord(records[i]);
    total.AddGraph(right.Build());
    total.AddGraph(left.Build());
    CHECK(JsonLdOf(total.Build()) == expected);
  }
}

TEST_CASE("the writer refuses invalid UTF-8 instead of emitting it") {
  // The second after a run of ASCII long enough for the eight-byte scan.
  for (const char* name : {"Bad \xff name", "A long enough plain prefix \xc3 then a cut sequence"}) {
    KnowledgeGraph g;
    Entity e;
    e.id = "person/x";
    e.name = name;
    g.AddEntity(e);
    std::string out;
    Status s = WriteJsonLdToString(g, &out);
    REQUIRE_FALSE(s.ok());
    CHECK(s.message().find("person/x") != std::string::npos);
  }
}

// Plain strings are copied whole and the rest escaped byte by byte
// (jsonld_writer.cpp): a character to escape, or a non-ASCII one, at every
// offset of an eight-byte block and of the tail must come out right.
TEST_CASE("names with characters to escape at any offset read back the same") {
  const std::vector<std::string> specials = {"\"", "\\", "\n", "\x01", "\x1f", "\xc3\xa9", "\xe2\x80\x94", "/", " "};
  std::vector<std::string> names;
  for (const std::string& special : specials)
    for (size_t before = 0; before < 19; ++before)
      names.push_back("Q" + std::string(before, 'x') + special + std::string(19 - before, 'y'));
  KnowledgeGraph g;
  for (size_t i = 0; i < names.size(); ++i) {
    Entity e;
    e.id = "person/p" + std::to_string(i);
    e.name = names[i];
    g.AddEntity(e);
  }
  std::string out = JsonLdOf(g);
  rapidjson::Document doc;
  doc.Parse(out.data(), out.size());
  REQUIRE_FALSE(doc.HasParseError());
  std::vector<std::string> read;
  for (const auto& node : doc["@graph"].GetArray())
    if (node.HasMember("name")) read.emplace_back(node["name"].GetString(), node["name"].GetStringLength());
  std::sort(read.begin(), read.end());
  std::sort(names.begin(), names.end());
  CHECK(read == names);
  CHECK(out.find("\\n") != std::string::npos);
  CHECK(out.find("\\u001F") != std::string::npos);
}

TEST_CASE("the graph goes to a file through OutputFile") {
  std::string path = "jsonld_test_output.jsonld";
  auto out = OutputFile::Open(path);
  REQUIRE(out.ok());
  REQUIRE(WriteJsonLd(SampleGraph(), *out).ok());
  REQUIRE(out->Commit().ok());
  FILE* f = std::fopen(path.c_str(), "rb");
  REQUIRE(f);
  std::string text;
  char buf[4096];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) text.append(buf, n);
  std::fclose(f);
  std::remove(path.c_str());
  CHECK(text == JsonLdOf(SampleGraph()));
}

TEST_CASE("reading the JSON-LD back gives the same graph, and the same bytes again") {
  KnowledgeGraph g = SampleGraph();
  std::string text = JsonLdOf(g);
  auto back = ReadGraphJsonLd(text, "sample.jsonld");
  INFO(back.status().message());
  REQUIRE(back.ok());
  RequireSameGraph(*back, g);
  CHECK(JsonLdOf(*back) == text);

  // A read graph merges like the built one.
  GraphBuilder b;
  b.AddGraph(*back);
  RequireSameGraph(b.Build(), g);
}

TEST_CASE("awkward text survives the round trip") {
  RecordMaker m("notes #1 \"draft\"?.txt", "2024-04-04");
  auto p = m.Entity("Chloé \"Zoe\" Dubois-Ngô", EntityType::kPerson, "", {"Dubois-Ngô", "la ministre"});
  auto c = m.Entity("Côte d’Ivoire", EntityType::kCountry, "CIV", {"ivoirien"});
  m.Triple(p, Predicate::kVisited, c, 3, "Line one\nline \"two\"\t— 東京 😀", 1.0 / 3.0, "rule/with/slashes").date =
      "2024-04";
  GraphBuilder b;
  b.AddRecord(m.record());
  KnowledgeGraph g = b.Build();
  std::string text = JsonLdOf(g);
  auto back = ReadGraphJsonLd(text, "awkward.jsonld");
  INFO(back.status().message());
  REQUIRE(back.ok());
  RequireSameGraph(*back, g);
  CHECK(text.find("article/notes%20%231%20%22draft%22%3F.txt") != std::string::npos);
}

// `count` people, ids person/PREFIXnnnnn, each seen in `articles` articles.
static KnowledgeGraph NumberedPeople(const char* prefix, int count, int articles) {
  KnowledgeGraph g;
  for (int i = 0; i < count; ++i) {
    Entity e;
    char id[32];
    std::snprintf(id, sizeof id, "person/%s%05d", prefix, i);
    e.id = id;
    e.name = "Person " + std::to_string(i);
    for (int a = 0; a < articles; ++a) e.sightings.push_back(Sighting{Symbol("wire-" + std::to_string(a)), e.name, Symbol(), Symbol(), {}});
    g.AddEntity(e);
  }
  return g;
}

static void RequireSameBytesOnThreads(const KnowledgeGraph& g, std::initializer_list<unsigned> jobs_list) {
  std::string serial;
  REQUIRE(WriteJsonLdToString(g, &serial, 1).ok());
  for (unsigned jobs : jobs_list) {
    std::string parallel;
    REQUIRE(WriteJsonLdToString(g, &parallel, jobs).ok());
    CHECK(parallel == serial);
  }
}

TEST_CASE("entities with many sightings are spread over batches by their size, the same bytes") {
  // 3,000 entities seen in 100 articles each: batches are cut by the text
  // they make, not at 2048 nodes, so there are more of them than the ring
  // holds, and the entities are not all one thread's.
  RequireSameBytesOnThreads(NumberedPeople("q", 3000, 100), {2u, 3u});
}

TEST_CASE("written on several threads, the JSON-LD is the same bytes and names the same bad node") {
  // More nodes than one thread's batch (2048), so batches finish out of order,
  // and more batches (20) than the ring of 4 per thread holds for 2 or 3
  // threads, so slots are used again.
  KnowledgeGraph g = NumberedPeople("p", 40000, 0);
  RequireSameBytesOnThreads(g, {2u, 3u, 8u});
  // Two unwritable entities in different batches, past the first round of the
  // ring: the first in file order is named.
  for (const char* id : {"person/p27000x", "person/p39000x"}) {
    Entity e;
    e.id = id;
    e.name = "Bad \xff name";
    g.AddEntity(e);
  }
  for (unsigned jobs : {1u, 2u, 3u}) {
    std::string out;
    Status s = WriteJsonLdToString(g, &out, jobs);
    REQUIRE_FALSE(s.ok());
    CHECK(s.message().find("person/p27000x") != std::string::npos);
  }
}
