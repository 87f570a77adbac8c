// irkg-bench linearity: is extraction linear in an article's length? One
// article of N paragraphs and one of N x FACTOR, each of invented diplomatic
// sentences (a meeting, titles, a counterpart, an agreement, a ministry's
// statement, an acronym, pronouns, membership), are extracted in-process and
// timed in CPU seconds (the best of --reps runs). Linear extraction gives a
// ratio near FACTOR; a pass quadratic in the article's mentions or
// sentences gives one near FACTOR squared (for FACTOR 10: ~140 before the
// office rules were indexed, ~10 after). With --max-ratio the command
// fails when the ratio exceeds it (CTest runs it so).
#include <string>

#include "bench/commands.h"
#include "bench/json_out.h"
#include "bench/measure.h"
#include "bench/ratio_guard.h"
#include "bench/synthetic_names.h"
#include "cli/command.h"
#include "extract/extractor.h"

namespace irkg::bench {
namespace {

// Paragraph k: people and an agreement named once (new entities every
// paragraph) beside people and bodies every paragraph names again (mentions of one entity
// grow with the article).
// With `role_reference`, a phrase that names an office and no person ("the
// foreign ministers") is added: the relation rules resolve it by a search of
// every person so far (ReferenceResolver::PersonByRole), which is still
// quadratic in the article's length.
std::string Paragraph(uint64_t k, bool role_reference) {
  std::string guest = SyllableName(2 * k + 100) + " " + SyllableName(2 * k + 101, 3);
  return "Foreign Minister Lina Berg met Turkish Foreign Minister " + guest +
         " in Ankara on Monday. The two ministers signed the " + SyllableName(k + 7) +
         " Trade Agreement, and the Norwegian Foreign "
         "Ministry welcomed the deal. Berg said her counterpart had condemned the attack on the border town of "
         "Kars, and President Sven Dahl of Norway will visit Istanbul. He thanked the United Nations (UN), and the "
         "UN said that Turkey and Norway are members of NATO. Berg and " + guest +
         ", foreign ministers of Norway and Turkey respectively, spoke to reporters." +
         (role_reference ? " The foreign ministers then left.\n" : "\n");
}

double ExtractSeconds(const Extractor& extractor, const Article& article, int reps) {
  double best = 1e300;
  for (int r = 0; r < reps; ++r) {
    double start = CpuSeconds();
    ExtractionRecord record = extractor.Extract(article);
    best = std::min(best, CpuSeconds() - start);
    if (record.entities.empty()) return -1;  // nothing read: the figure would mean nothing
  }
  return best;
}

}  // namespace

std::vector<cli::OptionSpec> LinearityOptions() {
  return {
      {"--paragraphs", nullptr, "N", "paragraphs of the shorter article (default 200)"},
      {"--factor", nullptr, "F", "the longer article has F times as many (default 10)"},
      {"--reps", nullptr, "R", "runs of each, the fastest counts (default 3)"},
      {"--max-ratio", nullptr, "X", "fail when time(long)/time(short) exceeds X"},
      {"--role-references", nullptr, nullptr, "add \"the foreign ministers\" to each paragraph (still quadratic)"},
  };
}

int RunLinearityBench(const cli::Args& args) {
  auto paragraphs = args.GetInt("--paragraphs", 200, 1, 1000000);
  auto factor = args.GetInt("--factor", 10, 2, 1000);
  auto reps = args.GetInt("--reps", 3, 1, 100);
  if (!paragraphs.ok()) return cli::Fail(paragraphs.status());
  if (!factor.ok()) return cli::Fail(factor.status());
  if (!reps.ok()) return cli::Fail(reps.status());
  auto max_ratio = MaxRatio(args);
  if (!max_ratio.ok()) return cli::Fail(max_ratio.status());
  auto dict = Dictionary::LoadDefault({});
  if (!dict.ok()) return cli::Fail(dict.status());
  auto lexicon = Lexicon::LoadDefault();
  if (!lexicon.ok()) return cli::Fail(lexicon.status());
  auto frames = FrameTable::LoadDefault();
  if (!frames.ok()) return cli::Fail(frames.status());
  Extractor extractor(*dict, *lexicon, *frames);
  Article shorter, longer;
  shorter.doc = "short.txt";
  longer.doc = "long.txt";
  for (long k = 0; k < *paragraphs * *factor; ++k) {
    std::string p = Paragraph(static_cast<uint64_t>(k), args.Has("--role-references"));
    if (k < *paragraphs) shorter.text += p;
    longer.text += p;
  }
  double t_short = ExtractSeconds(extractor, shorter, *reps);
  double t_long = ExtractSeconds(extractor, longer, *reps);
  if (t_short < 0 || t_long < 0) return cli::Fail(Status::InvalidInput("the synthetic article gave no entities"));
  double ratio = t_long / std::max(t_short, 1e-6);
  JsonOut out;
  out.Num("paragraphs", static_cast<double>(*paragraphs));
  out.Num("factor", static_cast<double>(*factor));
  out.Num("short_bytes", static_cast<double>(shorter.text.size()));
  out.Num("long_bytes", static_cast<double>(longer.text.size()));
  out.Num("short_cpu_s", t_short);
  out.Num("long_cpu_s", t_long);
  out.Num("ratio", ratio);
  out.Print();
  return CheckRatio("extraction", *factor, ratio, *max_ratio);
}

}  // namespace irkg::bench
