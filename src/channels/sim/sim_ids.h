// IdGenerator: ids in the formats each platform uses, so that connectors and parsers meet the
// same shapes as in production: X snowflakes (64-bit, time-ordered), Facebook object ids (the
// local part of "<post>_<comment>"), Instagram 17-digit ids, Messenger "m_…" and Instagram
// "aWdf…" message ids, and Graph fbtrace ids. Deterministic: the same calls in the same order
// give the same ids. Not thread-safe (SimPlatform serialises access).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "base/clock.h"

namespace fr::channels::sim {

// Whether `id` is a numeric id as X writes them: 1-19 decimal digits.
bool IsNumericId(std::string_view id);

// Whether the numeric id `a` (no leading zeros) is less than `b`: the order of snowflakes,
// which is the order of creation.
bool NumericIdBefore(std::string_view a, std::string_view b);

class IdGenerator {
 public:
  // A snowflake for something created at `at`: strictly greater than every snowflake returned
  // before, even when `at` goes backwards or repeats.
  std::string Snowflake(UnixMillis at);
  // A Page post id: "<page_id>_<16-digit object id>".
  std::string FacebookPostId(std::string_view page_id);
  // A comment id under the post `post_id` ("<page>_<post>"): "<post>_<16-digit object id>",
  // as Graph answers POST /{id}/comments.
  std::string FacebookCommentId(std::string_view post_id);
  // A 17-digit Instagram id (comments and media).
  std::string InstagramId();
  // A Messenger message id ("m_" + 43 URL-safe base64 characters).
  std::string MessengerMid();
  // An Instagram message id ("aWdf" + 43 URL-safe base64 characters).
  std::string InstagramMid();
  // An 11-character fbtrace_id for Graph errors.
  std::string FbTraceId();

 private:
  // 43 URL-safe base64 characters that differ for every call.
  std::string OpaqueToken();
  std::string FacebookObjectId();

  std::int64_t last_snowflake_ = 0;
  std::uint64_t facebook_seq_ = 0;
  std::uint64_t instagram_seq_ = 0;
  std::uint64_t opaque_seq_ = 0;
};

}  // namespace fr::channels::sim
