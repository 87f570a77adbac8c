// FrameTable: data/language/frames.tsv loads, and malformed rows are refused
// with the file and line named.
#include <catch2/catch.hpp>

#include "extract/frames.h"

using namespace irkg;

TEST_CASE("the shipped frames load and index verbs, nouns and light verbs") {
  auto table = FrameTable::LoadDefault();
  REQUIRE(table.ok());
  CHECK(table->size() > 100);
  const auto& meet = table->Find("meet", false);
  REQUIRE(!meet.empty());
  CHECK(meet[0]->predicate == Predicate::kMetWith);
  CHECK(meet[0]->rule == "frame:verb:meet");
  CHECK(!table->Find("visit", true).empty());
  CHECK(table->Find("visit", true)[0]->predicate == Predicate::kVisited);
  CHECK(table->Find("meet", true).empty());  // "meet" is no noun trigger
  CHECK(table->IsLightVerb("hold"));
  CHECK(!table->IsLightVerb("meet"));
  CHECK(table->IsReceiptVerb("receive"));  // "received a call from B" turns the call round
  CHECK(!table->IsReceiptVerb("hold"));
}

TEST_CASE("a frame row's slots, confidence and cue classes are read") {
  FrameTable t;
  REQUIRE(t.LoadString("noun\tparley\tpredicate=metWith\tsubject=holder|poss\tobject=with|between\tconfidence=0.6\n"
                       "verb\tmenace\tpredicate=threatens\tsubject=agent\tobject=patient\tneeds=threat_consequence\n",
                       "mine.tsv")
              .ok());
  const auto& f = t.Find("parley", true);
  REQUIRE(f.size() == 1);
  CHECK(f[0]->subject.size() == 2);
  CHECK(f[0]->subject[1].slot == Slot::kPossessor);
  CHECK(f[0]->object[1].slot == Slot::kPrep);
  CHECK(f[0]->object[1].prep == "between");
  CHECK(f[0]->confidence == Approx(0.6));
  CHECK(t.Find("menace", false)[0]->needs == "threat_consequence");
}

TEST_CASE("a frame row's modality, actor types and new slots are read") {
  FrameTable t;
  REQUIRE(t.LoadString("verb\tsever\tpredicate=threatens\tsubject=speaker|agent\tobject=with\tmodal=required\n"
                       "noun\tpact\tpredicate=cooperatesWith\tsubject=holder\tobject=with\tmodal=committed\n"
                       "verb\tco-sign\tpredicate=metWith\tsubject=agent\tobject=with\tactors=Person\n"
                       "verb\tjoin\tpredicate=metWith\tsubject=agent\tobject=earlier_meeting|inf_object\n"
                       "verb\thail\tpredicate=supports\tsubject=agent\tobject=patient\tobjects=Country|Organization\n"
                       "verb\tdecry\tpredicate=criticizes\tsubject=agent\tobject=patient|earlier_act\n"
                       "noun\tbacker\tpredicate=supports\tsubject=holder|appos\tobject=of\n"
                       "verb\tclash\tpredicate=attacks\tsubject=agent\tobject=with\tmutual=yes\n"
                       "noun\ttour\tpredicate=visited\tsubject=clause_agent\tobject=clause_in\n"
                       "verb\tremark\tpredicate=visited\tsubject=agent\tobject=in\tvenue=yes\n"
                       "noun\tbriefing\tpredicate=metWith\tsubject=clause_agent\tobject=with\tpartner=yes\n"
                       "verb\tdrop\tpredicate=metWith\tsubject=agent\tobject=by\tparticle=by\tbare=yes\n"
                       "noun\tambush\tpredicate=attacks\tsubject=attributed\tobject=on\n"
                       "verb\tbuy\tpredicate=supplies\tsubject=from|goods_origin\tobject=agent\n"
                       "participation\tpresence\n",
                       "mine.tsv")
              .ok());
  const Frame* sever = t.Find("sever", false)[0];
  CHECK(sever->subject[0].slot == Slot::kSpeaker);
  CHECK((sever->modal_allowed && sever->modal_required));
  const Frame* pact = t.Find("pact", true)[0];
  CHECK((!pact->modal_allowed && pact->commitment_allowed));
  CHECK(t.Find("co-sign", false)[0]->actor_types == TypeBit(EntityType::kPerson));
  CHECK(t.Find("join", false)[0]->object[0].slot == Slot::kEarlierMeeting);
  CHECK(t.Find("join", false)[0]->object[1].slot == Slot::kInfinitiveObject);
  CHECK(t.Find("hail", false)[0]->object_types == (TypeBit(EntityType::kCountry) | TypeBit(EntityType::kOrganization)));
  CHECK(t.Find("hail", false)[0]->actor_types == 0);
  CHECK(t.Find("decry", false)[0]->object[1].slot == Slot::kEarlierAct);
  CHECK(t.Find("backer", true)[0]->subject[1].slot == Slot::kApposition);
  CHECK(t.Find("clash", false)[0]->mutual);
  CHECK_FALSE(t.Find("backer", true)[0]->mutual);
  CHECK(t.Find("tour", true)[0]->subject[0].slot == Slot::kClauseAgent);
  CHECK(t.Find("tour", true)[0]->object[0].slot == Slot::kClausePlace);
  CHECK(t.Find("remark", false)[0]->venue);
  CHECK(t.Find("buy", false)[0]->subject[1].slot == Slot::kGoodsOrigin);
  CHECK_FALSE(t.Find("clash", false)[0]->venue);
  CHECK(t.Find("briefing", true)[0]->partner_required);
  CHECK_FALSE(t.Find("remark", false)[0]->partner_required);
  CHECK(t.Find("drop", false)[0]->bare_object);
  CHECK(t.Find("ambush", true)[0]->subject[0].slot == Slot::kAttributed);
  CHECK_FALSE(t.Find("briefing", true)[0]->bare_object);
  CHECK(t.IsParticipationNoun("presence"));
  CHECK_FALSE(t.IsParticipationNoun("remark"));
}

