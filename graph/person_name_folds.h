// PersonNameFolds: the linguistic data of the person-name folding routine
// (PersonNameTokens, graph/entity_resolver.h): romanization variants folded
// in every token ("Zelenskyy"/"Zelensky"), honorifics dropped before a name
// ("Mr", "Sheikh"), Arabic article particles dropped within it ("al-", "el-").
// The rows live in data/language/person_names.tsv, whose header documents
// the format; code holds only the mechanism that applies them.
//
// Immutable once loaded; safe to share between threads.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/status.h"

namespace irkg {

class PersonNameFolds {
 public:
  // Reads the rows of `text`; errors say "NAME:LINE: what is wrong".
  static Result<PersonNameFolds> LoadString(std::string_view text, const std::string& name);
  static Result<PersonNameFolds> LoadFile(const std::string& path);
  // language/person_names.tsv of the data directory (core/data_directory.h).
  static Result<PersonNameFolds> LoadDefault();

  // The folds PersonNameTokens applies: LoadDefault()'s, read once, on first
  // use. Check InUseStatus() first where an error can be reported (irkg's
  // commands do, before they build a graph): folding without the table would
  // merge the wrong persons, so InUse() after a failed load throws
  // std::runtime_error with the load's message.
  static const PersonNameFolds& InUse();
  static Status InUseStatus();

  // (from, to) pairs, in the order they are applied.
  const std::vector<std::pair<std::string, std::string>>& spelling_folds() const { return spelling_folds_; }
  bool IsHonorific(std::string_view word) const { return Contains(honorifics_, word); }
  bool IsParticle(std::string_view word) const { return Contains(particles_, word); }

 private:
  static bool Contains(const std::vector<std::string>& words, std::string_view word);

  std::vector<std::pair<std::string, std::string>> spelling_folds_;
  std::vector<std::string> honorifics_;
  std::vector<std::string> particles_;
};

}  // namespace irkg
