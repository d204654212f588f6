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
};

struct MetaConfig {
  std::string app_secret;    // the App Secret: key of X-Hub-Signature-256
  std::string verify_token;  // our hub.verify_token for the GET subscription handshake
  std::string graph_base = "https://graph.facebook.com";  // overridable for the simulator
  std::vector<MetaPage> pages;
};

}  // namespace fr::channels::meta
