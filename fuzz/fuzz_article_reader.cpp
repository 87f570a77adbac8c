// Arbitrary bytes as a .txt article and as a .jsonl corpus: the reader must
// return articles or errors, never crash, and every article it returns must
// be what the extractor may assume: valid UTF-8 without NUL bytes.
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "core/text.h"
#include "extract/article_reader.h"

namespace {

void ReadAll(const std::string& path, const uint8_t* data, size_t size) {
  FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) std::abort();
  if (size && std::fwrite(data, 1, size, f) != size) std::abort();
  std::fclose(f);
  auto reader = irkg::ArticleReader::Open({path});
  if (!reader.ok()) return;
  // Each call consumes a record or a line, so this ends; the bound catches
  // a reader that stops making progress.
  for (size_t calls = 0; calls <= size + 2; ++calls) {
    irkg::Article a;
    auto next = reader->Next(&a);
    if (next.ok() && !*next) return;
    if (!next.ok()) continue;
    if (irkg::FindInvalidUtf8(a.text) != std::string::npos) std::abort();
    if (a.text.find('\0') != std::string::npos) std::abort();
    if (a.doc.empty()) std::abort();
  }
  std::abort();
}

// The two files each input is written to, one pair a process, removed when
// the process ends: every test run replays the seeds, and its files must
// not pile up in /tmp.
struct ScratchFiles {
  std::string base = "/tmp/irkg-fuzz-reader-" + std::to_string(getpid());
  ~ScratchFiles() {
    std::remove((base + ".txt").c_str());
    std::remove((base + ".jsonl").c_str());
  }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const ScratchFiles scratch;
  ReadAll(scratch.base + ".txt", data, size);
  ReadAll(scratch.base + ".jsonl", data, size);
  return 0;
}
