#include "channels/x/x_v2_tweets.h"

#include <fmt/format.h>

#include <string>
#include <unordered_map>
#include <utility>

#include "base/log.h"
#include "channels/common/json_fields.h"
#include "channels/common/time_formats.h"
#include "channels/x/x_text.h"

namespace fr::channels::x {
namespace {

using domain::Attachment;
using domain::Message;
using domain::MessageKind;
using domain::Visibility;

constexpr std::string_view kComponent = "x";

// The `includes` expansions of one response, indexed. Elements point into the document.
struct Includes {
  std::unordered_map<std::string, JsonElement> users;   // by id
  std::unordered_map<std::string, JsonElement> media;   // by media_key
  std::unordered_map<std::string, JsonElement> tweets;  // by id
};

// XAA sometimes wraps an included user as {"data":{...}} (PROTOCOLS.md §1.5).
JsonElement Unwrap(JsonElement item) {
  if (auto inner = Member(item, "data"); inner && inner->is_object()) return *inner;
  return item;
}

void Index(JsonElement includes, std::string_view array, std::string_view key,
           std::unordered_map<std::string, JsonElement>& into) {
  auto items = ArrayMember(includes, array);
  if (!items) return;
  for (JsonElement raw : *items) {
    JsonElement item = Unwrap(raw);
    if (auto k = IdMember(item, key)) into.emplace(std::move(*k), item);
  }
}

Includes IndexIncludes(JsonElement root) {
  Includes out;
  auto includes = Member(root, "includes");
  if (!includes) return out;
  Index(*includes, "users", "id", out.users);
  Index(*includes, "media", "media_key", out.media);
  Index(*includes, "tweets", "id", out.tweets);
  if (Member(*includes, "posts")) {
    // OpenAPI 2.167 renames includes.tweets; real payloads still use "tweets" (§1.6).
    FR_LOG(kWarn, kComponent, "v2 payload uses includes.posts (spec drift); not parsed");
  }
  return out;
}

std::string Path(std::string_view base, std::optional<size_t> index, std::string_view field) {
  if (index) return fmt::format("{}[{}].{}", base, *index, field);
  return fmt::format("{}.{}", base, field);
}

void FillAuthor(const std::string& author_id, const Includes& inc, domain::Author& author) {
  author.id = author_id;
  auto it = inc.users.find(author_id);
  if (it == inc.users.end()) return;
  const JsonElement u = it->second;
  if (auto v = StringMember(u, "username")) author.handle = std::string(*v);
  if (auto v = StringMember(u, "name")) author.name = std::string(*v);
  if (auto pm = Member(u, "public_metrics")) author.followers = IntMember(*pm, "followers_count");
  author.verified = BoolMember(u, "verified");
  if (!author.verified) {
    if (auto vt = StringMember(u, "verified_type")) author.verified = *vt != "none";
  }
}

std::vector<Attachment> MediaOf(JsonElement item, const Includes& inc) {
  std::vector<Attachment> out;
  auto attachments = Member(item, "attachments");
  if (!attachments) return out;
  auto keys = ArrayMember(*attachments, "media_keys");
  if (!keys) return out;
  for (JsonElement k : *keys) {
    if (!k.is_string()) continue;
    const std::string key(k.get_string().value_unsafe());
    Attachment a;
    a.type = "media";  // the expansion was not requested: we only know there is one
    if (auto it = inc.media.find(key); it != inc.media.end()) {
      if (auto t = StringMember(it->second, "type")) a.type = std::string(*t);
      if (auto url = StringMember(it->second, "url")) {
        a.url = std::string(*url);
      } else if (auto preview = StringMember(it->second, "preview_image_url")) {
        a.url = std::string(*preview);
      }
    }
    out.push_back(std::move(a));
  }
  return out;
}

bool MentionsAccount(JsonElement item, const XAccount& account, std::string_view text) {
  if (auto entities = Member(item, "entities")) {
    if (auto mentions = ArrayMember(*entities, "mentions")) {
      for (JsonElement m : *mentions) {
        if (!account.user_id.empty() && IdMember(m, "id") == account.user_id) return true;
        auto handle = StringMember(m, "username");
        if (handle && !account.handle.empty() && EqualsIgnoreAsciiCase(*handle, account.handle)) {
          return true;
        }
      }
    }
  }
  return TextMentionsHandle(text, account.handle);
}

Result<Message> ParseTweet(JsonElement item, std::string_view base, std::optional<size_t> index,
                           const Includes& inc, const XAccount& account) {
  Message m;
  m.platform = domain::Platform::kX;
  m.account_id = account.user_id;
  m.visibility = Visibility::kPublic;
  auto id = IdMember(item, "id");
  if (!id || id->empty()) return MissingField(Path(base, index, "id"));
  m.external_id = std::move(*id);

  // A long-form post carries its full text in note_tweet.text (§1.6).
  std::optional<std::string_view> text;
  if (auto note = Member(item, "note_tweet")) text = StringMember(*note, "text");
  if (!text) text = StringMember(item, "text");
  if (!text) return MissingField(Path(base, index, "text"));
  FR_ASSIGN_OR_RETURN(m.text, NormalizeText(*text));

  if (auto author = IdMember(item, "author_id")) FillAuthor(*author, inc, m.author);
  m.is_outbound = !m.author.id.empty() && m.author.id == account.user_id;
  if (auto created = StringMember(item, "created_at")) m.created_at = ParseIso8601(*created).value_or(0);
  if (auto conversation = IdMember(item, "conversation_id")) m.thread_key = std::move(*conversation);
  m.attachments = MediaOf(item, inc);

  if (auto history = ArrayMember(item, "edit_history_tweet_ids"); history && history->size() > 1) {
    JsonElement first = history->at(0).value_unsafe();
    if (first.is_string() && first.get_string().value_unsafe() != m.external_id) {
      m.edit_of = std::string(first.get_string().value_unsafe());
    }
  }
  if (Member(item, "referenced_posts") || Member(item, "edit_history_post_ids")) {
    FR_LOG(kWarn, kComponent, "v2 post uses *_posts field names (spec drift); not parsed id={}",
           m.external_id);
  }

  bool reposted = false;
  bool quotes_us = false;
  if (auto refs = ArrayMember(item, "referenced_tweets")) {
    for (JsonElement ref : *refs) {
      auto type = StringMember(ref, "type");
      auto ref_id = IdMember(ref, "id");
      if (!type || !ref_id) continue;
      if (*type == "retweeted") {
        reposted = true;
      } else if (*type == "replied_to") {
        m.parent_id = *ref_id;
      } else if (*type == "quoted") {
        // A quote counts as ours unless the expansion shows someone else wrote the original.
        quotes_us = true;
        if (auto it = inc.tweets.find(*ref_id); it != inc.tweets.end()) {
          if (auto quoted_author = IdMember(it->second, "author_id")) {
            quotes_us = *quoted_author == account.user_id;
          }
        }
      }
    }
  }
  if (reposted) {
    m.kind = MessageKind::kRepost;
  } else if (quotes_us) {
    m.kind = MessageKind::kQuote;
  } else if (!m.parent_id.empty()) {
    m.kind = MessageKind::kReply;
  } else if (MentionsAccount(item, account, m.text)) {
    m.kind = MessageKind::kMention;
  } else {
    m.kind = MessageKind::kPost;
  }
  return m;
}

// The other participant of a 1:1 conversation id "<lowerId>-<higherId>", or empty.
std::string OtherParticipant(std::string_view conversation_id, std::string_view self) {
  const size_t dash = conversation_id.find('-');
  if (dash == std::string_view::npos) return {};
  std::string_view a = conversation_id.substr(0, dash);
  std::string_view b = conversation_id.substr(dash + 1);
  if (a == self) return std::string(b);
  if (b == self) return std::string(a);
  return {};
}

Result<std::optional<Message>> ParseDmEvent(JsonElement item, std::optional<size_t> index,
                                            const Includes& inc, const XAccount& account) {
  if (auto type = StringMember(item, "event_type"); type && *type != "MessageCreate") {
    return std::optional<Message>();
  }
  Message m;
  m.platform = domain::Platform::kX;
  m.account_id = account.user_id;
  m.visibility = Visibility::kPrivate;
  m.kind = MessageKind::kDm;
  auto id = IdMember(item, "id");
  if (!id || id->empty()) return MissingField(Path("data", index, "id"));
  m.external_id = std::move(*id);
  FR_ASSIGN_OR_RETURN(m.text, NormalizeText(StringMember(item, "text").value_or("")));
  if (auto sender = IdMember(item, "sender_id")) FillAuthor(*sender, inc, m.author);
  if (auto created = StringMember(item, "created_at")) m.created_at = ParseIso8601(*created).value_or(0);
  if (auto conversation = IdMember(item, "dm_conversation_id")) m.thread_key = std::move(*conversation);
  m.attachments = MediaOf(item, inc);
  m.is_outbound = !m.author.id.empty() && m.author.id == account.user_id;
  if (!m.author.id.empty() && !m.is_outbound) {
    m.counterpart_id = m.author.id;
  } else {
    m.counterpart_id = OtherParticipant(m.thread_key, account.user_id);
  }
  return std::optional<Message>(std::move(m));
}

// Calls `each(item, index)` for `data` as one object (index nullopt) or each array item.
template <typename Fn>
Status ForEachData(JsonElement root, Fn&& each) {
  auto data = Member(root, "data");
  if (!data) return Status::Ok();
  if (data->is_array()) {
    const simdjson::dom::array items = data->get_array().value_unsafe();  // named, not a temporary
    size_t i = 0;
    for (JsonElement item : items) {
      FR_RETURN_IF_ERROR(each(item, std::optional<size_t>(i)));
      ++i;
    }
    return Status::Ok();
  }
  return each(*data, std::optional<size_t>());
}

Result<std::vector<Message>> TweetsOf(JsonElement root, const XAccount& account) {
  if (!root.is_object()) return MissingField("data");
  const Includes inc = IndexIncludes(root);
  std::vector<Message> out;
  FR_RETURN_IF_ERROR(ForEachData(root, [&](JsonElement item, std::optional<size_t> i) -> Status {
    FR_ASSIGN_OR_RETURN(Message m, ParseTweet(item, "data", i, inc, account));
    out.push_back(std::move(m));
    return Status::Ok();
  }));
  return out;
}

XApiError ErrorOf(JsonElement e) {
  XApiError out;
  out.title = std::string(StringMember(e, "title").value_or(""));
  out.type = std::string(StringMember(e, "type").value_or(""));
  out.detail = std::string(StringMember(e, "detail").value_or(""));
  out.message = std::string(StringMember(e, "message").value_or(""));
  out.code = IntMember(e, "code");
  return out;
}

std::vector<XApiError> ErrorsOf(JsonElement root) {
  std::vector<XApiError> out;
  if (!root.is_object()) return out;
  if (StringMember(root, "title") || StringMember(root, "type")) out.push_back(ErrorOf(root));
  if (auto errors = ArrayMember(root, "errors")) {
    for (JsonElement e : *errors) out.push_back(ErrorOf(e));
  }
  return out;
}

}  // namespace

Result<std::vector<Message>> ParseV2Tweets(std::string_view body, const XAccount& account) {
  JsonDocument doc;
  FR_RETURN_IF_ERROR(doc.Parse(body));
  return TweetsOf(doc.root(), account);
}

Result<std::vector<Message>> ParseV2DmEvents(std::string_view body, const XAccount& account) {
  JsonDocument doc;
  FR_RETURN_IF_ERROR(doc.Parse(body));
  const JsonElement root = doc.root();
  if (!root.is_object()) return MissingField("data");
  const Includes inc = IndexIncludes(root);
  std::vector<Message> out;
  FR_RETURN_IF_ERROR(ForEachData(root, [&](JsonElement item, std::optional<size_t> i) -> Status {
    FR_ASSIGN_OR_RETURN(std::optional<Message> m, ParseDmEvent(item, i, inc, account));
    if (m) out.push_back(std::move(*m));
    return Status::Ok();
  }));
  return out;
}

Result<std::vector<XApiError>> ParseV2Errors(std::string_view body) {
  JsonDocument doc;
  FR_RETURN_IF_ERROR(doc.Parse(body));
  return ErrorsOf(doc.root());
}

Result<XStreamLine> ParseStreamLine(std::string_view line, const XAccount& account) {
  XStreamLine out;
  if (line.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    out.heartbeat = true;
    return out;
  }
  JsonDocument doc;
  FR_RETURN_IF_ERROR(doc.Parse(line));
  const JsonElement root = doc.root();
  FR_ASSIGN_OR_RETURN(out.messages, TweetsOf(root, account));
  if (auto rules = ArrayMember(root, "matching_rules")) {
    for (JsonElement r : *rules) {
      XStreamRule rule;
      rule.id = IdMember(r, "id").value_or("");
      rule.tag = std::string(StringMember(r, "tag").value_or(""));
      out.matching_rules.push_back(std::move(rule));
    }
  }
  out.errors = ErrorsOf(root);
  return out;
}

}  // namespace fr::channels::x
