// An interrupted write leaves nothing behind: SIGINT or SIGTERM sent to a
// real `irkg build` or `irkg extract` while its temporary OUT.tmp.PID is
// open removes that file, and the exit status is the shell's for the signal.
#include <catch2/catch.hpp>

#include <signal.h>
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "tests/cli/cli_test_util.h"

extern char** environ;

namespace fs = std::filesystem;
using namespace irkg::test;

namespace {

// Many short invented articles, each under its own id, so that the graph
// keeps every sentence and takes a while to write.
std::string BigCorpus(const Workdir& w, int articles) {
  std::string path = w / "big.jsonl";
  std::ofstream out(path, std::ios::binary);
  for (int i = 0; i < articles; ++i)
    out << "{\"id\": \"talks-" << i << "\", \"date\": \"2021-04-0" << 1 + i % 9
        << "\", \"text\": \"Norwegian Foreign Minister Ola Brekke met Chilean Foreign Minister Rosa Vidal in Oslo"
           " on Monday, talk number "
        << i << ". Norway and Chile signed the Fjord Salmon Agreement.\"}\n";
  return path;
}

pid_t Start(const std::vector<std::string>& args) {
  std::vector<char*> argv;
  std::string binary = IRKG_BINARY;
  argv.push_back(binary.data());
  std::vector<std::string> copies = args;
  for (auto& a : copies) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  pid_t pid = 0;
  REQUIRE(posix_spawn(&pid, binary.c_str(), &actions, nullptr, argv.data(), environ) == 0);
  posix_spawn_file_actions_destroy(&actions);
  return pid;
}

// Waits until `path` exists (up to a minute); false when the process ended first.
bool AppearsWhileRunning(const std::string& path, pid_t pid) {
  auto deadline = std::chrono::steady_clock::now() + std::chrono::minutes(1);
  while (std::chrono::steady_clock::now() < deadline) {
    if (fs::exists(path)) return true;
    int status = 0;
    if (waitpid(pid, &status, WNOHANG) == pid) return false;
    std::this_thread::sleep_for(std::chrono::microseconds(200));
  }
  return false;
}

int ExitStatus(pid_t pid) {
  int status = 0;
  REQUIRE(waitpid(pid, &status, 0) == pid);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -WTERMSIG(status);
}

}  // namespace

TEST_CASE("SIGTERM during a build's write removes the temporary file and exits 143") {
  Workdir w;
  std::string corpus = BigCorpus(w, 40000);
  std::string out = w / "graph.jsonld";
  pid_t pid = Start({"build", corpus, "-o", out, "-q", "-j", "1"});
  std::string temp = out + ".tmp." + std::to_string(pid);
  REQUIRE(AppearsWhileRunning(temp, pid));
  kill(pid, SIGTERM);
  CHECK(ExitStatus(pid) == 143);
  CHECK_FALSE(fs::exists(temp));
  CHECK_FALSE(fs::exists(out));
}

TEST_CASE("SIGINT during an extract removes the temporary file and exits 130") {
  Workdir w;
  std::string corpus = BigCorpus(w, 40000);
  std::string out = w / "records.jsonl";
  pid_t pid = Start({"extract", corpus, "-o", out, "-q", "-j", "1"});
  std::string temp = out + ".tmp." + std::to_string(pid);
  REQUIRE(AppearsWhileRunning(temp, pid));
  kill(pid, SIGINT);
  CHECK(ExitStatus(pid) == 130);
  CHECK_FALSE(fs::exists(temp));
  CHECK_FALSE(fs::exists(out));
}
