// irkg-bench extract and build: the real pipeline (cli/pipeline.h) run
// in-process on a corpus, so that peak RSS is the pipeline's own.
//
// extract: read -> extract -> each record serialized to JSON Lines as
// `irkg extract` does, the text counted and dropped (no disk in the figure).
// build: read -> extract -> GraphBuilder -> Build -> JSON-LD, each stage
// timed; the graph is written to -o when given, else to memory only.
//
// Sentences are counted afterwards, untimed, with the extractor's own
// tokenizer and sentence splitter over the same articles.
#include <algorithm>
#include <atomic>
#include <thread>

#include "bench/commands.h"
#include "bench/json_out.h"
#include "bench/measure.h"
#include "cli/command.h"
#include "cli/graph_io.h"
#include "cli/pipeline.h"
#include "core/record_json.h"
#include "export/jsonld_writer.h"
#include "extract/article_reader.h"
#include "extract/document.h"
#include "graph/graph_builder.h"

namespace irkg::bench {
namespace {

struct Common {
  cli::PipelineOptions pipeline;
  std::string input;
  bool count_sentences = true;
};

Result<Common> CommonOptions(const cli::Args& args) {
  Common c;
  c.input = args.Get("--input");
  if (c.input.empty()) return Status::Usage("needs --input FILE.jsonl");
  auto jobs = args.GetInt("--jobs", 1, 1, 256);
  if (!jobs.ok()) return jobs.status();
  c.pipeline.inputs = {c.input};
  c.pipeline.jobs = static_cast<unsigned>(*jobs);
  c.pipeline.quiet = true;
  c.count_sentences = !args.Has("--no-sentences");
  return c;
}

// Sentences of every article, with `jobs` threads: tokens, then the
// extractor's own splitter (extract/document.h).
Result<uint64_t> CountSentences(const std::string& input, unsigned jobs) {
  auto reader = ArticleReader::Open({input});
  if (!reader.ok()) return reader.status();
  // the splitter consults the dictionary's abbreviations through token keys
  auto dict = Dictionary::LoadDefault({});
  if (!dict.ok()) return dict.status();
  std::atomic<uint64_t> total{0};
  std::vector<Article> batch;
  for (bool more = true; more;) {
    batch.clear();
    while (batch.size() < 1024) {
      Article a;
      auto next = reader->Next(&a);
      if (!next.ok()) continue;
      if (!*next) {
        more = false;
        break;
      }
      batch.push_back(std::move(a));
    }
    std::atomic<size_t> next_index{0};
    auto work = [&] {
      uint64_t mine = 0;
      for (size_t i; (i = next_index.fetch_add(1)) < batch.size();) {
        internal::Document d;
        d.Reset(batch[i].text, &*dict);
        internal::PrepareTokens(&d);
        internal::SplitSentences(&d);
        mine += d.sentences.size();
      }
      total += mine;
    };
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < jobs; ++t) pool.emplace_back(work);
    work();
    for (auto& t : pool) t.join();
  }
  return total.load();
}

// The figures both commands report, from the pipeline's result.
Status Report(const Common& c, const cli::PipelineResult& r, double extract_s, double total_s, double cpu_s,
              JsonOut* out) {
  const double mb = static_cast<double>(r.bytes) / 1e6;
  out->Str("input", c.input);
  out->Num("jobs", c.pipeline.jobs);
  out->Num("hardware_threads", std::thread::hardware_concurrency());
  out->Num("articles", static_cast<double>(r.articles));
  out->Num("mb", mb);
  out->Num("seconds", total_s);
  out->Num("extract_s", extract_s);
  out->Num("mb_per_s", mb / extract_s);
  // The timed part starts before the dictionaries, lexicon and frames load
  // (as `irkg extract` pays for them); the rate past the load is the
  // steady state a longer corpus approaches.
  out->Num("load_s", r.load_seconds);
  out->Num("mb_per_s_after_load", mb / std::max(extract_s - r.load_seconds, 1e-9));
  out->Num("articles_per_s", static_cast<double>(r.articles) / extract_s);
  out->Num("cpu_s", cpu_s);
  out->Num("mb_per_cpu_s", mb / cpu_s);
  out->Str("cpu_note", "user+system CPU of the timed part, all threads (wall time suffers on a shared machine)");
  if (c.count_sentences) {
    auto sentences = CountSentences(c.input, c.pipeline.jobs);
    if (!sentences.ok()) return sentences.status();
    out->Num("sentences", static_cast<double>(*sentences));
    out->Num("sentences_per_s", static_cast<double>(*sentences) / extract_s);
    out->Str("sentences_method", "extract/ Tokenize + SplitSentences, second untimed pass");
  }
  if (c.pipeline.time_passes) {
    // Thread time summed over the workers: with -j N it exceeds extract_s.
    double passes = 0;
    for (double s : r.pass_times.seconds) passes += s;
    for (size_t i = 0; i < PassTimes::kCount; ++i) {
      std::string name = PassTimes::kNames[i];
      out->Num("pass_" + name + "_s", r.pass_times.seconds[i]);
      out->Num("pass_" + name + "_share", passes > 0 ? r.pass_times.seconds[i] / passes : 0);
    }
  }
  return Status();
}

}  // namespace

