#include "cli/pipeline.h"

#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <thread>

#include "cli/command.h"
#include "extract/article_reader.h"
#include "extract/extractor.h"

namespace irkg::cli {
namespace {

// Progress on stderr while it is a terminal: articles, MB/s and an ETA.
class Progress {
 public:
  Progress(bool enabled, uint64_t total) : enabled_(enabled && isatty(2)), total_(total), start_(Clock::now()) {}
  void Update(size_t articles, uint64_t bytes, bool final = false) {
    if (!enabled_) return;
    auto now = Clock::now();
    if (!final && now - last_ < std::chrono::milliseconds(250)) return;
    last_ = now;
    double secs = std::chrono::duration<double>(now - start_).count();
    double mbs = secs > 0 ? bytes / 1e6 / secs : 0;
    std::string eta;
    if (total_ > bytes && bytes > 0 && secs > 0.5) eta = ", ETA " + std::to_string(static_cast<int>((total_ - bytes) / (bytes / secs))) + " s";
    std::fprintf(stderr, "\rirkg: %zu articles, %.1f MB, %.1f MB/s%s   ", articles, bytes / 1e6, mbs, eta.c_str());
    if (final) std::fputc('\n', stderr);
  }

 private:
  using Clock = std::chrono::steady_clock;
  bool enabled_;
  uint64_t total_;
  Clock::time_point start_, last_;
};

}  // namespace

std::vector<OptionSpec> PipelineOptionSpecs() {
  return {
      {"--dict", nullptr, "FILE", "add a dictionary file (repeatable; format in data/README.md)", true},
      {"--jobs", "-j", "N", "extract with N threads (default: all cores)"},
      {"--keep-going", "-k", nullptr, "skip bad inputs, report how many, fail at the end"},
      {"--quiet", "-q", nullptr, "no progress or summary on stderr"},
  };
}

Result<PipelineOptions> PipelineOptionsFrom(const Args& args) {
  PipelineOptions o;
  o.inputs = args.positional();
  if (o.inputs.empty()) return Status::Usage("no input given (a .txt article, a .jsonl corpus, a directory or -)");
  o.dictionaries = args.All("--dict");
  o.keep_going = args.Has("--keep-going");
  o.quiet = args.Has("--quiet");
  unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  auto jobs = args.GetInt("--jobs", cores, 1, 256);
  if (!jobs.ok()) return jobs.status();
  o.jobs = static_cast<unsigned>(*jobs);
  return o;
}

Result<PipelineResult> RunPipeline(const PipelineOptions& options,
                                   const std::function<void(ExtractionRecord&&)>& sink) {
  auto dict = Dictionary::LoadDefault(options.dictionaries);
  if (!dict.ok()) return dict.status();
  auto reader = ArticleReader::Open(options.inputs);
  if (!reader.ok()) return reader.status();
  reader->set_warning_sink([&](const std::string& w) { Warn(w); });
  Extractor extractor(*dict);
  Progress progress(!options.quiet, reader->total_bytes());
  PipelineResult result;

  // Articles are read in batches and extracted by `jobs` threads; records
  // leave in input order, so output is the same for every thread count.
  const size_t kBatchArticles = 256 * options.jobs;
  const uint64_t kBatchBytes = 16u << 20;
  std::vector<Article> batch;
  std::vector<ExtractionRecord> records;
  bool more = true;
  while (more) {
    batch.clear();
    uint64_t batch_bytes = 0;
    while (batch.size() < kBatchArticles && batch_bytes < kBatchBytes) {
      Article a;
      auto next = reader->Next(&a);
      if (!next.ok()) {
        if (!options.keep_going) return next.status();
        Warn(next.status().message() + " (skipped)");
        ++result.skipped_bad;
        continue;
      }
      if (!*next) {
        more = false;
        break;
      }
      if (options.skip && options.skip(a.doc)) {
        ++result.skipped_known;
        continue;
      }
      batch_bytes += a.text.size();
      batch.push_back(std::move(a));
    }
    records.assign(batch.size(), ExtractionRecord{});
    std::atomic<size_t> next_index{0};
    auto work = [&] {
      for (size_t i; (i = next_index.fetch_add(1)) < batch.size();) records[i] = extractor.Extract(batch[i]);
    };
    unsigned threads = std::min<unsigned>(options.jobs, static_cast<unsigned>(batch.size()));
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
    work();
    for (auto& t : pool) t.join();
    for (auto& r : records) sink(std::move(r));
    result.articles += batch.size();
    result.bytes = reader->bytes_read();
    progress.Update(result.articles, result.bytes);
  }
  progress.Update(result.articles, result.bytes, true);
  return result;
}

}  // namespace irkg::cli
