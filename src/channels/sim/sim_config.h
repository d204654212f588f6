// SimConfig: who the simulated X, Meta and feeds are talking to. The brand accounts, the
// tokens the connectors and listening sources authenticate with, the secrets the simulator
// signs its webhooks with and the feeds it serves; the lead fills it from the main config
// (x.accounts, x.listening, meta.pages, listening.feeds) so that the simulator and Feedroom
// agree on every id and secret. It mirrors channels/x/x_config.h and
// channels/meta/meta_config.h without depending on them (the simulator plays the platform, not
// a connector). Plain values; immutable once handed to a SimPlatform.
#pragma once

#include <string>
#include <vector>

namespace fr::channels::sim {

// One brand account on the simulated X.
struct SimXAccount {
  std::string user_id;       // numeric id as a string (AAA `for_user_id`)
  std::string handle;        // screen name without '@'
  std::string access_token;  // the user-context bearer token the connector sends for this user
};

struct SimXConfig {
  std::string consumer_secret;  // the app's API secret: key of x-twitter-webhooks-signature
  // The app-only bearer token (Feedroom's listening sources send it); empty: none is accepted.
  std::string app_bearer_token;
  std::vector<SimXAccount> accounts;
};

// One Facebook Page on the simulated Meta, with its linked Instagram account (if any).
struct SimMetaPage {
  std::string page_id;
  std::string name;                // the Page's display name (`from.name` of its comments)
  std::string instagram_user_id;   // may be empty: no Instagram account linked
  std::string instagram_username;  // `from.username` of the Instagram account's own comments
  std::string access_token;        // the Page access token; also acts for the linked Instagram
};

struct SimMetaConfig {
  std::string app_secret;  // key of X-Hub-Signature-256
  std::string app_id;      // carried as `app_id` on Messenger echoes; omitted when empty
  std::vector<SimMetaPage> pages;
};

struct SimConfig {
  SimXConfig x;
  SimMetaConfig meta;
  // Feeds served from the start (empty until a forum post appears in them); a scenario's
  // feeds and those posted to are served too.
  std::vector<std::string> feed_ids;
};

}  // namespace fr::channels::sim
