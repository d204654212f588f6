#include "channels/common/time_formats.h"

#include <gtest/gtest.h>

namespace fr::channels {
namespace {

TEST(TimeFormatsTest, TwitterDate) {
  // 2019-12-19T11:27:49Z
  EXPECT_EQ(ParseTwitterDate("Thu Dec 19 11:27:49 +0000 2019"), 1576754869000);
  EXPECT_EQ(ParseTwitterDate("Thu Dec 19 13:27:49 +0200 2019"), 1576754869000);
  EXPECT_EQ(ParseTwitterDate("Thu Dex 19 11:27:49 +0000 2019"), std::nullopt);
  EXPECT_EQ(ParseTwitterDate("2019-12-19"), std::nullopt);
}

TEST(TimeFormatsTest, Iso8601) {
  EXPECT_EQ(ParseIso8601("2020-06-25T06:14:19.000Z"), 1593065659000);
  EXPECT_EQ(ParseIso8601("2020-06-25T06:14:19.5Z"), 1593065659500);
  EXPECT_EQ(ParseIso8601("2020-06-25T08:14:19+02:00"), 1593065659000);
  EXPECT_EQ(ParseIso8601("1969-12-31T23:59:59Z"), -1000);
  EXPECT_EQ(ParseIso8601("2020-13-25T06:14:19Z"), std::nullopt);
  EXPECT_EQ(ParseIso8601("2020-06-25T06:14:19"), std::nullopt);
}

TEST(TimeFormatsTest, Iso8601Lenient) {
  // 2003-12-31T10:14:55Z
  EXPECT_EQ(ParseIso8601Lenient("2003-12-31T10:14:55Z"), 1072865695000);
  EXPECT_EQ(ParseIso8601Lenient(" 2003-12-31T11:14:55+01:00\n"), 1072865695000);
  EXPECT_EQ(ParseIso8601Lenient("2003-12-31T11:14:55+0100"), 1072865695000);
  EXPECT_EQ(ParseIso8601Lenient("2003-12-31T11:14:55+01"), 1072865695000);
  EXPECT_EQ(ParseIso8601Lenient("2003-12-31t10:14:55.250z"), 1072865695250);
  EXPECT_EQ(ParseIso8601Lenient("2003-12-31T10:14:55"), 1072865695000);  // no zone: UTC
  EXPECT_EQ(ParseIso8601Lenient("2003-12-31T10:14Z"), 1072865640000);
  EXPECT_EQ(ParseIso8601Lenient("2003-12-31"), 1072828800000);
  EXPECT_EQ(ParseIso8601Lenient("2003-12"), 1070236800000);
  EXPECT_EQ(ParseIso8601Lenient("2003"), 1041379200000);
  EXPECT_EQ(ParseIso8601Lenient("2003-13-31"), std::nullopt);
  EXPECT_EQ(ParseIso8601Lenient("2003-12-31T10"), std::nullopt);
  EXPECT_EQ(ParseIso8601Lenient("2003-12-31T10:14:55 GMT"), std::nullopt);
  EXPECT_EQ(ParseIso8601Lenient("Thu, 01 Jan 2004 19:48:21 GMT"), std::nullopt);
  EXPECT_EQ(ParseIso8601Lenient(""), std::nullopt);
}

TEST(TimeFormatsTest, Rfc822) {
  // 2004-01-01T19:48:21Z
  constexpr UnixMillis kT = 1072986501000;
  EXPECT_EQ(ParseRfc822Date("Thu, 01 Jan 2004 19:48:21 GMT"), kT);
  EXPECT_EQ(ParseRfc822Date("Thu, 1 Jan 2004 19:48:21 +0000"), kT);
  EXPECT_EQ(ParseRfc822Date("01 Jan 2004 21:48:21 +0200"), kT);
  EXPECT_EQ(ParseRfc822Date("Thursday, 01 January 2004 14:48:21 EST"), kT);
  EXPECT_EQ(ParseRfc822Date("Thu, 01 Jan 04 11:48:21 PST"), kT);
  EXPECT_EQ(ParseRfc822Date("Thu, 01 Jan 2004 21:48:21 IST"), kT);  // Israel Standard Time
  EXPECT_EQ(ParseRfc822Date("Thu, 01 Jan 2004 22:48:21 IDT"), kT);
  EXPECT_EQ(ParseRfc822Date("Thu, 01 Jan 2004 21:48:21 +02:00"), kT);
  EXPECT_EQ(ParseRfc822Date("Thu, 01 Jan 2004 21:48:21 GMT+0200"), kT);
  EXPECT_EQ(ParseRfc822Date("Thu, 01 Jan 2004 20:48:21 +0100 (CET)"), kT);
  EXPECT_EQ(ParseRfc822Date("Thu, Jan 01 2004 19:48:21 GMT"), kT);
  EXPECT_EQ(ParseRfc822Date("Thu,01 Jan 2004 19:48:21 Z"), kT);
  EXPECT_EQ(ParseRfc822Date("Thu, 01 Jan 2004 19:48:21.000 GMT"), kT);
  EXPECT_EQ(ParseRfc822Date("Thu, 01 Jan 2004 19:48:21 XYZ"), kT);  // unknown zone: UTC
  EXPECT_EQ(ParseRfc822Date("Thu, 01 Jan 2004 19:48:21 A"), kT);    // military letter: UTC
  EXPECT_EQ(ParseRfc822Date("Thu, 01 Jan 2004 19:48:21"), kT);      // no zone: UTC
  EXPECT_EQ(ParseRfc822Date("Thu, 01 Jan 2004 19:48 GMT"), kT - 21000);
  EXPECT_EQ(ParseRfc822Date("01 Jan 2004"), kT - (19 * 3600 + 48 * 60 + 21) * 1000);
  EXPECT_EQ(ParseRfc822Date("Wed, 02 Oct 2002 08:00:00 EST"), 1033563600000);
  EXPECT_EQ(ParseRfc822Date("Sun, 19 May 02 15:21:36 +0100"), 1021818096000);
  // Not a date: Greek names, ISO text, garbage, impossible values.
  EXPECT_EQ(ParseRfc822Date(
                "\xce\xa4\xcf\x81\xce\xb9, 29 \xce\x99\xce\xbf\xcf\x8d\xce\xbd 2004 12:53:00 GMT"),
            std::nullopt);
  EXPECT_EQ(ParseRfc822Date("2003-12-31T10:14:55Z"), std::nullopt);
  EXPECT_EQ(ParseRfc822Date("yesterday"), std::nullopt);
  EXPECT_EQ(ParseRfc822Date(""), std::nullopt);
  EXPECT_EQ(ParseRfc822Date("Thu, 32 Jan 2004 19:48:21 GMT"), std::nullopt);
  EXPECT_EQ(ParseRfc822Date("Thu, 01 Foo 2004 19:48:21 GMT"), std::nullopt);
  EXPECT_EQ(ParseRfc822Date("Thu, 01 Jan 2004 25:48:21 GMT"), std::nullopt);
  EXPECT_EQ(ParseRfc822Date("Thu, 01 Jan 2004 19:48:21 +2500"), std::nullopt);
  EXPECT_EQ(ParseRfc822Date("Thu, 01 Jan 2004 19:48:21 GMT extra"), std::nullopt);
}

}  // namespace
}  // namespace fr::channels
