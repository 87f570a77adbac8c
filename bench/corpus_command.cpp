// irkg-bench corpus: writes articles 0, 1, 2 ... of the synthetic corpus for
// a seed until the file holds --mb megabytes (10^6 bytes), so a smaller
// corpus is a prefix of a larger one with the same seed.
#include <cstdio>
#include <string>

#include "bench/commands.h"
#include "bench/corpus_generator.h"
#include "bench/json_out.h"
#include "bench/measure.h"
#include "cli/command.h"
#include "core/output_file.h"

namespace irkg::bench {

std::vector<cli::OptionSpec> CorpusOptions() {
  return {
      {"--mb", nullptr, "N", "size in megabytes (10^6 bytes; fractions allowed), default 1"},
      {"--seed", nullptr, "S", "random seed, default 1"},
      {"--output", "-o", "FILE.jsonl", "where to write the corpus (written atomically)"},
  };
}

int RunCorpus(const cli::Args& args) {
  auto mb = args.GetDouble("--mb", 1, 0.001, 1e6);
  auto seed = args.GetInt("--seed", 1, 0, std::numeric_limits<long>::max());
  if (!mb.ok()) return cli::Fail(mb.status());
  if (!seed.ok()) return cli::Fail(seed.status());
  std::string path = args.Get("--output");
  if (path.empty()) return cli::Fail(Status::Usage("corpus needs -o FILE.jsonl"));
  auto out = OutputFile::Open(path);
  if (!out.ok()) return cli::Fail(out.status());

  Stopwatch clock;
  const auto limit = static_cast<uint64_t>(*mb * 1e6);
  uint64_t written = 0, articles = 0, words = 0;
  std::string chunk;
  while (written < limit) {
    SyntheticArticle a = MakeArticle(static_cast<uint64_t>(*seed), articles++);
    bool in_word = false;
    for (char c : a.text) {
      bool space = c == ' ' || c == '\n';
      words += !space && !in_word;
      in_word = !space;
    }
    size_t before = chunk.size();
    AppendArticleJson(a, &chunk);
    written += chunk.size() - before;
    if (chunk.size() > (4u << 20)) {
      out->Write(chunk);
      chunk.clear();
    }
  }
  out->Write(chunk);
  Status s = out->Commit();
  if (!s.ok()) return cli::Fail(s);

  JsonOut j;
  j.Str("bench", "corpus");
  j.Str("output", path);
  j.Num("seed", *seed);
  j.Num("articles", static_cast<double>(articles));
  j.Num("bytes", static_cast<double>(written));
  j.Num("mean_words", static_cast<double>(words) / static_cast<double>(articles));
  j.Num("seconds", clock.Seconds());
  j.Num("mb_per_s", static_cast<double>(written) / 1e6 / clock.Seconds());
  j.Print();
  return cli::kExitOk;
}

}  // namespace irkg::bench
