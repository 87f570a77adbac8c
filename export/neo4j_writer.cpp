#include "export/neo4j_writer.h"

#include <algorithm>

#include "core/output_file.h"
#include "export/csv.h"
#include "export/property_graph.h"
#include "export/rdf_graph.h"

namespace irkg {
namespace {

// neo4j-admin splits array fields (aliases, :LABEL) on ';' and has no
// escape for it: an alias holding one would come back as two. A ',' keeps
// it one alias and costs little.
std::string ArrayField(const std::vector<Symbol>& values) {
  std::string field;
  for (size_t i = 0; i < values.size(); ++i) {
    if (i) field.push_back(';');
    for (char c : values[i].view()) field.push_back(c == ';' ? ',' : c);
  }
  return field;
}

Status WriteFile(const std::string& path, const std::string& text) {
  auto out = OutputFile::Open(path);
  if (!out.ok()) return out.status();
  out->Write(text);
  return out->Commit();
}

}  // namespace

std::string Neo4jImportCommand() {
  // Evidence sentences may hold newlines inside quoted fields, which the
  // importer reads only with --multiline-fields.
  return "neo4j-admin database import full --nodes=nodes.csv --relationships=relationships.csv "
         "--multiline-fields=true --overwrite-destination neo4j";
}

Status WriteNeo4jImport(const KnowledgeGraph& graph, const std::string& dir) {
  if (Status s = pg::CheckText(graph); !s.ok()) return s;
  if (Status s = EnsureDirectory(dir); !s.ok()) return s;

  auto nodes = OutputFile::Open(dir + "/nodes.csv");
  if (!nodes.ok()) return nodes.status();
  std::string buffer = "id:ID,name,type,subtype,code,aliases:string[],:LABEL\n";
  for (VertexId v : pg::EntitiesInOrder(graph)) {
    const Entity& e = graph.entity(v);
    std::string type(EntityTypeName(e.type));
    csv::AppendRow({e.id, e.name, type, e.subtype, e.code, ArrayField(e.aliases), "Entity;" + type}, &buffer);
    if (buffer.size() >= (1 << 16)) {
      nodes->Write(buffer);
      buffer.clear();
    }
  }
  nodes->Write(buffer);

  auto rels = OutputFile::Open(dir + "/relationships.csv");
  if (!rels.ok()) return rels.status();
  buffer = ":START_ID,:END_ID,:TYPE,title,date,confidence:double,articles:int,first_seen,last_seen,cameo,"
           "goldstein:double,evidence\n";
  for (EdgeId edge : pg::RelationsInOrder(graph)) {
    const Relation& r = graph.relation(edge);
    csv::AppendRow({graph.entity(graph.source(edge)).id, graph.entity(graph.target(edge)).id,
                    pg::RelationshipType(r.predicate), Join(Titles(r), "; "), Join(Dates(r), "; "),
                    rdf::DoubleLexical(r.confidence), std::to_string(r.article_count), FirstSeen(r), LastSeen(r),
                    pg::Cameo(r), pg::Goldstein(r), pg::FirstEvidence(r)},
                   &buffer);
    if (buffer.size() >= (1 << 16)) {
      rels->Write(buffer);
      buffer.clear();
    }
  }
  rels->Write(buffer);

  std::string readme =
      "An irkg knowledge graph for Neo4j 5's offline importer.\n"
      "\n"
      "nodes.csv          one row per entity: labels :Entity and its type (:Person, :Country,\n"
      "                   :Organization, :Location, :Agreement, :Project); aliases is a string array\n"
      "relationships.csv  one row per relation; the type is the predicate (HOLDS_POSITION,\n"
      "                   MET_WITH, ...); title and date join several values with \"; \";\n"
      "                   first_seen and last_seen are the earliest and latest evidence dates;\n"
      "                   cameo and goldstein code the events (empty for offices, membership...);\n"
      "                   evidence is the first sentence that states it\n"
      "\n"
      "Stop the database, then run from this directory (it replaces the database 'neo4j'):\n"
      "\n"
      "    " + Neo4jImportCommand() + "\n"
      "\n"
      "Symmetric predicates (DIPLOMATIC_RELATIONS, MET_WITH, COOPERATES_WITH) are stored\n"
      "once; query them without a direction: MATCH (a)-[:MET_WITH]-(b).\n";
  if (Status s = WriteFile(dir + "/README.txt", readme); !s.ok()) return s;
  if (Status s = nodes->Commit(); !s.ok()) return s;
  return rels->Commit();
}

}  // namespace irkg