std::vector<cli::OptionSpec> PipelineBenchOptions() {
  return {
      {"--input", "-i", "FILE.jsonl", "the corpus (any input irkg extract takes)"},
      {"--jobs", "-j", "N", "extraction threads, default 1"},
      {"--output", "-o", "GRAPH.jsonld", "build: also write the graph there"},
      {"--no-sentences", nullptr, nullptr, "skip the (untimed) sentence count"},
  };
}

int RunExtractBench(const cli::Args& args) {
  auto c = CommonOptions(args);
  if (!c.ok()) return cli::Fail(c.status());
  c->pipeline.time_passes = true;
  uint64_t json_bytes = 0, triples = 0, entities = 0;
  std::string line;
  Stopwatch clock;
  const double cpu_start = CpuSeconds();
  auto result = cli::RunPipeline(c->pipeline, [&](ExtractionRecord&& r) {
    line.clear();
    AppendRecordJson(r, &line);
    json_bytes += line.size();
    triples += r.triples.size();
    entities += r.entities.size();
  });
  if (!result.ok()) return cli::Fail(result.status());
  double seconds = clock.Seconds();
  double cpu = CpuSeconds() - cpu_start;
  double peak = PeakRssMb();  // before the sentence count can add to it

  JsonOut out;
  out.Str("bench", "extract");
  Status s = Report(*c, *result, seconds, seconds, cpu, &out);
  if (!s.ok()) return cli::Fail(s);
  out.Num("entities", static_cast<double>(entities));
  out.Num("triples", static_cast<double>(triples));
  out.Num("records_mb", static_cast<double>(json_bytes) / 1e6);
  out.Num("peak_rss_mb", peak);
  out.Print();
  return cli::kExitOk;
}

int RunBuildBench(const cli::Args& args) {
  auto c = CommonOptions(args);
  if (!c.ok()) return cli::Fail(c.status());
  GraphBuilder builder;
  double add_s = 0;
  Stopwatch clock;
  const double cpu_start = CpuSeconds();
  auto result = cli::RunPipeline(c->pipeline, [&](ExtractionRecord&& r) {
    Stopwatch add;
    builder.AddRecord(r);
    add_s += add.Seconds();
  });
  if (!result.ok()) return cli::Fail(result.status());
  double extract_s = clock.Seconds();
  Stopwatch build_clock;
  KnowledgeGraph graph = builder.Build();
  double build_s = build_clock.Seconds();
  Stopwatch write_clock;
  std::string output = args.Get("--output");
  size_t graph_bytes = 0;
  if (!output.empty()) {
    Status s = cli::SaveGraph(graph, output);
    if (!s.ok()) return cli::Fail(s);
  } else {
    std::string text;
    Status s = WriteJsonLdToString(graph, &text);
    if (!s.ok()) return cli::Fail(s);
    graph_bytes = text.size();
  }
  double write_s = write_clock.Seconds();
  double total_s = clock.Seconds();
  double cpu = CpuSeconds() - cpu_start;
  double peak = PeakRssMb();

  JsonOut out;
  out.Str("bench", "build");
  Status s = Report(*c, *result, extract_s, total_s, cpu, &out);
  if (!s.ok()) return cli::Fail(s);
  out.Num("add_record_s", add_s);
  out.Str("add_record_note", "GraphBuilder::AddRecord runs on the pipeline's thread, inside extract_s");
  out.Num("graph_build_s", build_s);
  out.Num("write_jsonld_s", write_s);
  if (graph_bytes) out.Num("jsonld_mb", static_cast<double>(graph_bytes) / 1e6);
  out.Num("graph_entities", static_cast<double>(graph.entity_count()));
  out.Num("graph_relations", static_cast<double>(graph.relation_count()));
  out.Num("peak_rss_mb", peak);
  out.Num("build_mb_per_s", static_cast<double>(result->bytes) / 1e6 / total_s);
  out.Print();
  return cli::kExitOk;
}

}  // namespace irkg::bench
