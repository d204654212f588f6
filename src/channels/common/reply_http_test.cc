#include "channels/common/reply_http.h"

#include <gtest/gtest.h>

namespace fr::channels {
namespace {

using Kind = ports::SendOutcome::Kind;

TEST(ReplyHttpTest, BearerJsonPostPutsTheTokenInAHeader) {
  const HttpRequest r = BearerJsonPost("https://api.x.com/2/tweets", "tok", R"({"text":"a"})",
                                       std::chrono::milliseconds(1234));
  EXPECT_EQ(r.method, "POST");
  EXPECT_EQ(r.url, "https://api.x.com/2/tweets");
  ASSERT_EQ(r.headers.size(), 2u);
  EXPECT_EQ(r.headers[0], (std::pair<std::string, std::string>{"Authorization", "Bearer tok"}));
  EXPECT_EQ(r.headers[1],
            (std::pair<std::string, std::string>{"Content-Type", "application/json"}));
  EXPECT_EQ(r.body, R"({"text":"a"})");
  EXPECT_EQ(r.timeout.count(), 1234);
}

TEST(ReplyHttpTest, TransportFailureIsRetriedAndAmbiguousUnlessSurelyNotSent) {
  const auto maybe = TransportFailureOutcome(
      Status(Errc::kUnavailable, std::string(kRequestMaybeSent), "Timeout was reached"));
  EXPECT_EQ(maybe.kind, Kind::kRetryLater);
  EXPECT_TRUE(maybe.ambiguous);
  EXPECT_EQ(maybe.retry_at, 0);
  EXPECT_EQ(maybe.http_status, 0);
  EXPECT_EQ(maybe.error_code, kRequestMaybeSent);
  EXPECT_EQ(maybe.error_text, "Timeout was reached");

  const auto not_sent = TransportFailureOutcome(
      Status(Errc::kUnavailable, std::string(kRequestNotSent), "Couldn't connect to server"));
  EXPECT_EQ(not_sent.kind, Kind::kRetryLater);
  EXPECT_FALSE(not_sent.ambiguous);
}

TEST(ReplyHttpTest, RefusedReplyFailsWithTheValidationReason) {
  const Status invalid = InvalidReply("empty_text", "the reply is empty");
  EXPECT_EQ(invalid.code(), Errc::kInvalidArgument);
  const auto out = RefusedOutcome(invalid);
  EXPECT_EQ(out.kind, Kind::kFailed);
  EXPECT_EQ(out.http_status, 0);
  EXPECT_EQ(out.error_code, "empty_text");
  EXPECT_EQ(out.error_text, "the reply is empty");
}

TEST(ReplyHttpTest, BlankText) {
  EXPECT_TRUE(IsBlankText(""));
  EXPECT_TRUE(IsBlankText(" \t\r\n "));
  EXPECT_FALSE(IsBlankText(" .\n"));
  EXPECT_FALSE(IsBlankText("שלום"));
}

TEST(ReplyHttpTest, PathSafeIds) {
  EXPECT_TRUE(IsPathSafeId("1456012973835788293"));
  EXPECT_TRUE(IsPathSafeId("104395612345678_1234567890"));
  EXPECT_FALSE(IsPathSafeId(""));
  EXPECT_FALSE(IsPathSafeId("123/messages"));
  EXPECT_FALSE(IsPathSafeId("123?x=1"));
  EXPECT_FALSE(IsPathSafeId(".."));
  EXPECT_FALSE(IsPathSafeId("12 3"));
}

}  // namespace
}  // namespace fr::channels
