#include "graph/person_name_folds.h"

#include <algorithm>
#include <filesystem>
#include <stdexcept>

#include "core/data_directory.h"
#include "core/text.h"

namespace irkg {
namespace {

// What NameKey leaves of a word: lower-case ASCII letters only.
bool IsFoldedWord(std::string_view word) {
  return !word.empty() && std::all_of(word.begin(), word.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

Status CheckWord(std::string_view word, const std::string& where) {
  if (IsFoldedWord(word)) return Status::Ok();
  return Status::InvalidInput(where + ": \"" + std::string(word) + "\" is not lower-case ASCII letters (a-z)");
}

}  // namespace

bool PersonNameFolds::Contains(const std::vector<std::string>& words, std::string_view word) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

Result<PersonNameFolds> PersonNameFolds::LoadString(std::string_view text, const std::string& name) {
  PersonNameFolds folds;
  size_t line_no = 0;
  for (std::string_view line : Split(text, '\n')) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    const std::string where = name + ":" + std::to_string(line_no);
    std::vector<std::string_view> cols = Split(line, '\t');
    const std::string_view kind = cols[0];
    if (kind == "fold") {
      if (cols.size() != 3) return Status::InvalidInput(where + ": expected fold<TAB>FROM<TAB>TO");
      for (size_t i = 1; i < 3; ++i)
        if (Status s = CheckWord(cols[i], where); !s.ok()) return s;
      if (cols[1] == cols[2]) return Status::InvalidInput(where + ": fold of \"" + std::string(cols[1]) + "\" to itself");
      for (const auto& [from, to] : folds.spelling_folds_)
        if (from == cols[1]) return Status::InvalidInput(where + ": \"" + from + "\" is folded twice");
      folds.spelling_folds_.emplace_back(cols[1], cols[2]);
    } else if (kind == "honorific" || kind == "particle") {
      if (cols.size() != 2) return Status::InvalidInput(where + ": expected " + std::string(kind) + "<TAB>WORD");
      if (Status s = CheckWord(cols[1], where); !s.ok()) return s;
      std::vector<std::string>& words = kind == "honorific" ? folds.honorifics_ : folds.particles_;
      if (Contains(words, cols[1]))
        return Status::InvalidInput(where + ": " + std::string(kind) + " \"" + std::string(cols[1]) + "\" is listed twice");
      words.emplace_back(cols[1]);
    } else {
      return Status::InvalidInput(where + ": unknown kind \"" + std::string(kind) + "\" (fold, honorific, particle)");
    }
  }
  return folds;
}

Result<PersonNameFolds> PersonNameFolds::LoadFile(const std::string& path) {
  Result<std::string> text = ReadDataFile(path, "person-name folds");
  if (!text.ok()) return text.status();
  return LoadString(*text, path);
}

Result<PersonNameFolds> PersonNameFolds::LoadDefault() {
  Result<std::string> dir = FindDataDirectory();
  if (!dir.ok()) return dir.status();
  return LoadFile((std::filesystem::path(*dir) / "language" / "person_names.tsv").string());
}

namespace {

const Result<PersonNameFolds>& LoadedOnce() {
  static const Result<PersonNameFolds> loaded = PersonNameFolds::LoadDefault();
  return loaded;
}

}  // namespace

Status PersonNameFolds::InUseStatus() { return LoadedOnce().status(); }

const PersonNameFolds& PersonNameFolds::InUse() {
  const Result<PersonNameFolds>& loaded = LoadedOnce();
  if (!loaded.ok()) throw std::runtime_error(loaded.status().message());
  return *loaded;
}

}  // namespace irkg
