#include "channels/sim/sim_ids.h"

#include <algorithm>

#include "base/crypto.h"

namespace fr::channels::sim {
namespace {

// X's snowflake epoch (2010-11-04T01:42:54.657Z): id = (ms - epoch) << 22 | worker | sequence.
constexpr std::int64_t kTwitterEpochMs = 1288834974657;
constexpr std::int64_t kWorkerBits = std::int64_t{1} << 12;  // worker 1, datacenter 0
// First ids of each family: 16 and 17 digits, as real Page comment and Instagram ids are.
constexpr std::uint64_t kFacebookBase = 1'700'000'000'000'000;
constexpr std::uint64_t kInstagramBase = 17'900'000'000'000'000;

}  // namespace

bool IsNumericId(std::string_view id) {
  return !id.empty() && id.size() <= 19 &&
         id.find_first_not_of("0123456789") == std::string_view::npos;
}

bool NumericIdBefore(std::string_view a, std::string_view b) {
  return a.size() != b.size() ? a.size() < b.size() : a < b;
}

std::string IdGenerator::Snowflake(UnixMillis at) {
  const std::int64_t from_time =
      (std::max<std::int64_t>(at - kTwitterEpochMs, 0) << 22) | kWorkerBits;
  last_snowflake_ = std::max(from_time, last_snowflake_ + 1);
  return std::to_string(last_snowflake_);
}

std::string IdGenerator::FacebookObjectId() {
  return std::to_string(kFacebookBase + ++facebook_seq_);
}

std::string IdGenerator::FacebookPostId(std::string_view page_id) {
  return std::string(page_id) + "_" + FacebookObjectId();
}

std::string IdGenerator::FacebookCommentId(std::string_view post_id) {
  return std::string(post_id.substr(post_id.rfind('_') + 1)) + "_" + FacebookObjectId();
}

std::string IdGenerator::InstagramId() { return std::to_string(kInstagramBase + ++instagram_seq_); }

std::string IdGenerator::MessengerMid() { return "m_" + OpaqueToken(); }

std::string IdGenerator::InstagramMid() { return "aWdf" + OpaqueToken(); }

std::string IdGenerator::FbTraceId() {
  std::string token = OpaqueToken().substr(0, 11);
  std::replace(token.begin(), token.end(), '-', 'Q');
  std::replace(token.begin(), token.end(), '_', 'z');
  return token;
}

std::string IdGenerator::OpaqueToken() {
  std::string token =
      crypto::Base64(crypto::HmacSha256("feedroom-sim", std::to_string(++opaque_seq_)));
  token.erase(std::remove(token.begin(), token.end(), '='), token.end());
  std::replace(token.begin(), token.end(), '+', '-');
  std::replace(token.begin(), token.end(), '/', '_');
  return token;
}

}  // namespace fr::channels::sim