TEST_CASE("malformed frame rows name file and line") {
  struct Bad {
    const char* text;
    const char* message;
  };
  const Bad cases[] = {
      {"verb\tmeet\tpredicate=greets\tsubject=agent\tobject=patient\n", "mine.tsv:1: unknown predicate"},
      {"# comment\nverb\tmeet\tsubject=agent\tobject=patient\n", "mine.tsv:2: missing predicate"},
      {"verb\tmeet\tpredicate=metWith\tsubject=holder\tobject=patient\n", "mine.tsv:1: \"holder\" is not a slot"},
      {"noun\ttalk\tpredicate=metWith\tsubject=agent\tobject=with\n", "mine.tsv:1: \"agent\" is not a slot"},
      {"verb\tMeet\tpredicate=metWith\tsubject=agent\tobject=patient\n", "must be lower case"},
      {"verb\tmeet\tpredicate=metWith\tsubject=agent\tobject=patient\tconfidence=2\n", "confidence must be"},
      {"verb\tmeet\tpredicate=metWith\tsubject=agent\tobject=patient\tneeds=nosuchclass\n", "is not a cue class"},
      {"verb\tmeet\tpredicate=metWith\tsubject=agent\tobject=patient\tcolour=red\n", "unknown key"},
      {"adverb\tsoon\tpredicate=metWith\n", "unknown kind"},
      {"verb\tmeet\tpredicate=metWith\tsubject=agent\tobject=patient\tmodal=sometimes\n", "modal= takes"},
      {"noun\ttalk\tpredicate=metWith\tsubject=holder\tobject=with\tpartner=maybe\n", "partner= takes"},
      {"verb\tmeet\tpredicate=metWith\tsubject=agent\tobject=patient\tactors=Robot\n", "not an entity type"},
      {"verb\tmeet\tpredicate=metWith\tsubject=agent\tobject=patient\tobjects=Person|Robot\n", "not an entity type"},
      {"verb\tmeet\tpredicate=metWith\tsubject=clause_agent\tobject=patient\n", "is not a slot of a verb frame"},
      {"verb\tmeet\tpredicate=metWith\tsubject=appos\tobject=patient\n", "is not a slot of a verb frame"},
      {"noun\timport\tpredicate=supplies\tsubject=goods_origin\tobject=holder\n", "is not a slot"},
      {"verb\tclash\tpredicate=attacks\tsubject=agent\tobject=with\tmutual=no\n", "mutual= takes"},
      {"verb\tsay\tpredicate=visited\tsubject=agent\tobject=in\tvenue=maybe\n", "venue= takes"},
      {"participation\tpresence\tpredicate=metWith\n", "row takes no keys"},
      {"light\thold\tpredicate=metWith\n", "row takes no keys"},
      {"receipt\treceive\tpredicate=metWith\n", "row takes no keys"},
      {"verb\twarn\tpredicate=threatens\tsubject=agent\tobject=patient\tunless=no_such_class\n", "is not a cue class"},
      {"verb\twarn\tpredicate=threatens\tsubject=agent\tobject=patient\town=maybe\n", "own= takes"},
      {"receipt\tget\nreceipt\tget\n", "listed twice"},
      {"light\thold\nlight\tpay\nlight\thold\n", "listed twice"},
      {"verb\tmeet\tpredicate=metWith\tsubject=agent\n", "missing subject= or object="},
      {"noun\ttalk\tpredicate=metWith\tsubject=holder\tobject=with\tparticle=up\n", "particle= belongs to verb"},
      {"verb\ttouch\tpredicate=visited\tsubject=agent\tobject=in\tparticle=Down\n", "one lower-case word"},
      {"verb\t*\tpredicate=cooperatesWith\tsubject=agent\tobject=with\n", "the lemma * is for verb rows with needs="},
      {"noun\t*\tpredicate=metWith\tsubject=holder\tobject=with\tneeds=together\n", "the lemma * is for verb rows"},
  };
  for (const auto& c : cases) {
    FrameTable t;
    Status s = t.LoadString(c.text, "mine.tsv");
    INFO(c.text);
    REQUIRE(!s.ok());
    CHECK(s.message().find(c.message) != std::string::npos);
  }
}
