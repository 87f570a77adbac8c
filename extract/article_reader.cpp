#include "extract/article_reader.h"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <unordered_set>

#include "core/text.h"

namespace irkg {
namespace fs = std::filesystem;

namespace {

bool HasExtension(const fs::path& p, const char* ext) { return p.extension() == ext; }

std::string BaseName(const std::string& path) { return fs::path(path).filename().string(); }

// Drops a UTF-8 byte order mark; scraped files often carry one.
bool StripBom(std::string* s) {
  if (s->size() >= 3 && s->compare(0, 3, "\xEF\xBB\xBF") == 0) {
    s->erase(0, 3);
    return true;
  }
  return false;
}

}  // namespace

struct ArticleReader::Impl {
  std::vector<std::string> files;
  size_t next_file = 0;
  // The JSON Lines file being read, if any.
  FILE* jsonl = nullptr;
  std::string jsonl_path;
  uint64_t jsonl_line = 0;
  std::unordered_set<std::string> ids_in_file;
  uint64_t bytes_read = 0, total_bytes = 0;
  std::function<void(const std::string&)> warn = [](const std::string&) {};

  char* line_buf = nullptr;
  size_t line_cap = 0;

  ~Impl() {
    CloseJsonl();
    std::free(line_buf);
  }

  void CloseJsonl() {
    if (jsonl && jsonl != stdin) std::fclose(jsonl);
    jsonl = nullptr;
  }

  // Checks the text and repairs what can be repaired, warning about it.
  Status CleanText(const std::string& where, std::string* text) {
    if (StripBom(text)) warn(where + ": byte order mark dropped");
    size_t nul = text->find('\0');
    if (nul != std::string::npos)
      return Status::InvalidInput(where + ": binary data (NUL byte at offset " + std::to_string(nul) + ")");
    size_t bad = FindInvalidUtf8(*text);
    if (bad != std::string::npos) {
      size_t n = RepairUtf8(text);
      warn(where + ": invalid UTF-8 at byte " + std::to_string(bad) + "; " + std::to_string(n) +
           " byte(s) replaced by U+FFFD");
    }
    return Status::Ok();
  }

  Result<bool> ReadTextFile(const std::string& path, Article* a) {
    std::string text;
    FILE* f = path == "-" ? stdin : std::fopen(path.c_str(), "rb");
    if (!f) return Status::IoError(path + ": cannot open: " + std::strerror(errno));
    char buf[1 << 16];
    size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) text.append(buf, n);
    bool failed = std::ferror(f);
    if (f != stdin) std::fclose(f);
    if (failed) return Status::IoError(path + ": read error");
    bytes_read += text.size();
    std::string where = path == "-" ? "<stdin>" : path;
    if (text.find_first_not_of(" \t\r\n") == std::string::npos)
      return Status::InvalidInput(where + ": empty article (no text)");
    Status s = CleanText(where, &text);
    if (!s.ok()) return s;
    *a = Article{};
    a->doc = path == "-" ? "stdin" : BaseName(path);
    a->text = std::move(text);
    a->origin = where;
    return true;
  }

  // Reads one line of any length (NUL bytes included); false at end of file.
  bool ReadLine(std::string* line) {
    ssize_t n = ::getline(&line_buf, &line_cap, jsonl);
    if (n < 0) return false;
    line->assign(line_buf, static_cast<size_t>(n));
    bytes_read += static_cast<uint64_t>(n);
    return true;
  }

  Result<bool> NextJsonlRecord(Article* a) {
    std::string line;
    while (true) {
      if (!ReadLine(&line)) {
        bool failed = std::ferror(jsonl);
        CloseJsonl();
        if (failed) return Status::IoError(jsonl_path + ": read error");
        return false;
      }
      ++jsonl_line;
      if (line.find_first_not_of(" \t\r\n") != std::string::npos) break;
    }
    std::string where = jsonl_path + ":" + std::to_string(jsonl_line);
    if (jsonl_line == 1) StripBom(&line);
    rapidjson::Document d;
    // Iterative: a line of deeply nested brackets must not overflow the stack.
    d.Parse<rapidjson::kParseIterativeFlag>(line.data(), line.size());
    if (d.HasParseError())
      return Status::InvalidInput(where + ": invalid JSON at column " + std::to_string(d.GetErrorOffset() + 1) +
                                  ": " + rapidjson::GetParseError_En(d.GetParseError()));
    if (!d.IsObject()) return Status::InvalidInput(where + ": record is not a JSON object");
    auto get = [&](const char* key, std::string* out, bool required) -> Status {
      auto it = d.FindMember(key);
      if (it == d.MemberEnd() || it->value.IsNull())
        return required ? Status::InvalidInput(where + ": record has no \"" + key + "\"") : Status::Ok();
      if (!it->value.IsString()) return Status::InvalidInput(where + ": \"" + key + "\" is not a string");
      out->assign(it->value.GetString(), it->value.GetStringLength());
      return Status::Ok();
    };
    *a = Article{};
    Status s = get("text", &a->text, true);
    if (s.ok()) s = get("id", &a->doc, false);
    if (s.ok()) s = get("title", &a->title, false);
    if (s.ok()) s = get("date", &a->date, false);
    if (s.ok()) s = get("url", &a->url, false);
    if (!s.ok()) return s;
    if (a->doc.empty()) a->doc = BaseName(jsonl_path) + ":" + std::to_string(jsonl_line);
    if (!ids_in_file.insert(a->doc).second)
      return Status::InvalidInput(where + ": duplicate id \"" + a->doc + "\"");
    // The title is part of what is read, unless the text already starts with it.
    if (!a->title.empty() && a->text.compare(0, a->title.size(), a->title) != 0)
      a->text = a->title + "\n\n" + a->text;
    if (a->text.find_first_not_of(" \t\r\n") == std::string::npos)
      return Status::InvalidInput(where + ": record has empty \"text\"");
    a->origin = where;
    s = CleanText(where, &a->text);
    if (!s.ok()) return s;
    return true;
  }

