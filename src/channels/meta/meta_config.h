// MetaConfig: what the Meta channel adapter (Facebook Page feed, Messenger, Instagram) needs
// to know about the brand's accounts and app. Plain values, filled by server/ from the config
// file; immutable once a channel is built from it, so safe to share between threads.
#pragma once

#include <string>
#include <vector>

namespace fr::channels::meta {

// One Facebook Page the app is installed on, and the Instagram professional account linked
// to it (if any).
struct MetaPage {
  std::string page_id;            // entry.id of object "page" deliveries
  std::string name;               // display name, for logs and the UI
  std::string instagram_user_id;  // entry.id of object "instagram" deliveries; may be empty
  // The Page access token (pages_manage_engagement, pages_messaging, instagram_manage_comments,
  // instagram_manage_messages): replies on the Page and its Instagram account are sent with it,
  // as "Authorization: Bearer". A secret: never logged, never put in a URL. Empty: the Page can
  // listen but not reply. (The `= {}` keeps three-field aggregate initialisers warning-free.)
  std::string access_token = {};
};

struct MetaConfig {
  std::string app_secret;    // the App Secret: key of X-Hub-Signature-256
  std::string verify_token;  // our hub.verify_token for the GET subscription handshake
  std::string graph_base = "https://graph.facebook.com";  // overridable for the simulator
  // The Graph API version replies are sent to ({graph_base}/{graph_version}/...). Pinned, not
  // "latest": Meta changes behaviour between versions, and each version lives about two years.
  std::string graph_version = "v21.0";
  std::vector<MetaPage> pages;
};

}  // namespace fr::channels::meta
