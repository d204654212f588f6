#include "server/listen_commands.h"

#include <boost/json.hpp>

#include <fstream>
#include <iostream>
#include <sstream>

#include "domain/listen/rule_file.h"
#include "nlp/listen/rule_matcher.h"

namespace fr::server {
namespace {

// A post read from one JSON line; `text` and `language` keep the views' strings alive.
struct PostLine {
  std::string text;
  std::string language;
  std::string author;
  domain::ListenPost post;
};

// Reads {"text": ..., ...} into `line`; an error message for anything else.
Status ParsePostLine(std::string_view json, PostLine* line) {
  auto bad = [](std::string message) { return Status(Errc::kInvalidArgument, "bad_post", std::move(message)); };
  boost::system::error_code ec;
  const boost::json::value value = boost::json::parse(json, ec);
  if (ec) return bad("not JSON: " + ec.message());
  const boost::json::object* object = value.if_object();
  if (!object) return bad("expected a JSON object");
  auto string_field = [&](const char* name, std::string* to) -> Status {
    const boost::json::value* v = object->if_contains(name);
    if (!v) return Status::Ok();
    if (!v->is_string()) return bad(std::string("\"") + name + "\" must be a string");
    *to = std::string(v->get_string());
    return Status::Ok();
  };
  const boost::json::value* text = object->if_contains("text");
  if (!text || !text->is_string()) return bad("\"text\" must be a string");
  line->text = std::string(text->get_string());
  std::string platform, kind;
  FR_RETURN_IF_ERROR(string_field("platform", &platform));
  FR_RETURN_IF_ERROR(string_field("kind", &kind));
  FR_RETURN_IF_ERROR(string_field("lang", &line->language));
  FR_RETURN_IF_ERROR(string_field("author", &line->author));
  line->post = domain::ListenPost{};
  line->post.text = line->text;
  line->post.language = line->language;
  line->post.author_handle = line->author;
  if (!platform.empty()) {
    const auto p = domain::ParsePlatform(platform);
    if (!p) return bad("unknown platform \"" + platform + "\"");
    line->post.platform = *p;
  }
  if (!kind.empty()) {
    const auto k = domain::ParseMessageKind(kind);
    if (!k) return bad("unknown kind \"" + kind + "\"");
    line->post.kind = *k;
  }
  if (const boost::json::value* followers = object->if_contains("followers")) {
    if (followers->is_int64()) {
      line->post.followers = followers->get_int64();
    } else if (followers->is_uint64() && followers->get_uint64() <= INT64_MAX) {
      line->post.followers = static_cast<std::int64_t>(followers->get_uint64());
    } else if (!followers->is_null()) {
      return bad("\"followers\" must be a whole number");
    }
  }
  return Status::Ok();
}

}  // namespace

int RunListenTest(const std::string& rules_path, std::istream& in, std::ostream& out, std::ostream& err) {
  std::ifstream file(rules_path, std::ios::binary);
  std::stringstream content;
  if (!file || !(content << file.rdbuf())) {
    err << "feedroom listen test: cannot read " << rules_path << "\n";
    return 2;
  }
  auto rules = domain::ParseRulesFile(content.str(), rules_path);
  if (!rules.ok()) {
    err << rules.status().message() << "\n";
    return 2;
  }
  auto matcher = nlp::RuleMatcherCompiler().Compile(*rules);
  if (!matcher.ok()) {
    err << rules_path << ": " << matcher.status().message() << "\n";
    return 2;
  }
  int bad_lines = 0;
  PostLine line;
  std::vector<std::string> ids;
  int number = 0;
  for (std::string json; std::getline(in, json);) {
    ++number;
    if (const Status status = ParsePostLine(json, &line); !status.ok()) {
      ++bad_lines;
      const std::string message = "line " + std::to_string(number) + ": " + status.message();
      err << "feedroom listen test: " << message << "\n";
      out << boost::json::serialize(boost::json::object{{"error", message}}) << "\n";
      continue;
    }
    ids.clear();
    (*matcher)->Match(line.post, &ids);
    boost::json::array matches;
    for (const std::string& id : ids) matches.emplace_back(id);
    out << boost::json::serialize(boost::json::object{{"matches", std::move(matches)}}) << "\n";
  }
  out.flush();
  return bad_lines == 0 ? 0 : 1;
}

}  // namespace fr::server
