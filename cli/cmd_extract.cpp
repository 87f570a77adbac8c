// irkg extract: articles in, one extraction record per article out (JSON Lines).
#include "cli/command.h"
#include "cli/pipeline.h"
#include "core/output_file.h"
#include "core/record_json.h"

namespace irkg::cli {

int RunExtract(const Args& args) {
  auto options = PipelineOptionsFrom(args);
  if (!options.ok()) return Fail(options.status());
  auto out = OutputFile::Open(args.Get("--output", "-"));
  if (!out.ok()) return Fail(out.status());
  std::string line;
  size_t triples = 0;
  auto result = RunPipeline(*options, [&](ExtractionRecord&& r) {
    line.clear();
    AppendRecordJson(r, &line);
    triples += r.triples.size();
    out->Write(line);
  });
  if (!result.ok()) return Fail(result.status());
  Status s = out->Commit();
  if (!s.ok()) return Fail(s);
  if (!options->quiet)
    Note("extracted " + std::to_string(result->articles) + " articles, " + std::to_string(triples) + " triples" +
         (out->path() == "-" ? "" : " -> " + out->path()));
  if (result->skipped_bad) {
    Warn(std::to_string(result->skipped_bad) + " bad input(s) skipped");
    return kExitFailure;
  }
  return kExitOk;
}

}  // namespace irkg::cli
