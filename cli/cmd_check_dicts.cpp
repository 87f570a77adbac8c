// irkg check-dicts: validates dictionary files with the loader itself, so
// that what the check accepts is exactly what extraction loads; and the
// person-name folds (data/language/person_names.tsv) the graph builder loads.
#include <cstdio>
#include <map>

#include "cli/command.h"
#include "extract/dictionary.h"
#include "graph/person_name_folds.h"

namespace irkg::cli {

int RunCheckDicts(const Args& args) {
  auto dict = Dictionary::LoadDefault(args.positional());
  if (!dict.ok()) return Fail(dict.status());
  // The person-name folds are linguistic data beside the dictionaries, loaded by the same rules.
  if (Status folds = PersonNameFolds::InUseStatus(); !folds.ok()) return Fail(folds);
  std::map<EntryKind, size_t> counts;
  for (const auto& e : dict->entries()) ++counts[e.kind];
  static constexpr const char* kNames[] = {"Country", "Location", "Organization", "Title", "GivenName", "Cue"};
  std::printf("ok: the built-in dictionaries and %zu more file(s);", args.positional().size());
  for (const auto& [kind, n] : counts) std::printf(" %s=%zu", kNames[static_cast<int>(kind)], n);
  std::printf("\n");
  return std::fflush(stdout) == 0 ? kExitOk : Fail(Status::IoError("standard output: write failed"));
}

}  // namespace irkg::cli
