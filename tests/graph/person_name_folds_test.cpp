// PersonNameFolds: data/language/person_names.tsv loads, its rows drive the
// folding routine, and malformed rows are refused with the file and line named.
#include <catch2/catch.hpp>

#include <string>

#include "graph/entity_resolver.h"
#include "graph/person_name_folds.h"

using namespace irkg;

TEST_CASE("the shipped person-name folds load, and the resolver folds with them") {
  auto folds = PersonNameFolds::LoadDefault();
  REQUIRE(folds.ok());
  CHECK(folds->IsHonorific("sheikh"));
  CHECK(folds->IsParticle("el"));
  CHECK_FALSE(folds->IsHonorific("el"));
  REQUIRE(!folds->spelling_folds().empty());
  CHECK(folds->spelling_folds().front() == std::pair<std::string, std::string>{"dj", "j"});
  REQUIRE(PersonNameFolds::InUseStatus().ok());
  CHECK(PersonNameFolds::InUse().spelling_folds() == folds->spelling_folds());
}

TEST_CASE("person-name fold rows are read in order, by kind") {
  auto folds = PersonNameFolds::LoadString("# invented rows\nfold\tph\tf\r\nfold\tff\tf\n\nhonorific\tcaptain\nparticle\tbin\n",
                                           "mine.tsv");
  REQUIRE(folds.ok());
  CHECK(folds->spelling_folds() ==
        std::vector<std::pair<std::string, std::string>>{{"ph", "f"}, {"ff", "f"}});
  CHECK(folds->IsHonorific("captain"));
  CHECK_FALSE(folds->IsHonorific("mr"));  // only what the file lists
  CHECK(folds->IsParticle("bin"));
}

TEST_CASE("a bad person-name fold row is refused with its file and line") {
  struct Bad {
    const char* text;
    const char* message;
  };
  const Bad bad[] = {
      {"fold\tph\tf\nnickname\tbob\n", "mine.tsv:2: unknown kind \"nickname\""},
      {"fold\tph\n", "mine.tsv:1: expected fold<TAB>FROM<TAB>TO"},
      {"# c\nfold\tPh\tf\n", "mine.tsv:2: \"Ph\" is not lower-case ASCII letters"},
      {"fold\tph\tf\nfold\tph\tv\n", "mine.tsv:2: \"ph\" is folded twice"},
      {"fold\tph\tph\n", "mine.tsv:1: fold of \"ph\" to itself"},
      {"honorific\tmr\textra\n", "mine.tsv:1: expected honorific<TAB>WORD"},
      {"particle\tal\n\nparticle\tal\n", "mine.tsv:3: particle \"al\" is listed twice"},
      {"honorific\t\n", "mine.tsv:1: \"\" is not lower-case ASCII letters"},
      {"honorific\tm.\n", "mine.tsv:1: \"m.\" is not lower-case ASCII letters"},
  };
  for (const Bad& b : bad) {
    INFO(b.text);
    auto folds = PersonNameFolds::LoadString(b.text, "mine.tsv");
    REQUIRE_FALSE(folds.ok());
    CHECK(folds.status().message().rfind(b.message, 0) == 0);
  }
  CHECK(PersonNameFolds::LoadFile("/nonexistent/person_names.tsv").status().message().find("/nonexistent/person_names.tsv") !=
        std::string::npos);
}
