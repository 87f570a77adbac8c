// The one reader of irkg's ISO dates, and what is built on it.
#include <catch2/catch.hpp>

#include "core/iso_date.h"

using namespace irkg;

TEST_CASE("ReadIsoDate reads the three forms and nothing else") {
  auto day = ReadIsoDate("2021-05-03");
  REQUIRE(day);
  CHECK((day->year == 2021 && day->month == 5 && day->day == 3));
  auto month = ReadIsoDate("1999-12");
  REQUIRE(month);
  CHECK((month->year == 1999 && month->month == 12 && month->day == 0));
  auto year = ReadIsoDate("2030");
  REQUIRE(year);
  CHECK((year->year == 2030 && year->month == 0));
  // The numbers are not judged: that is the caller's part.
  REQUIRE(ReadIsoDate("2023-13-40"));
  CHECK(ReadIsoDate("2023-13-40")->month == 13);
  for (const char* bad : {"", "202", "2023-1", "2023/05/01", "2023-05-1x", "May 2021", "20230501", "2023-05-01T10"})
    CHECK_FALSE(ReadIsoDate(bad));
}

TEST_CASE("IsIsoDate judges the numbers ReadIsoDate reads") {
  CHECK(IsIsoDate("2023"));
  CHECK(IsIsoDate("2023-02"));
  CHECK(IsIsoDate("2023-02-28"));
  CHECK_FALSE(IsIsoDate("2023-13"));
  CHECK_FALSE(IsIsoDate("2023-00-10"));
  CHECK_FALSE(IsIsoDate("2023-02-32"));
  CHECK_FALSE(IsIsoDate("2023-2-3"));
}

TEST_CASE("YearOf takes the leading year of any date text") {
  CHECK(YearOf("2021-05-03") == 2021);
  CHECK(YearOf("1999") == 1999);
  CHECK(YearOf("2021-05-03T10:00") == 2021);
  CHECK(YearOf("") == 0);
  CHECK(YearOf("May 2021") == 0);
}
