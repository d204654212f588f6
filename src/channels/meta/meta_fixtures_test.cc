// Every file under FR_SHARED_DIR/fixtures/{facebook,messenger,instagram} is accounted for
// here: either it parses and matches tests/golden/meta/fixtures/<platform>/<stem>.expected.json,
// or it is rejected with a stated reason. A fixture added to the shared folder without an
// entry in kFixtures fails the test, so coverage cannot silently drift.

#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <string>

#include "channels/meta/meta_parse.h"
#include "channels/meta/meta_test_config.h"
#include "tests/support/event_json.h"

namespace fr::channels::meta {
namespace {

namespace fs = std::filesystem;

const std::string kFixtureDir = std::string(FR_SHARED_DIR) + "/fixtures";
const std::string kGoldenDir = std::string(FR_SOURCE_DIR) + "/tests/golden/meta/fixtures";

struct Expectation {
  // Empty: the file parses and is compared with its golden. Otherwise the reason the parse
  // must fail with.
  std::string reject_reason;
  std::string why;  // for rejections: why this file is not (or not our) webhook delivery
};

Expectation Parses() { return {}; }
Expectation Rejected(std::string reason, std::string why) {
  return {std::move(reason), std::move(why)};
}

// Keyed by the path under fixtures/.
const std::map<std::string, Expectation>& Fixtures() {
  static const auto* table = new std::map<std::string, Expectation>{
      // ---- facebook: Page webhooks (feed, mention, ratings) ----
      {"facebook/restfb/feed-comment-add-25.json", Parses()},
      {"facebook/restfb/feed-comment-add-with-photo.json", Parses()},
      {"facebook/restfb/feed-comment-add-with-video.json", Parses()},
      {"facebook/restfb/feed-comment-hide.json", Parses()},
      {"facebook/restfb/feed-comment-remove-25.json", Parses()},
      {"facebook/restfb/feed-comment-unhide.json", Parses()},
      {"facebook/restfb/feed-like-add-25.json", Parses()},           // skipped: feed.like
      {"facebook/restfb/feed-photo-add-message.json", Parses()},
      {"facebook/restfb/feed-post-add-25.json", Parses()},
      {"facebook/restfb/feed-post-edit.json", Parses()},             // verb "edit" (old spelling)
      {"facebook/restfb/feed-reaction-add-comment.json", Parses()},  // skipped: feed.reaction
      {"facebook/restfb/feed-reaction-add-reply.json", Parses()},    // skipped: feed.reaction
      {"facebook/restfb/feed-reaction-add.json", Parses()},          // skipped: feed.reaction
      {"facebook/restfb/feed-share-add-25.json", Parses()},
      {"facebook/restfb/feed-status-add-25.json", Parses()},
      {"facebook/restfb/feed-status-add-photos.json", Parses()},
      {"facebook/restfb/feed-video-add.json", Parses()},
      {"facebook/restfb/mention-comment-add.json", Parses()},
      {"facebook/restfb/mention-post-add.json", Parses()},
      {"facebook/restfb/ratings-comment-add-25.json", Parses()},
      {"facebook/restfb/ratings-rating-add-25.json", Parses()},
      {"facebook/restfb/ratings-rating-add-31.json", Parses()},      // comment_id: null
      {"facebook/restfb/ratings-reaction-add.json", Parses()},       // skipped: ratings.reaction
      {"facebook/restfb/unknown-change-value.json", Parses()},       // skipped: page.unknown_field
      {"facebook/restfb/graph-errors-and-headers/exampleError.json",
       Rejected("missing_field", "Graph API error envelope {error:{…}}, a response, not a webhook")},
      {"facebook/restfb/graph-errors-and-headers/exampleErrorNew.json",
       Rejected("missing_field", "Graph API error envelope with fbtrace_id, not a webhook")},
      {"facebook/restfb/graph-errors-and-headers/exampleOauthError.json",
       Rejected("missing_field", "flat OAuth endpoint error, not a webhook")},
      {"facebook/restfb/graph-errors-and-headers/header-business.json",
       Rejected("missing_field", "value of the X-Business-Use-Case-Usage header, not a webhook")},
      {"facebook/restfb/graph-errors-and-headers/unicode.json",
       Rejected("missing_field", "Graph object {id,name} from a Unicode round-trip test, not a webhook")},

      // ---- messenger: entry.messaging[] ----
      {"messenger/restfb/messaging-approles.json", Parses()},               // messaging.app_roles
      {"messenger/restfb/messaging-delivery-basic.json", Parses()},         // messaging.delivery
      {"messenger/restfb/messaging-message-basic-echo.json", Parses()},
      {"messenger/restfb/messaging-message-basic.json", Parses()},
      {"messenger/restfb/messaging-message-fallback-attachment.json", Parses()},
      {"messenger/restfb/messaging-message-isdeleted.json", Parses()},
      {"messenger/restfb/messaging-message-isunsupported.json", Parses()},
      {"messenger/restfb/messaging-message-location-attachment.json", Parses()},
      {"messenger/restfb/messaging-message-prior.json", Parses()},
      {"messenger/restfb/messaging-message-quickreply.json", Parses()},
      {"messenger/restfb/messaging-message-reply-1.json", Parses()},
      {"messenger/restfb/messaging-message-sticker-thumbup.json", Parses()},
      {"messenger/restfb/messaging-message-sticker.json", Parses()},
      {"messenger/restfb/messaging-optin-basic.json", Parses()},            // messaging.optin
      {"messenger/restfb/messaging-optin-userref.json", Parses()},          // messaging.optin
      {"messenger/restfb/messaging-pass-thread-control.json", Parses()},    // handover
      {"messenger/restfb/messaging-policy-callback-block.json", Parses()},  // policy_enforcement
      {"messenger/restfb/messaging-postback-basic.json", Parses()},         // no title: empty text
      {"messenger/restfb/messaging-postback-referral.json", Parses()},
      {"messenger/restfb/messaging-reaction-1.json", Parses()},             // messaging.reaction
      {"messenger/restfb/messaging-reaction-2.json", Parses()},             // messaging.reaction
      {"messenger/restfb/messaging-read-basic.json", Parses()},             // messaging.read
      {"messenger/restfb/messaging-referral-basic.json", Parses()},         // messaging.referral
      {"messenger/restfb/messaging-request-thread-control.json", Parses()},
      {"messenger/restfb/messaging-take-thread-control.json", Parses()},
      {"messenger/restfb/page-message-tag.json",
       Rejected("missing_field", "one element of the Send API message-tag list, not a webhook")},

      // ---- instagram ----
      {"instagram/restfb/messaging-attachment-unsupported.json", Parses()},
      {"instagram/restfb/messaging-seen.json", Parses()},  // messaging.read
      {"instagram/restfb/wh-comments.json",
       Rejected("unknown_account",
                "dashboard test delivery: entry.id \"0\" is no configured account (see also "
                "MetaFixturesTest.DashboardTestDeliveriesParseForAccountZero)")},
      {"instagram/restfb/wh-livecomments.json",
       Rejected("unknown_account", "dashboard test delivery with entry.id \"0\"")},
      {"instagram/restfb/comment.json",
       Rejected("missing_field", "Graph API IG Comment object (GET /{comment-id}), not a webhook")},
      {"instagram/restfb/comment_missing_user.json",
       Rejected("missing_field", "Graph API IG Comment object without user, not a webhook")},
      {"instagram/restfb/mentioned-media.json",
       Rejected("missing_field", "Graph API mentioned_media response, not a webhook")},
  };
  return *table;
}

std::string GoldenPathFor(const std::string& key) {
  // "facebook/restfb/x/feed.json" -> "<golden>/facebook/feed.expected.json"
  fs::path p(key);
  std::string platform = p.begin()->string();
  return kGoldenDir + "/" + platform + "/" + p.stem().string() + ".expected.json";
}

TEST(MetaFixturesTest, EveryFixtureFileIsInTheTable) {
  int seen = 0;
  for (std::string platform : {"facebook", "messenger", "instagram"}) {
    fs::path root = fs::path(kFixtureDir) / platform;
    ASSERT_TRUE(fs::is_directory(root)) << root;
    for (const auto& e : fs::recursive_directory_iterator(root)) {
      if (!e.is_regular_file()) continue;
      std::string key = fs::relative(e.path(), kFixtureDir).generic_string();
      EXPECT_TRUE(Fixtures().count(key) == 1)
          << key << " is not in kFixtures: decide whether it parses (write its golden) or is "
                    "rejected, and say why";
      ++seen;
    }
  }
  EXPECT_EQ(seen, static_cast<int>(Fixtures().size())) << "the table lists files that are gone";
}

TEST(MetaFixturesTest, EachFixtureParsesToItsGoldenOrIsRejectedAsDocumented) {
  int parsed_count = 0, rejected_count = 0;
  for (const auto& [key, expect] : Fixtures()) {
    SCOPED_TRACE(key);
    std::string path = kFixtureDir + "/" + key;
    if (!fs::exists(path)) {
      ADD_FAILURE() << "missing fixture " << path;
      continue;
    }
    auto parsed = ParseMetaDelivery(testing::ReadFileOrDie(path), TestMetaConfig());
    if (expect.reject_reason.empty()) {
      ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
      EXPECT_EQ(testing::CompareWithGolden(testing::DeliveryToJson(*parsed), GoldenPathFor(key)), "");
      ++parsed_count;
    } else {
      ASSERT_FALSE(parsed.ok()) << "expected rejection: " << expect.why;
      EXPECT_EQ(parsed.status().reason(), expect.reject_reason) << parsed.status().ToString();
      ++rejected_count;
    }
  }
  std::printf("meta fixtures: %d parsed to goldens, %d rejected as documented\n", parsed_count,
              rejected_count);
}

TEST(MetaFixturesTest, DashboardTestDeliveriesParseForAccountZero) {
  // The App Dashboard's "Test" button sends entry.id "0" and a value without from / media.
  MetaConfig config = TestMetaConfig();
  config.pages.push_back({"0", "dashboard test", "0"});
  for (std::string name : {"wh-comments.json", "wh-livecomments.json"}) {
    auto parsed = ParseMetaDelivery(
        testing::ReadFileOrDie(kFixtureDir + "/instagram/restfb/" + name), config);
    ASSERT_TRUE(parsed.ok()) << name << ": " << parsed.status().ToString();
    ASSERT_EQ(parsed->events.size(), 1u);
    const auto& m = parsed->events[0].message;
    EXPECT_EQ(m.platform, domain::Platform::kInstagram);
    EXPECT_EQ(m.kind, domain::MessageKind::kComment);
    EXPECT_EQ(m.external_id, "123456789");
    EXPECT_EQ(m.text, "This is an example.");
    EXPECT_EQ(m.created_at, 1519399307000);
    EXPECT_EQ(m.account_id, "0");
  }
}

}  // namespace
}  // namespace fr::channels::meta
