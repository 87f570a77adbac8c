// Helpers for tests that run the built irkg program as a user would: a
// scratch directory per test process, a runner that fails the test on a
// non-zero exit, and reading a file whole.
#pragma once

#include <catch2/catch.hpp>

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "tests/scratch_dir.h"

namespace irkg::test {

namespace fs = std::filesystem;

// The scratch directory, with paths in it as strings (the runner quotes them into commands).
class Workdir {
 public:
  std::string operator/(const std::string& name) const { return (dir_ / name).string(); }

 private:
  testing::ScratchDir dir_{"cli-test"};
};

inline std::string Quote(const std::string& s) { return "'" + s + "'"; }

// Runs irkg with the arguments and requires success; its stderr goes to a log file beside the outputs.
inline void Irkg(const Workdir& w, const std::vector<std::string>& args, const std::string& stdout_to = "") {
  std::string command = Quote(IRKG_BINARY);
  for (const auto& a : args) command += " " + Quote(a);
  command += " 2>" + Quote(w / "stderr.log");
  if (!stdout_to.empty()) command += " >" + Quote(stdout_to);
  INFO(command);
  REQUIRE(std::system(command.c_str()) == 0);
}

inline std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE(in);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Runs irkg and returns its exit status (stderr to the log, stdout to `stdout_to` or discarded).
inline int IrkgStatus(const Workdir& w, const std::vector<std::string>& args, const std::string& stdout_to = "") {
  std::string command = Quote(IRKG_BINARY);
  for (const auto& a : args) command += " " + Quote(a);
  command += " 2>" + Quote(w / "stderr.log") + " >" + Quote(stdout_to.empty() ? "/dev/null" : stdout_to);
  int status = std::system(command.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace irkg::test
