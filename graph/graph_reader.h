// Reading a graph back from its JSON-LD file (export/jsonld_writer.h), the
// graph's own storage. The reader checks what it reads, names the node at
// fault ("graph.jsonld: statement 12: object 'person/x' is not defined"),
// and returns the graph in canonical order: reading what the writer wrote
// gives back the graph that was written. The file is parsed as a stream, a
// node at a time, so that reading takes little more memory than the graph.
#pragma once

#include <string>
#include <string_view>

#include "core/status.h"
#include "graph/knowledge_graph.h"

namespace irkg {

Result<KnowledgeGraph> ReadGraphFile(const std::string& path);

// The same from text in memory; `name` stands for the file in messages.
Result<KnowledgeGraph> ReadGraphJsonLd(std::string_view text, const std::string& name);

}  // namespace irkg
