#include "api/alert_json.h"

#include <cmath>

#include <boost/json.hpp>

#include "api/metrics_json.h"

namespace fr::api {
namespace json = boost::json;
namespace {

json::value Followers(const std::optional<std::int64_t>& f) {
  return f ? json::value(*f) : json::value(nullptr);
}

json::object SampleObject(const ports::SeriesMessage& m) {
  return json::object{
      {"id", std::to_string(m.head.message_id)},
      {"case_id", m.head.case_id ? json::value(std::to_string(m.head.case_id)) : json::value(nullptr)},
      {"platform", domain::PlatformName(m.head.platform)},
      {"author_handle", m.head.author_handle},
      {"author_name", m.head.author_name},
      {"author_followers", Followers(m.head.author_followers)},
      {"created_at", m.head.at},
      {"text", m.text},
  };
}

}  // namespace

json::object ExplainedSpikeObject(const ports::ExplainedSpike& spike) {
  const domain::metrics::SpikeExplanation& e = spike.explanation;
  json::array terms, sources, authors, samples;
  for (const auto& t : e.top_terms) {
    terms.push_back(json::object{
        {"term", t.term}, {"count", t.count}, {"lift", std::round(t.lift * 10) / 10}});
  }
  for (const auto& s : e.sources) {
    sources.push_back(json::object{{"platform", domain::PlatformName(s.platform)},
                                   {"account_id", s.account_id},
                                   {"count", s.count}});
  }
  for (const auto& a : e.top_authors) {
    authors.push_back(json::object{{"platform", domain::PlatformName(a.platform)},
                                   {"handle", a.handle},
                                   {"name", a.name},
                                   {"followers", Followers(a.followers)},
                                   {"count", a.count}});
  }
  for (const auto& m : spike.samples) samples.push_back(SampleObject(m));
  json::object o = SpikeAlertObject(spike.alert);
  o["explanation"] = json::object{{"messages", e.messages},   {"negative", e.negative},
                                  {"top_terms", terms},       {"sources", sources},
                                  {"top_authors", authors},   {"samples", samples}};
  return o;
}

}  // namespace fr::api
