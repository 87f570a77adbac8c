#include "cli/pipeline.h"

#include <unistd.h>

#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <filesystem>
#include <algorithm>
#include <unordered_map>
#include <unordered_set>
#include <memory>
#include <mutex>
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

// "3 files (a.pdf, b.doc, c.png)", at most `shown` names.
std::string CountAndNames(const std::vector<std::string>& names, size_t shown = 3) {
  std::string list;
  for (size_t i = 0; i < names.size() && i < shown; ++i) list += (i ? ", " : "") + names[i];
  if (names.size() > shown) list += ", ...";
  return std::to_string(names.size()) + (names.size() == 1 ? " file (" : " files (") + list + ")";
}

// The regular files inside the input directories that the reader will not
// read (a PDF, an image): the reader decides what it reads, this only
// reports what it passed over, so that nothing is left out unannounced.
std::vector<std::string> PassedOver(const std::vector<std::string>& inputs, const std::vector<std::string>& read) {
  namespace fs = std::filesystem;
  std::unordered_set<std::string> reading(read.begin(), read.end());
  std::vector<std::string> passed;
  for (const std::string& input : inputs) {
    std::error_code ec;
    if (!fs::is_directory(input, ec)) continue;
    for (fs::recursive_directory_iterator it(input, ec), end; !ec && it != end; it.increment(ec))
      if (it->is_regular_file(ec) && !reading.count(it->path().string())) passed.push_back(it->path().string());
  }
  std::sort(passed.begin(), passed.end());
  return passed;
}

// The input file an article came from: its origin is "FILE" or "FILE:LINE".
std::string_view OriginFile(std::string_view origin) {
  size_t colon = origin.rfind(':');
  if (colon == std::string_view::npos || colon + 1 == origin.size()) return origin;
  for (char c : origin.substr(colon + 1))
    if (c < '0' || c > '9') return origin;
  return origin.substr(0, colon);
}

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

namespace {

// A run of consecutive articles, the unit of work handed to a thread. Small
// enough that two threads stay balanced, large enough that handing it over
// costs nothing next to extracting it.
struct Batch {
  std::vector<Article> articles;
  std::vector<ExtractionRecord> records;
  uint64_t bytes_read = 0;  // the reader's position after the last article
  bool done = false;        // records filled in
};

constexpr size_t kBatchArticles = 64;
constexpr uint64_t kBatchBytes = 4u << 20;

}  // namespace

