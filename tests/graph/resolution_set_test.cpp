// The resolver against a hand-labelled set of invented observations
// (data/resolution_set.tsv), scored by B-cubed precision and recall: for
// each observation, the share of its predicted cluster that is truly the
// same actor (precision) and the share of the true cluster it was put
// with (recall), averaged over the observations.
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <span>
#include <sstream>
#include <string>
#include <vector>

#include "core/text.h"
#include "graph/entity_resolver.h"

using namespace irkg;

namespace {

struct LabelledSet {
  ResolverInput input;
  std::vector<std::string> gold;
};

LabelledSet ReadSet(const std::string& path) {
  std::ifstream in(path);
  REQUIRE(in);
  LabelledSet set;
  std::string line;
  bool header = true;
  for (int line_no = 1; std::getline(in, line); ++line_no) {
    if (line.empty() || line[0] == '#') continue;
    if (header) { header = false; continue; }
    std::vector<std::string_view> cols = Split(line, '\t');
    INFO(path << ":" << line_no);
    REQUIRE(cols.size() == 7);
    auto type = ParseEntityType(cols[1]);
    REQUIRE(type);
    NameObservation o;
    o.type = *type;
    o.article = Symbol(std::string(cols[2]));
    o.name = Symbol(std::string(cols[0]));
    o.story = HashText(cols[2]);
    o.year = YearOf(cols[5]);
    if (o.type == EntityType::kCountry) o.code = Symbol(std::string(cols[4]));
    if (!cols[3].empty()) {
      o.first_office = static_cast<uint32_t>(set.input.offices.size());
      o.office_count = 1;
      set.input.offices.push_back(OfficeSighting{NameKey(cols[3]), Symbol(std::string(cols[4])), o.year});
    }
    set.input.observations.push_back(o);
    set.gold.emplace_back(cols[6]);
  }
  return set;
}

struct BCubed {
  double precision = 0, recall = 0;
  double f1() const { return 2 * precision * recall / (precision + recall); }
};

BCubed Score(std::span<const uint32_t> predicted, const std::vector<std::string>& gold) {
  BCubed score;
  const size_t n = predicted.size();
  for (size_t i = 0; i < n; ++i) {
    size_t same_predicted = 0, same_gold = 0, both = 0;
    for (size_t j = 0; j < n; ++j) {
      bool p = predicted[j] == predicted[i], g = gold[j] == gold[i];
      same_predicted += p, same_gold += g, both += p && g;
    }
    score.precision += double(both) / double(same_predicted) / double(n);
    score.recall += double(both) / double(same_gold) / double(n);
  }
  return score;
}

}  // namespace

TEST_CASE("B-cubed scoring counts a wrong merge against precision and a missed one against recall") {
  std::vector<std::string> gold = {"a", "a", "b"};
  CHECK(Score(std::vector<uint32_t>{0, 0, 2}, gold).f1() == Approx(1.0));
  BCubed merged_all = Score(std::vector<uint32_t>{0, 0, 0}, gold);
  CHECK(merged_all.recall == Approx(1.0));
  CHECK(merged_all.precision == Approx((2.0 / 3 + 2.0 / 3 + 1.0 / 3) / 3));
  BCubed split_all = Score(std::vector<uint32_t>{0, 1, 2}, gold);
  CHECK(split_all.precision == Approx(1.0));
  CHECK(split_all.recall == Approx((0.5 + 0.5 + 1.0) / 3));
}

TEST_CASE("the resolver reaches B-cubed F1 0.95 on the labelled set, traps included") {
  LabelledSet set = ReadSet(IRKG_GRAPH_TEST_DATA_DIR "/resolution_set.tsv");
  REQUIRE(set.input.observations.size() >= 40);
  Resolution resolution = ResolveEntities(set.input);
  BCubed score = Score(resolution.cluster, set.gold);
  WARN("B-cubed precision " << score.precision << ", recall " << score.recall << ", F1 " << score.f1());
  CHECK(score.f1() >= 0.95);
  // The traps, each kept apart.
  auto cluster_of = [&](const std::string& gold) {
    for (size_t i = 0; i < set.gold.size(); ++i)
      if (set.gold[i] == gold) return resolution.cluster[i];
    FAIL("no observation labelled " << gold);
    return uint32_t{0};
  };
  CHECK(cluster_of("amira-haddad") != cluster_of("samir-haddad"));
  CHECK(cluster_of("lars-eklund") != cluster_of("per-eklund"));
  CHECK(cluster_of("linden-org") != cluster_of("linden-place"));
  CHECK(cluster_of("marta-linden") != cluster_of("linden-org"));
  CHECK(cluster_of("starkov") != cluster_of("starkov-earlier"));

  // The partition does not depend on the order of the observations.
  ResolverInput reversed = set.input;
  std::reverse(reversed.observations.begin(), reversed.observations.end());
  Resolution again = ResolveEntities(reversed);
  const size_t n = set.input.observations.size();
  for (size_t i = 0; i < n; ++i)
    for (size_t j = 0; j < n; ++j)
      CHECK((resolution.cluster[i] == resolution.cluster[j]) == (again.cluster[n - 1 - i] == again.cluster[n - 1 - j]));
}
