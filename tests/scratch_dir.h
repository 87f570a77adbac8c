// A directory of a test process's own under the system temporary directory,
// removed with everything in it when the object goes, so that test runs
// leave nothing behind in /tmp (a run of the suite used to leave a directory
// per diagram test).
#pragma once

#include <unistd.h>

#include <filesystem>
#include <string>

namespace irkg::testing {

class ScratchDir {
 public:
  // <tmp>/irkg-<name>-<pid>, emptied first: a crashed earlier run with the
  // same pid must not leave files a test would then read.
  explicit ScratchDir(const std::string& name)
      : path_(std::filesystem::temp_directory_path() / ("irkg-" + name + "-" + std::to_string(::getpid()))) {
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~ScratchDir() {
    std::error_code ignored;  // a destructor must not throw; what is left is the system's to clean
    std::filesystem::remove_all(path_, ignored);
  }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;

  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::string& leaf) const { return path_ / leaf; }

 private:
  std::filesystem::path path_;
};

}  // namespace irkg::testing
