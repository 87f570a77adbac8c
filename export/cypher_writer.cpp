#include "export/cypher_writer.h"

#include "export/escape.h"
#include "export/property_graph.h"
#include "export/rdf_graph.h"

namespace irkg {
namespace {

void AppendStringList(const std::vector<Symbol>& values, std::string* out) {
  out->push_back('[');
  for (size_t i = 0; i < values.size(); ++i) {
    if (i) out->append(", ");
    AppendCypherString(values[i], out);
  }
  out->push_back(']');
}

}  // namespace

void AppendCypherString(std::string_view text, std::string* out) { AppendBackslashEscaped(text, '\'', out); }

Status WriteCypher(const KnowledgeGraph& graph, OutputFile& out) {
  if (Status s = pg::CheckText(graph); !s.ok()) return s;
  std::string b =
      "// irkg knowledge graph: " + std::to_string(graph.entity_count()) + " entities, " +
      std::to_string(graph.relation_count()) +
      " relations.\n"
      "// For speed, first index :Entity(id):\n"
      "//   Neo4j 5:  CREATE CONSTRAINT IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;\n"
      "//   Memgraph: CREATE INDEX ON :Entity(id);\n";
  auto flush = [&] {
    if (b.size() < (1 << 16)) return;
    out.Write(b);
    b.clear();
  };
  for (VertexId v : pg::EntitiesInOrder(graph)) {
    const Entity& e = graph.entity(v);
    b.append("MERGE (n:Entity {id: ");
    AppendCypherString(e.id, &b);
    b.append("}) SET n:").append(EntityTypeName(e.type)).append(", n.name = ");
    AppendCypherString(e.name, &b);
    b.append(", n.type = ");
    AppendCypherString(EntityTypeName(e.type), &b);
    if (!e.subtype.empty()) {
      b.append(", n.subtype = ");
      AppendCypherString(e.subtype, &b);
    }
    if (!e.code.empty()) {
      b.append(", n.code = ");
      AppendCypherString(e.code, &b);
    }
    b.append(", n.aliases = ");
    AppendStringList(e.aliases, &b);
    b.append(";\n");
    flush();
  }
  for (EdgeId edge : pg::RelationsInOrder(graph)) {
    const Relation& r = graph.relation(edge);
    b.append("MATCH (a:Entity {id: ");
    AppendCypherString(graph.entity(graph.source(edge)).id, &b);
    b.append("}), (b:Entity {id: ");
    AppendCypherString(graph.entity(graph.target(edge)).id, &b);
    b.append("}) MERGE (a)-[r:").append(pg::RelationshipType(r.predicate)).append("]->(b) SET r.title = ");
    AppendCypherString(Join(Titles(r), "; "), &b);
    b.append(", r.date = ");
    AppendCypherString(Join(Dates(r), "; "), &b);
    b.append(", r.confidence = ").append(rdf::DoubleLexical(r.confidence));
    b.append(", r.articles = ").append(std::to_string(r.article_count));
    if (Symbol first = FirstSeen(r); !first.empty()) {
      b.append(", r.first_seen = ");
      AppendCypherString(first, &b);
      b.append(", r.last_seen = ");
      AppendCypherString(LastSeen(r), &b);
    }
    if (!pg::Cameo(r).empty()) {
      b.append(", r.cameo = ");
      AppendCypherString(pg::Cameo(r), &b);
      b.append(", r.goldstein = ").append(pg::Goldstein(r));
    }
    b.append(", r.evidence = ");
    AppendCypherString(pg::FirstEvidence(r), &b);
    b.append(";\n");
    flush();
  }
  out.Write(b);
  return Status::Ok();
}

}  // namespace irkg
