// Arbitrary bytes as a JSON-LD graph file: the reader must reject them with
// a Status or return a graph that the writer saves and the reader takes back
// unchanged (the graph file is the graph's own storage).
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "export/jsonld_writer.h"
#include "graph/graph_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto graph = irkg::ReadGraphJsonLd(text, "fuzz.jsonld");
  if (!graph.ok()) return 0;
  std::string first;
  if (!irkg::WriteJsonLdToString(*graph, &first).ok()) return 0;
  auto again = irkg::ReadGraphJsonLd(first, "rewritten.jsonld");
  if (!again.ok()) std::abort();
  std::string second;
  if (!irkg::WriteJsonLdToString(*again, &second).ok() || first != second) std::abort();
  return 0;
}