  // Inputs that could not be opened, reported first under --keep-going.
  std::vector<Status> deferred;

  // Adds one input, expanding a directory into its files in sorted order.
  Status AddInput(const std::string& input) {
    if (input == "-") {
      files.push_back(input);
      return Status::Ok();
    }
    std::error_code ec;
    auto st = fs::status(input, ec);
    if (st.type() == fs::file_type::not_found) return Status::NotFound(input + ": no such file or directory");
    if (ec) return Status::IoError(input + ": " + ec.message());
    if (!fs::is_directory(st)) {
      total_bytes += fs::file_size(input, ec);
      files.push_back(input);
      return Status::Ok();
    }
    std::vector<std::string> found;
    // An unreadable subdirectory is an error, not skipped: nothing is left out silently.
    fs::recursive_directory_iterator it(input, ec), end;
    if (ec) return Status::IoError(input + ": cannot read directory: " + ec.message());
    for (; it != end; it.increment(ec)) {
      if (ec) return Status::IoError(input + ": cannot read directory: " + ec.message());
      if (it->is_regular_file(ec) && (HasExtension(it->path(), ".txt") || HasExtension(it->path(), ".jsonl")))
        found.push_back(it->path().string());
    }
    if (found.empty()) return Status::NotFound(input + ": directory holds no .txt or .jsonl files");
    std::sort(found.begin(), found.end());
    for (auto& f : found) total_bytes += fs::file_size(f, ec);
    files.insert(files.end(), found.begin(), found.end());
    return Status::Ok();
  }

  Result<bool> Next(Article* a) {
    if (!deferred.empty()) {
      Status s = std::move(deferred.front());
      deferred.erase(deferred.begin());
      return s;
    }
    while (true) {
      if (jsonl) {
        // at the end of one JSON Lines file, go on to the next input
        auto record = NextJsonlRecord(a);
        if (!record.ok() || *record) return record;
        continue;
      }
      if (next_file >= files.size()) return false;
      const std::string& path = files[next_file++];
      bool is_jsonl = HasExtension(path, ".jsonl");
      if (path == "-") {
        // stdin: JSON Lines when it starts with '{', else one article
        int c;
        while ((c = std::getc(stdin)) != EOF && (c == ' ' || c == '\n' || c == '\r' || c == '\t')) {}
        if (c != EOF) std::ungetc(c, stdin);
        is_jsonl = c == '{';
      }
      if (!is_jsonl) return ReadTextFile(path, a);
      jsonl = path == "-" ? stdin : std::fopen(path.c_str(), "rb");
      if (!jsonl) return Status::IoError(path + ": cannot open: " + std::strerror(errno));
      jsonl_path = path == "-" ? "<stdin>" : path;
      jsonl_line = 0;
      ids_in_file.clear();
    }
  }
};

Result<ArticleReader> ArticleReader::Open(const std::vector<std::string>& inputs, bool keep_going) {
  auto impl = std::make_unique<Impl>();
  for (const std::string& input : inputs) {
    Status s = impl->AddInput(input);
    if (s.ok()) continue;
    if (!keep_going) return s;
    impl->deferred.push_back(std::move(s));
  }
  if (impl->files.empty() && impl->deferred.empty()) return Status::Usage("no input given");
  return ArticleReader(std::move(impl));
}

ArticleReader::ArticleReader(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
ArticleReader::ArticleReader(ArticleReader&&) noexcept = default;
ArticleReader::~ArticleReader() = default;
Result<bool> ArticleReader::Next(Article* article) { return impl_->Next(article); }
void ArticleReader::set_warning_sink(std::function<void(const std::string&)> sink) { impl_->warn = std::move(sink); }
const std::vector<std::string>& ArticleReader::files() const { return impl_->files; }
uint64_t ArticleReader::bytes_read() const { return impl_->bytes_read; }
uint64_t ArticleReader::total_bytes() const { return impl_->total_bytes; }

}  // namespace irkg
