// irkg parse: how the extractor reads an article, sentence by sentence —
// for a person writing a frame or tracing why a fact was missed.
#include <cstdio>

#include "cli/command.h"
#include "extract/article_reader.h"
#include "extract/extractor.h"

namespace irkg::cli {

int RunParse(const Args& args) {
  if (args.positional().empty()) return Fail(Status::Usage("parse needs an ARTICLE (.txt, .jsonl, or - for standard input)"));
  auto dict = Dictionary::LoadDefault(args.All("--dict"));
  if (!dict.ok()) return Fail(dict.status());
  auto lexicon = Lexicon::LoadDefault();
  if (!lexicon.ok()) return Fail(lexicon.status());
  auto reader = ArticleReader::Open(args.positional());
  if (!reader.ok()) return Fail(reader.status());
  reader->set_warning_sink([](const std::string& w) { Warn(w); });
  auto frames = FrameTable::LoadDefault();
  if (!frames.ok()) return Fail(frames.status());
  Extractor extractor(*dict, *lexicon, *frames);
  std::string only = args.Get("--doc", "");
  Article a;
  while (true) {
    auto next = reader->Next(&a);
    if (!next.ok()) return Fail(next.status());
    if (!*next) break;
    if (!only.empty() && a.doc != only) continue;
    std::printf("== %s\n%s", a.doc.c_str(), extractor.Explain(a).c_str());
  }
  return std::fflush(stdout) == 0 && !std::ferror(stdout) ? kExitOk : Fail(Status::IoError("standard output: write failed"));
}

}  // namespace irkg::cli