// Three kinds of thread: one reads and parses the input into batches, `jobs`
// extract batches in whatever order they come, and the caller's thread
// hands records to `sink` strictly in input order (waiting for the oldest
// batch if a later one finishes first). So reading overlaps extraction,
// output is the same bytes for every -j, and memory holds at most
// `max_in_flight` batches (and those written out since a worker last took
// one, which it then frees) whatever the size of the corpus.
Result<PipelineResult> RunPipeline(const PipelineOptions& options,
                                   const std::function<void(ExtractionRecord&&)>& sink) {
  const auto load_start = std::chrono::steady_clock::now();
  auto dict = Dictionary::LoadDefault(options.dictionaries);
  if (!dict.ok()) return dict.status();
  auto lexicon = Lexicon::LoadDefault();
  if (!lexicon.ok()) return lexicon.status();
  auto reader = ArticleReader::Open(options.inputs, options.keep_going);
  if (!reader.ok()) return reader.status();
  reader->set_warning_sink([&](const std::string& w) { Warn(w); });
  if (auto passed = PassedOver(options.inputs, reader->files()); !passed.empty())
    Warn("skipped " + CountAndNames(passed) + " that are not .txt or .jsonl");
  std::unordered_map<std::string, size_t> articles_per_file;  // by origin file; the reader thread's
  auto frames = FrameTable::LoadDefault();
  if (!frames.ok()) return frames.status();
  Extractor extractor(*dict, *lexicon, *frames);
  Progress progress(!options.quiet, reader->total_bytes());
  PipelineResult result;
  result.load_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - load_start).count();

  const unsigned jobs = std::max(1u, options.jobs);
  const size_t max_in_flight = 2 * jobs + 2;  // every worker busy, one batch waiting each, one being read
  std::mutex mu;
  std::condition_variable changed;
  std::deque<std::shared_ptr<Batch>> in_flight;  // input order, oldest first
  std::deque<std::shared_ptr<Batch>> to_extract;
  std::vector<std::shared_ptr<Batch>> spent;  // handed on, for a worker to free
  bool reading_done = false, stop = false;
  Status read_error = Status::Ok();
  size_t skipped_bad = 0;

  auto read = [&] {
    bool more = true;
    while (more) {
      auto batch = std::make_shared<Batch>();
      uint64_t bytes = 0;
      while (batch->articles.size() < kBatchArticles && bytes < kBatchBytes) {
        Article a;
        auto next = reader->Next(&a);
        if (!next.ok()) {
          if (!options.keep_going) {
            std::lock_guard<std::mutex> lock(mu);
            read_error = next.status();
            more = false;
            break;
          }
          Warn(next.status().message() + " (skipped)");
          ++skipped_bad;
          continue;
        }
        if (!*next) {
          more = false;
          break;
        }
        bytes += a.text.size();
        ++articles_per_file[std::string(OriginFile(a.origin))];
        batch->articles.push_back(std::move(a));
      }
      batch->bytes_read = reader->bytes_read();
      std::unique_lock<std::mutex> lock(mu);
      changed.wait(lock, [&] { return stop || in_flight.size() < max_in_flight; });
      if (stop) break;
      if (!batch->articles.empty()) {
        in_flight.push_back(batch);
        to_extract.push_back(batch);
        changed.notify_all();
      }
    }
    std::lock_guard<std::mutex> lock(mu);
    reading_done = true;
    changed.notify_all();
  };

  // A worker frees the batches already handed on as it takes the next one:
  // their records were allocated by workers, and freed by the caller's
  // thread they contended with the worker for its malloc arena's lock
  // (7 900 futex calls on the 20 MB corpus at -j 1, 700 this way).
  auto extract = [&] {
    std::vector<std::shared_ptr<Batch>> old;
    PassTimes times;
    PassTimes* timed = options.time_passes ? &times : nullptr;
    while (true) {
      std::shared_ptr<Batch> batch;
      {
        std::unique_lock<std::mutex> lock(mu);
        changed.wait(lock, [&] { return stop || !to_extract.empty() || reading_done; });
        if (stop || to_extract.empty()) {
          result.pass_times += times;
          return;
        }
        batch = std::move(to_extract.front());
        to_extract.pop_front();
        old.swap(spent);
      }
      old.clear();
      batch->records.reserve(batch->articles.size());
      for (const Article& a : batch->articles) batch->records.push_back(extractor.Extract(a, timed));
      batch->articles = {};  // the texts are not needed any more: free them now
      std::lock_guard<std::mutex> lock(mu);
      batch->done = true;
      changed.notify_all();
    }
  };

  std::thread reader_thread(read);
  std::vector<std::thread> workers;
  for (unsigned t = 0; t < jobs; ++t) workers.emplace_back(extract);

  // The caller's thread: records out in input order. `skip` is asked here,
  // not while reading, because it may look at what `sink` has built so far.
  while (true) {
    std::shared_ptr<Batch> batch;
    {
      std::unique_lock<std::mutex> lock(mu);
      changed.wait(lock, [&] { return (!in_flight.empty() && in_flight.front()->done) || (reading_done && in_flight.empty()); });
      if (in_flight.empty()) break;
      batch = std::move(in_flight.front());
      in_flight.pop_front();
      changed.notify_all();  // room for the reader
    }
    for (auto& r : batch->records) {
      if (options.skip && options.skip(r.doc)) {
        ++result.skipped_known;
        continue;
      }
      ++result.articles;
      sink(std::move(r));
    }
    result.bytes = batch->bytes_read;
    progress.Update(result.articles, result.bytes);
    {
      std::lock_guard<std::mutex> lock(mu);
      spent.push_back(std::move(batch));
    }
  }
  {
    std::lock_guard<std::mutex> lock(mu);
    stop = true;
    changed.notify_all();
  }
  reader_thread.join();
  for (auto& t : workers) t.join();
  result.skipped_bad = skipped_bad;
  if (!read_error.ok()) return read_error;
  std::vector<std::string> empty_files;
  for (const std::string& file : reader->files())
    if (!articles_per_file.count(file == "-" ? "<stdin>" : file)) empty_files.push_back(file);
  if (result.articles + result.skipped_known == 0)
    return Status::InvalidInput("no articles in the input: " + CountAndNames(empty_files) +
                                " held none; nothing to extract");
  if (!empty_files.empty()) Warn(CountAndNames(empty_files) + " held no articles");
  progress.Update(result.articles, result.bytes, true);
  return result;
}

}  // namespace irkg::cli
