#include "server/history_commands.h"

#include <boost/json.hpp>

#include <chrono>
#include <fstream>
#include <ostream>

#include "channels/x/twcs_csv.h"
#include "engine/ingest/history_import.h"
#include "engine/metrics/metrics_keeper.h"
#include "engine/sla/sla_tracker.h"
#include "server/commands.h"
#include "server/insight_stack.h"
#include "server/sla_config.h"

namespace fr::server {
namespace {

double SecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// The SLA settings of `store`'s teams, for the business calendars the metrics measure in.
Result<engine::SlaSettings> SlaSettingsOf(const ServerConfig& config, ports::Store& store) {
  FR_ASSIGN_OR_RETURN(std::vector<domain::Team> teams, store.people().ListTeams());
  return ResolveSlaSettings(config.sla, teams);
}

// A metrics keeper measuring business time by the calendars of `sla`, which must outlive it.
std::unique_ptr<engine::MetricsKeeper> MakeKeeper(const engine::SlaTracker& sla) {
  return std::make_unique<engine::MetricsKeeper>(
      [&sla](std::optional<domain::TeamId> team) -> const domain::sla::BusinessCalendar& {
        return sla.CalendarOf(team);
      });
}

}  // namespace

int RunTwcsImport(const ServerConfig& config, const std::string& csv_path,
                  const std::vector<std::string>& brands, std::ostream& out, std::ostream& err) {
  const auto start = std::chrono::steady_clock::now();
  std::ifstream in(csv_path, std::ios::binary);
  if (!in) {
    err << "feedroom import twcs: cannot read " << csv_path << "\n";
    return 2;
  }
  std::vector<channels::x::TwcsRow> rows;
  std::int64_t bad_rows = 0;
  Status read = channels::x::ReadTwcsCsv(
      in, [&](channels::x::TwcsRow row) { rows.push_back(std::move(row)); },
      [&](const channels::x::TwcsRowError& e) {
        ++bad_rows;
        err << csv_path << ":" << e.line << ": " << e.message << "\n";
      });
  if (!read.ok()) {
    err << csv_path << ": " << read.message() << "\n";
    return 2;
  }
  const std::int64_t row_count = static_cast<std::int64_t>(rows.size()) + bad_rows;
  channels::x::TwcsMessages messages = channels::x::ToInboundEvents(std::move(rows), brands);

  auto store = OpenStore(config);
  if (!store.ok()) {
    err << "feedroom import twcs: " << store.status().message() << "\n";
    return 1;
  }
  auto sla_settings = SlaSettingsOf(config, **store);
  if (!sla_settings.ok()) {
    err << "feedroom import twcs: " << sla_settings.status().message() << "\n";
    return 1;
  }
  const engine::SlaTracker sla(std::move(*sla_settings));
  const auto keeper = MakeKeeper(sla);
  (*store)->SetBatchEndHook([k = keeper.get()](ports::StoreTxn& txn,
                                               std::span<const domain::CaseId> touched) {
    return k->Refresh(txn, touched);
  });
  SystemClock clock;
  InsightStack insight;
  if (Status s = LoadInsightStack(config, **store, clock, insight); !s.ok()) {
    err << "feedroom import twcs: " << s.message() << "\n";
    return 1;
  }
  engine::ThreadingOptions threading;
  threading.insights = insight.insights.get();
  const engine::Threader threader(threading);
  auto report = engine::ImportHistory(**store, threader, messages.events);
  if (!report.ok()) {
    err << "feedroom import twcs: " << report.status().message() << "\n";
    return 1;
  }
  const double seconds = SecondsSince(start);
  out << boost::json::serialize(boost::json::object{
             {"rows", row_count},
             {"bad_rows", bad_rows},
             {"without_brand", messages.without_brand},
             {"stored", report->stored},
             {"duplicates", report->duplicates},
             {"cases", report->cases},
             {"seconds", seconds},
             {"rows_per_s", seconds > 0 ? static_cast<double>(row_count) / seconds : 0.0}})
      << "\n";
  return bad_rows > 0 ? 2 : 0;
}

int RunMetricsRebuild(const ServerConfig& config, std::ostream& out, std::ostream& err) {
  const auto start = std::chrono::steady_clock::now();
  auto store = OpenStore(config);
  if (!store.ok()) {
    err << "feedroom metrics rebuild: " << store.status().message() << "\n";
    return 1;
  }
  auto sla_settings = SlaSettingsOf(config, **store);
  if (!sla_settings.ok()) {
    err << "feedroom metrics rebuild: " << sla_settings.status().message() << "\n";
    return 1;
  }
  const engine::SlaTracker sla(std::move(*sla_settings));
  auto cases = MakeKeeper(sla)->Rebuild(**store);
  if (!cases.ok()) {
    err << "feedroom metrics rebuild: " << cases.status().message() << "\n";
    return 1;
  }
  out << boost::json::serialize(boost::json::object{{"cases", *cases},
                                                    {"seconds", SecondsSince(start)}})
      << "\n";
  return 0;
}

}  // namespace fr::server
