#include "export/kuzu_writer.h"

#include "core/output_file.h"
#include "export/csv.h"
#include "export/property_graph.h"
#include "export/rdf_graph.h"

namespace irkg {
namespace {

constexpr const char* kSchema =
    "CREATE NODE TABLE Entity(id STRING, name STRING, type STRING, subtype STRING, code STRING, "
    "aliases STRING, PRIMARY KEY(id));\n"
    "CREATE REL TABLE Relation(FROM Entity TO Entity, predicate STRING, symmetric BOOLEAN, title STRING, "
    "date STRING, confidence DOUBLE, articles INT64, first_seen STRING, last_seen STRING, cameo STRING, "
    "goldstein DOUBLE, evidence STRING);\n";

// PARALLEL=FALSE: Kùzu's parallel CSV reader cannot follow a quoted field
// across lines, and evidence sentences may hold newlines.
constexpr const char* kLoad =
    "COPY Entity FROM 'entities.csv' (HEADER=TRUE, PARALLEL=FALSE);\n"
    "COPY Relation FROM 'relations.csv' (HEADER=TRUE, PARALLEL=FALSE);\n";

Status WriteFile(const std::string& path, std::string_view text) {
  auto out = OutputFile::Open(path);
  if (!out.ok()) return out.status();
  out->Write(text);
  return out->Commit();
}

}  // namespace

Status WriteKuzu(const KnowledgeGraph& graph, const std::string& dir) {
  if (Status s = pg::CheckText(graph); !s.ok()) return s;
  if (Status s = EnsureDirectory(dir); !s.ok()) return s;

  auto entities = OutputFile::Open(dir + "/entities.csv");
  if (!entities.ok()) return entities.status();
  std::string buffer = "id,name,type,subtype,code,aliases\n";
  for (VertexId v : pg::EntitiesInOrder(graph)) {
    const Entity& e = graph.entity(v);
    // Aliases as one "; "-joined string: Kùzu's CSV list syntax [a,b] has
    // no escape for a comma inside an element.
    csv::AppendRow({e.id, e.name, EntityTypeName(e.type), e.subtype, e.code, Join(e.aliases, "; ")},
                   &buffer);
    if (buffer.size() >= (1 << 16)) {
      entities->Write(buffer);
      buffer.clear();
    }
  }
  entities->Write(buffer);

  auto relations = OutputFile::Open(dir + "/relations.csv");
  if (!relations.ok()) return relations.status();
  buffer = "from,to,predicate,symmetric,title,date,confidence,articles,first_seen,last_seen,cameo,goldstein,evidence\n";
  for (EdgeId edge : pg::RelationsInOrder(graph)) {
    const Relation& r = graph.relation(edge);
    csv::AppendRow({graph.entity(graph.source(edge)).id, graph.entity(graph.target(edge)).id,
                    PredicateName(r.predicate), Info(r.predicate).symmetric ? "true" : "false",
                    Join(Titles(r), "; "), Join(Dates(r), "; "), rdf::DoubleLexical(r.confidence),
                    std::to_string(r.article_count), FirstSeen(r), LastSeen(r), pg::Cameo(r), pg::Goldstein(r),
                    pg::FirstEvidence(r)},
                   &buffer);
    if (buffer.size() >= (1 << 16)) {
      relations->Write(buffer);
      buffer.clear();
    }
  }
  relations->Write(buffer);

  if (Status s = WriteFile(dir + "/schema.cypher", kSchema); !s.ok()) return s;
  if (Status s = WriteFile(dir + "/load.cypher", kLoad); !s.ok()) return s;
  if (Status s = entities->Commit(); !s.ok()) return s;
  return relations->Commit();
}

}  // namespace irkg
