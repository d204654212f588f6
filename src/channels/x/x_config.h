// Configuration of the X (Twitter) channel: the app's consumer secret (the key of both the CRC
// answer and the delivery signature, PROTOCOLS.md §1.2-1.3), the API base URL (configurable so
// the simulator and the real platform are the same code) and the brand accounts subscribed to
// the Account Activity webhook, with the tokens their replies are sent with. Plain values;
// immutable once handed to the channel.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace fr::channels::x {

// One subscribed brand account.
struct XAccount {
  std::string user_id;  // the numeric user id as a string (AAA `for_user_id`)
  std::string handle;   // screen name without '@'; used to spot mentions in text
  // The account's OAuth 2.0 user access token (scopes tweet.read, tweet.write, dm.read,
  // dm.write, users.read), sent as "Authorization: Bearer" by the reply gateway. A secret:
  // never logged. Empty: the account can listen but not reply. (The `= {}` keeps two-field
  // aggregate initialisers free of missing-initializer warnings.)
  std::string access_token = {};
};

struct XConfig {
  std::string consumer_secret;  // the app's API secret key (never the bearer token)
  std::string api_base = "https://api.x.com";
  std::vector<XAccount> accounts;
};

// Returns the account of `config` whose user_id is `user_id`, or nullptr. The pointer is valid
// while `config` lives and is not modified.
inline const XAccount* FindAccount(const XConfig& config, std::string_view user_id) {
  for (const auto& a : config.accounts) {
    if (a.user_id == user_id) return &a;
  }
  return nullptr;
}

}  // namespace fr::channels::x
