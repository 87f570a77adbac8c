#include "core/data_directory.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>
#include <vector>

namespace irkg {

Result<std::string> FindDataDirectory() {
  std::vector<std::string> candidates;
  if (const char* env = std::getenv("IRKG_DATA_DIR")) candidates.push_back(env);
  candidates.push_back(IRKG_INSTALL_DATA_DIR);
  candidates.push_back(IRKG_SOURCE_DATA_DIR);
  std::error_code ec;
  for (const auto& c : candidates)
    if (std::filesystem::exists(std::filesystem::path(c) / "countries.tsv", ec)) return c;
  return Status::NotFound("cannot find irkg's dictionaries (set IRKG_DATA_DIR to the data/ directory)");
}

Result<std::string> ReadDataFile(const std::string& path, std::string_view what) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(path + ": cannot open " + std::string(what));
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace irkg
