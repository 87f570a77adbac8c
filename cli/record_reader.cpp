#include "cli/record_reader.h"

#include <algorithm>
#include <cerrno>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "core/record_json.h"

namespace irkg::cli {
namespace {

class InputStream {
 public:
  static Result<InputStream> Open(const std::string& path) {
    FILE* f = path == "-" ? stdin : std::fopen(path.c_str(), "rb");
    if (!f) return Status::IoError(path + ": cannot open: " + std::strerror(errno));
    return InputStream(path, f);
  }
  InputStream(InputStream&& other) noexcept : path_(std::move(other.path_)), file_(other.file_) { other.file_ = nullptr; }
  InputStream& operator=(InputStream&&) = delete;
  ~InputStream() {
    if (file_ && file_ != stdin) std::fclose(file_);
  }
  FILE* get() const { return file_; }
  // getline() and fread() end the same way at end of file and on a read
  // error (a directory gives EISDIR): only ferror() tells them apart.
  Status Finish() const {
    if (std::ferror(file_)) return Status::IoError(path_ + ": read error: " + std::strerror(errno));
    return Status::Ok();
  }

 private:
  InputStream(std::string path, FILE* file) : path_(std::move(path)), file_(file) {}
  std::string path_;
  FILE* file_;
};

bool Blank(std::string_view line) { return line.find_first_not_of(" \t\r\n") == std::string_view::npos; }

Status ReadSerially(const std::string& path, const std::function<void(ExtractionRecord&&)>& sink) {
  auto in = InputStream::Open(path);
  if (!in.ok()) return in.status();
  char* buf = nullptr;
  size_t cap = 0;
  ssize_t n;
  size_t line_no = 0;
  Status status;
  while ((n = getline(&buf, &cap, in->get())) >= 0) {
    ++line_no;
    std::string_view line(buf, static_cast<size_t>(n));
    if (Blank(line)) continue;
    auto r = ParseRecordJson(line, path + ":" + std::to_string(line_no));
    if (!r.ok()) {
      status = r.status();
      break;
    }
    sink(std::move(*r));
  }
  std::free(buf);
  return status.ok() ? in->Finish() : status;
}

// Whole lines of the file, parsed by whichever parser takes them.
struct Chunk {
  size_t first_line = 1;
  std::string text;
  std::vector<ExtractionRecord> records;
  Status status;  // the chunk's first bad line, or the read error that ended the file here
  bool parsed = false;
};

constexpr size_t kChunkBytes = 4u << 20;

void Parse(const std::string& path, Chunk* chunk) {
  std::string_view rest(chunk->text);
  size_t line_no = chunk->first_line;
  while (!rest.empty()) {
    size_t end = rest.find('\n');
    end = end == std::string_view::npos ? rest.size() : end + 1;
    std::string_view line = rest.substr(0, end);
    rest.remove_prefix(end);
    if (!Blank(line)) {
      auto r = ParseRecordJson(line, path + ":" + std::to_string(line_no));
      if (!r.ok()) {
        chunk->status = r.status();
        break;
      }
      chunk->records.push_back(std::move(*r));
    }
    ++line_no;
  }
  chunk->text.clear();  // the buffer goes back to the reader
}

// The newlines in `text`: memchr, which scans many bytes at a time.
size_t CountNewlines(std::string_view text) {
  size_t count = 0;
  const char* p = text.data();
  const char* end = text.data() + text.size();
  while ((p = static_cast<const char*>(std::memchr(p, '\n', static_cast<size_t>(end - p))))) {
    ++count;
    if (++p == end) break;
  }
  return count;
}

// One thread reads chunks of whole lines, jobs - 1 (at least one) parse them
// in any order, the caller's thread hands their records to `sink` in file
// order; at most 2 * jobs + 2 chunks are held at once. The chunks' text
// buffers go round, read into directly: a fresh 4 MB buffer for every chunk
// had its pages faulted in afresh, and a copy of every chunk besides.
Status ReadInParallel(const std::string& path, unsigned jobs, const std::function<void(ExtractionRecord&&)>& sink) {
  auto in = InputStream::Open(path);
  if (!in.ok()) return in.status();
  // The caller's thread, adding the records, is one of the `jobs`: adding
  // costs about what parsing does, so on two cores one parser keeps up, and a
  // second one only takes turns with the caller.
  const unsigned parsers_wanted = std::max(1u, jobs - 1);
  const size_t max_in_flight = 2 * jobs + 2;
  std::mutex mu;
  std::condition_variable changed;
  std::deque<std::shared_ptr<Chunk>> in_flight, to_parse;
  // Chunks handed on, freed by the next parser to take a chunk: their records
  // were allocated by parsers, and freed by the caller's thread they would
  // contend with the parsers for their malloc arenas' locks.
  std::vector<std::shared_ptr<Chunk>> spent;
  std::vector<std::string> spare_texts;  // parsed chunks' buffers, for the reader to fill again
  bool reading_done = false, stop = false;

  auto read = [&] {
    std::string carry;  // the start of a line the last read cut
    size_t line_no = 1;
    bool more = true;
    while (more) {
      auto chunk = std::make_shared<Chunk>();
      chunk->first_line = line_no;
      {
        std::lock_guard<std::mutex> lock(mu);
        if (!spare_texts.empty()) {
          chunk->text = std::move(spare_texts.back());
          spare_texts.pop_back();
        }
      }
      std::string& text = chunk->text;
      text.assign(carry);
      const size_t kept = text.size();
      text.resize(kept + kChunkBytes);
      size_t got = std::fread(text.data() + kept, 1, kChunkBytes, in->get());
      text.resize(kept + got);
      if (got < kChunkBytes) {
        more = false;
        chunk->status = in->Finish();
        carry.clear();
      } else {
        size_t cut = text.rfind('\n');
        size_t keep = cut == std::string::npos ? 0 : cut + 1;
        carry.assign(text, keep, std::string::npos);
        text.resize(keep);
      }
      line_no += CountNewlines(text);
      std::unique_lock<std::mutex> lock(mu);
      changed.wait(lock, [&] { return stop || in_flight.size() < max_in_flight; });
      if (stop) break;
      in_flight.push_back(chunk);
      to_parse.push_back(chunk);
      changed.notify_all();
    }
    std::lock_guard<std::mutex> lock(mu);
    reading_done = true;
    changed.notify_all();
  };

  auto parse = [&] {
    std::vector<std::shared_ptr<Chunk>> old;
    while (true) {
      std::shared_ptr<Chunk> chunk;
      {
        std::unique_lock<std::mutex> lock(mu);
        changed.wait(lock, [&] { return stop || !to_parse.empty() || reading_done; });
        if (stop || to_parse.empty()) return;
        chunk = std::move(to_parse.front());
        to_parse.pop_front();
        old.swap(spent);
      }
      old.clear();
      // A read error already set stays: the lines before it are parsed first.
      Status read_status = chunk->status;
      chunk->status = Status::Ok();
      Parse(path, chunk.get());
      if (chunk->status.ok()) chunk->status = read_status;
      std::lock_guard<std::mutex> lock(mu);
      spare_texts.push_back(std::move(chunk->text));
      chunk->parsed = true;
      changed.notify_all();
    }
  };

  std::thread reader(read);
  std::vector<std::thread> parsers;
  for (unsigned t = 0; t < parsers_wanted; ++t) parsers.emplace_back(parse);
  Status status;
  while (status.ok()) {
    std::shared_ptr<Chunk> chunk;
    {
      std::unique_lock<std::mutex> lock(mu);
      changed.wait(lock, [&] { return (!in_flight.empty() && in_flight.front()->parsed) || (reading_done && in_flight.empty()); });
      if (in_flight.empty()) break;
      chunk = std::move(in_flight.front());
      in_flight.pop_front();
      changed.notify_all();  // room for the reader
    }
    for (auto& r : chunk->records) sink(std::move(r));
    status = chunk->status;
    std::lock_guard<std::mutex> lock(mu);
    spent.push_back(std::move(chunk));
  }
  {
    std::lock_guard<std::mutex> lock(mu);
    stop = true;
    changed.notify_all();
  }
  reader.join();
  for (auto& t : parsers) t.join();
  return status;
}

}  // namespace

Status ReadRecordFile(const std::string& path, unsigned jobs, const std::function<void(ExtractionRecord&&)>& sink) {
  if (jobs <= 1) return ReadSerially(path, sink);
  return ReadInParallel(path, jobs, sink);
}

}  // namespace irkg::cli
