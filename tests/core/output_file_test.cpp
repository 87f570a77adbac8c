#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "core/output_file.h"
#include "tests/scratch_dir.h"

using namespace irkg;
namespace fs = std::filesystem;

TEST_CASE("an output file appears only when committed") {
  irkg::testing::ScratchDir dir("output-file-test");
  std::string path = (dir / "out.txt").string();
  {
    auto f = OutputFile::Open(path);
    REQUIRE(f.ok());
    f->Write("partial");
  }
  CHECK_FALSE(fs::exists(path));
  {
    auto f = OutputFile::Open(path);
    REQUIRE(f.ok());
    f->Write("whole");
    REQUIRE(f->Commit().ok());
  }
  std::ifstream in(path);
  std::string s;
  in >> s;
  CHECK(s == "whole");
  CHECK(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator()) == 1);
}

TEST_CASE("writing into a missing directory fails cleanly") {
  auto f = OutputFile::Open("/nonexistent-dir-irkg/x.json");
  REQUIRE_FALSE(f.ok());
  CHECK(f.status().message().find("/nonexistent-dir-irkg/x.json") != std::string::npos);
}

TEST_CASE("a device is written through, never replaced, and a full one fails") {
  auto f = OutputFile::Open("/dev/full");
  REQUIRE(f.ok());
  f->Write(std::string(1 << 17, 'x'));
  Status s = f->Commit();
  REQUIRE_FALSE(s.ok());
  CHECK(s.message().find("/dev/full") != std::string::npos);
  CHECK(fs::is_character_file("/dev/full"));
}
