#include "api/stream_route.h"

#include <algorithm>
#include <cctype>
#include <utility>

#include "api/error_response.h"
#include "api/live_event_json.h"
#include "base/log.h"

namespace fr::api {
namespace {

using domain::Action;

// What a stream works with; all outlive it.
struct StreamServices {
  engine::EventHub& hub;
  engine::Presence& presence;
  engine::RoutingSweep* sweep;
  CaseSla sla;
};

// One open stream: its subscription to the hub, and its user's presence.
class StreamSource final : public LiveSource {
 public:
  StreamSource(StreamServices services, const domain::User& user, domain::LiveViewer viewer,
               const std::shared_ptr<LiveConnection>& connection)
      : services_(services), user_(user.id) {
    // Subscribed before the user is present, so the cases routed to them on arrival are seen.
    subscription_ = services_.hub.Subscribe(
        viewer, [weak = std::weak_ptr<LiveConnection>(connection)] {
          if (auto c = weak.lock()) c->Wake();
        });
    hello_ = HelloJson(user, viewer, services_.hub.clock().NowMillis());
    services_.presence.Connect(user_);
    if (services_.sweep != nullptr) services_.sweep->Wake();
    FR_LOG(kInfo, "live", "stream opened user_id={}", user_);
  }

  LiveOutgoing TakeOutgoing() override {
    LiveOutgoing out;
    if (!hello_.empty()) out.messages.push_back(std::exchange(hello_, {}));
    engine::LiveSubscription::Batch batch = subscription_->Take();
    for (const auto& event : batch.events) {
      out.messages.push_back(LiveEventJson(*event, services_.sla));
    }
    if (batch.overflowed) {
      out.messages.push_back(OverflowJson(services_.hub.clock().NowMillis()));
      out.close = LiveClose{1013, "overflow"};
    }
    return out;
  }

  void OnClosed() override {
    subscription_->Cancel();
    services_.presence.Disconnect(user_);
    FR_LOG(kInfo, "live", "stream closed user_id={}", user_);
  }

 private:
  const StreamServices services_;
  const domain::UserId user_;
  std::shared_ptr<engine::LiveSubscription> subscription_;
  std::string hello_;  // until sent
};

// The audience of `user`'s stream: their role and the teams they are a member of now.
Result<domain::LiveViewer> ViewerOf(ports::Store& store, const domain::User& user) {
  FR_ASSIGN_OR_RETURN(std::vector<domain::Team> teams, store.people().ListTeams());
  domain::LiveViewer viewer{user.id, user.role, {}};
  for (const domain::Team& t : teams) {
    if (std::ranges::find(t.members, user.id) != t.members.end()) viewer.teams.push_back(t.id);
  }
  return viewer;
}

bool EqualsAsciiCaseless(std::string_view a, std::string_view b) {
  auto lower = [](char c) { return std::tolower(static_cast<unsigned char>(c)); };
  return std::ranges::equal(a, b, [&lower](char x, char y) { return lower(x) == lower(y); });
}

}  // namespace

bool IsSameOrigin(const ApiRequest& req) {
  std::string_view origin = req.headers.Get("origin");
  if (origin.empty()) return true;
  std::size_t scheme_end = origin.find("://");
  if (scheme_end == std::string_view::npos) return false;  // "null" and other opaque origins
  std::string_view authority = origin.substr(scheme_end + 3);
  authority = authority.substr(0, authority.find('/'));
  std::string_view host = req.headers.Get("host");
  return !host.empty() && EqualsAsciiCaseless(authority, host);
}

void AddStreamRoute(Router& router, const AuthGate& gate, engine::EventHub& hub,
                    engine::Presence& presence, engine::RoutingSweep* sweep, ports::Store& store,
                    CaseSla sla) {
  StreamServices services{hub, presence, sweep, sla};
  router.Add("GET", "/api/v1/stream",
             gate.Require(Action::kReadCases, [services, &store](const ApiRequest& req,
                                                                 const engine::Principal& who,
                                                                 Responder respond) {
               if (who.via == engine::Principal::Via::kSession && !IsSameOrigin(req)) {
                 FR_LOG(kWarn, "live", "cross-origin stream refused user_id={}", who.user.id);
                 return respond(ErrorResponse(Status(
                     Errc::kForbidden, "cross_origin",
                     "a signed-in browser may open the stream only from this server's own pages")));
               }
               Result<domain::LiveViewer> viewer = ViewerOf(store, who.user);
               if (!viewer.ok()) return respond(ErrorResponse(viewer.status()));
               ApiResponse upgrade;
               upgrade.upgrade = [services, user = who.user, viewer = *std::move(viewer)](
                                     std::shared_ptr<LiveConnection> connection) {
                 return std::make_shared<StreamSource>(services, user, viewer, connection);
               };
               respond(std::move(upgrade));
             }));
}

}  // namespace fr::api
