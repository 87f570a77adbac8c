// irkg build and irkg merge: records and graphs in, one graph out.
#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <functional>

#include <malloc.h>

#include "cli/command.h"
#include "cli/graph_io.h"
#include "cli/pipeline.h"
#include "cli/record_reader.h"
#include "core/output_file.h"
#include "export/diagram.h"
#include "export/renderer.h"
#include "graph/graph_builder.h"
#include "graph/graph_reader.h"
#include "graph/person_name_folds.h"

namespace irkg::cli {
namespace {

Status RenderTo(const KnowledgeGraph& graph, const std::string& path) {
  std::string ext = std::filesystem::path(path).extension().string();
  if (!ext.empty()) ext.erase(0, 1);
  auto out = OutputFile::Open(path);
  if (!out.ok()) return out.status();
  DiagramOptions options;
  Status s = RenderDiagram(graph, options, "dot", ext, *out);
  if (!s.ok()) return s;
  return out->Commit();
}

// Calls `add` with each path listed in `list` (one a line, "-" for standard
// input) as soon as its line is read, so that a driver can hand over files
// while it is still making others (irkg-dask: each partition's records as its
// extraction ends); stops at the first error.
Status ForEachListedPath(const std::string& list, const std::function<Status(const std::string&)>& add) {
  FILE* in = list == "-" ? stdin : std::fopen(list.c_str(), "rb");
  if (!in) return Status::IoError(list + ": cannot open: " + std::strerror(errno));
  char* buf = nullptr;
  size_t cap = 0;
  ssize_t n;
  Status status;
  while (status.ok() && (n = getline(&buf, &cap, in)) >= 0) {
    std::string path(buf, static_cast<size_t>(n));
    while (!path.empty() && (path.back() == '\n' || path.back() == '\r')) path.pop_back();
    if (!path.empty()) status = add(path);
  }
  if (status.ok() && std::ferror(in)) status = Status::IoError(list + ": read error: " + std::strerror(errno));
  std::free(buf);
  if (in != stdin) std::fclose(in);
  return status;
}

// A merge grows to its peak and ends: memory it frees (a chunk of records
// parsed and added, a batch of JSON-LD written) is wanted again a moment
// later. glibc hands big blocks and the free top of a thread's heap back to
// the kernel, and every page then faults in again, zeroed. Kept, they are
// reused: on the records of 200 MB of news, -j 2 took 7.4-7.7 CPU s instead
// of 8.4-9.1 (docs/scale.md).
void KeepFreedMemory() {
  mallopt(M_MMAP_THRESHOLD, 64 << 20);
  mallopt(M_TRIM_THRESHOLD, 1 << 30);
}

}  // namespace

int RunBuild(const Args& args) {
  auto options = PipelineOptionsFrom(args);
  if (!options.ok()) return Fail(options.status());
  std::string output = args.Get("--output");
  if (output.empty()) return Fail(Status::Usage("build needs -o GRAPH.jsonld"));
  if (Status folds = PersonNameFolds::InUseStatus(); !folds.ok()) return Fail(folds);
  GraphBuilder builder;
  if (args.Has("--into")) {
    auto base = ReadGraphFile(args.Get("--into"));
    if (!base.ok()) return Fail(base.status());
    builder.AddGraph(*base);
    options->skip = [&](const std::string& doc) { return builder.HasArticle(doc); };
  }
  auto result = RunPipeline(*options, [&](ExtractionRecord&& r) { builder.AddRecord(r); });
  if (!result.ok()) return Fail(result.status());
  KnowledgeGraph graph = builder.Build();
  Status s = SaveGraph(graph, output);
  if (!s.ok()) return Fail(s);
  std::string diagram = args.Get("--diagram");
  if (!diagram.empty()) {
    s = RenderTo(graph, diagram);
    if (!s.ok()) return Fail(s);
  }
  if (!options->quiet) {
    std::string known = result->skipped_known ? " (" + std::to_string(result->skipped_known) + " already in the graph)" : "";
    Note("read " + std::to_string(result->articles) + (result->articles == 1 ? " article" : " articles") + known +
         "\n" + Summary(graph) + "\n  graph:     " + output + (diagram.empty() ? "" : "\n  diagram:   " + diagram));
  }
  if (result->skipped_bad) {
    Warn(std::to_string(result->skipped_bad) + " bad input(s) skipped");
    return kExitFailure;
  }
  return kExitOk;
}

int RunMerge(const Args& args) {
  std::string output = args.Get("--output");
  if (output.empty()) return Fail(Status::Usage("merge needs -o GRAPH.jsonld"));
  const std::string list = args.Get("--inputs-from");
  if (args.positional().empty() && list.empty()) return Fail(Status::Usage("merge needs at least one FILE"));
  if (list == "-" && std::find(args.positional().begin(), args.positional().end(), "-") != args.positional().end())
    return Fail(Status::Usage("standard input cannot be both a FILE and --inputs-from's list"));
  if (Status folds = PersonNameFolds::InUseStatus(); !folds.ok()) return Fail(folds);
  // One thread by default, for a merge that runs beside other work; one that
  // runs alone (irkg-dask's last merge) takes the machine's cores with -j N:
  // one thread adds the records while others parse them, then N threads
  // write the JSON-LD (docs/scale.md).
  auto jobs = args.GetInt("--jobs", 1, 1, 256);
  if (!jobs.ok()) return Fail(jobs.status());
  KeepFreedMemory();
  GraphBuilder builder;
  auto add = [&](const std::string& path) -> Status {
    std::string ext = std::filesystem::path(path).extension().string();
    if (ext == ".jsonld" || ext == ".json") {
      auto g = ReadGraphFile(path);
      if (!g.ok()) return g.status();
      builder.AddGraph(*g);
      return Status::Ok();
    }
    return ReadRecordFile(path, static_cast<unsigned>(*jobs), [&](ExtractionRecord&& r) { builder.AddRecord(r); });
  };
  for (const auto& path : args.positional())
    if (Status s = add(path); !s.ok()) return Fail(s);
  if (!list.empty())
    if (Status s = ForEachListedPath(list, add); !s.ok()) return Fail(s);
  KnowledgeGraph graph = builder.Build();
  Status s = SaveGraph(graph, output, static_cast<unsigned>(*jobs));
  if (!s.ok()) return Fail(s);
  if (!args.Has("--quiet")) Note("merged\n" + Summary(graph) + "\n  graph:     " + output);
  return kExitOk;
}

}  // namespace irkg::cli
