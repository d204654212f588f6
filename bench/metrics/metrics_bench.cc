// bench/metrics: what the service metrics cost (docs/metrics.md).
//  1. Rollup overhead on writes: the same generated cases written to two fresh stores, one
//     without and one with the MetricsKeeper as batch-end hook; messages per second of each.
//     The cases arrive over a week (--overhead-days), as live traffic does: the cases of one
//     write batch then share their hour and day rows. (The year of history below is written
//     with rollups too; its rate is the import's worst case, every case in its own hour.)
//  2. Dashboard queries over a generated year of history (10 million messages by default):
//     p50 / p99 latency of SumOver for the dashboard's questions over random 30-day periods in
//     Israel's time zone, and in the same run the plain SQL a report would run without rollups
//     (an aggregate over the per-case facts of the period) as the reference.
// One JSON line per figure.
#include <CLI/CLI.hpp>
#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <random>
#include <string>
#include <vector>

#include "base/time_zone.h"
#include "engine/metrics/metrics_keeper.h"
#include "engine/metrics/metrics_query.h"
#include "history_generator.h"
#include "storage/sqlite/sqlite_store.h"

namespace {

using fr::UnixMillis;
using Clock = std::chrono::steady_clock;
constexpr std::int64_t kDayMs = 24LL * 60 * 60 * 1000;

double Seconds(Clock::time_point since) {
  return std::chrono::duration<double>(Clock::now() - since).count();
}

std::unique_ptr<fr::storage::sqlite::SqliteStore> OpenStore(const std::string& path) {
  std::filesystem::remove(path);
  fr::storage::sqlite::SqliteOptions options;
  options.path = path;
  auto store = fr::storage::sqlite::SqliteStore::Open(options);
  if (!store.ok()) {
    std::fprintf(stderr, "bench: %s\n", store.status().ToString().c_str());
    std::exit(1);
  }
  return std::move(store).value();
}

// Writes the history's cases [0, n) to `store` and returns messages per second.
double WriteRate(fr::ports::Store& store, const fr::bench::HistoryShape& shape, std::int64_t n,
                 std::int64_t* messages = nullptr) {
  fr::bench::HistoryGenerator generator(shape);
  if (fr::Status s = fr::bench::HistoryGenerator::AddPeople(store); !s.ok()) {
    std::fprintf(stderr, "bench: %s\n", s.ToString().c_str());
    std::exit(1);
  }
  const auto start = Clock::now();
  auto written = generator.Write(store, 0, n);
  if (!written.ok()) {
    std::fprintf(stderr, "bench: %s\n", written.status().ToString().c_str());
    std::exit(1);
  }
  if (messages != nullptr) *messages = *written;
  return static_cast<double>(*written) / Seconds(start);
}

void PrintLatencies(const char* query, std::vector<double> ms, double target_p99_ms) {
  std::sort(ms.begin(), ms.end());
  auto at = [&](double q) { return ms[std::min(ms.size() - 1, static_cast<std::size_t>(q * ms.size()))]; };
  std::printf(
      "{\"bench\":\"metrics\",\"query\":\"%s\",\"runs\":%zu,\"p50_ms\":%.3f,\"p99_ms\":%.3f,"
      "\"max_ms\":%.3f,\"target_p99_ms\":%.0f}\n",
      query, ms.size(), at(0.5), at(0.99), ms.back(), target_p99_ms);
  std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Service metrics: rollup overhead and dashboard query latency"};
  std::string dir = "/tmp/fr-bench-metrics";
  std::int64_t cases = 4'200'000;
  std::int64_t overhead_cases = 40'000;
  int overhead_days = 7;
  int runs = 200;
  bool reuse = false;
  app.add_option("--dir", dir, "Where the benchmark's databases go");
  app.add_option("--cases", cases, "Cases of the history (about 2.4 messages each)");
  app.add_option("--overhead-cases", overhead_cases, "Cases written with and without rollups");
  app.add_option("--overhead-days", overhead_days,
                 "The days those cases arrive over (live traffic shares rollup rows per batch)");
  app.add_option("--runs", runs, "Runs of each query");
  app.add_flag("--reuse", reuse,
               "Time the queries on the history a previous run left in --dir (same --cases)");
  CLI11_PARSE(app, argc, argv);
  std::filesystem::create_directories(dir);

  fr::domain::sla::BusinessCalendar always_open = fr::domain::sla::BusinessCalendar::AlwaysOpen();
  fr::engine::MetricsKeeper keeper([&](std::optional<fr::domain::TeamId>)
                                       -> const fr::domain::sla::BusinessCalendar& { return always_open; });
  auto install = [&](fr::ports::Store& store) {
    store.SetBatchEndHook([&](fr::ports::StoreTxn& txn, std::span<const fr::domain::CaseId> ids) {
      return keeper.Refresh(txn, ids);
    });
  };

  // 1. Overhead: the same cases without and with rollups, alternating twice (not when only
  // the queries are re-timed).
  fr::bench::HistoryShape overhead_shape;
  overhead_shape.cases = overhead_cases;
  overhead_shape.days = overhead_days;
  double without = 0, with = 0;
  for (int round = 0; round < (reuse ? 0 : 2); ++round) {
    auto plain = OpenStore(dir + "/plain.db");
    without = std::max(without, WriteRate(*plain, overhead_shape, overhead_cases));
    auto kept = OpenStore(dir + "/kept.db");
    install(*kept);
    with = std::max(with, WriteRate(*kept, overhead_shape, overhead_cases));
  }
  if (!reuse) std::printf("{\"bench\":\"metrics\",\"stage\":\"write\",\"cases\":%lld,\"days\":%d,"
              "\"msgs_per_s_without_rollups\":%.0f,\"msgs_per_s_with_rollups\":%.0f,"
              "\"ratio\":%.3f}\n",
              static_cast<long long>(overhead_cases), overhead_days, without, with, with / without);
  std::fflush(stdout);

  // 2. The year of history, with rollups kept as it is written.
  fr::bench::HistoryShape shape;
  shape.cases = cases;
  const std::string path = dir + "/history.db";
  std::int64_t messages = 0;
  double rate = 0;
  if (!reuse || !std::filesystem::exists(path)) {
    auto store = OpenStore(path);
    install(*store);
    rate = WriteRate(*store, shape, cases, &messages);
    std::printf("{\"bench\":\"metrics\",\"stage\":\"history\",\"cases\":%lld,\"messages\":%lld,"
                "\"msgs_per_s\":%.0f,\"db_bytes\":%lld}\n",
                static_cast<long long>(cases), static_cast<long long>(messages), rate,
                static_cast<long long>(std::filesystem::file_size(path)));
    std::fflush(stdout);
  }

  fr::storage::sqlite::SqliteOptions options;
  options.path = path;
  auto store = std::move(fr::storage::sqlite::SqliteStore::Open(options)).value();
  const fr::TimeZone zone = fr::TimeZone::Find("Asia/Jerusalem").value();
  std::mt19937 random(7);
  // A random 30-day period from local midnight, inside the year.
  auto period30 = [&]() {
    const UnixMillis day = shape.start + static_cast<UnixMillis>(random() % (shape.days - 31)) * kDayMs;
    const fr::LocalTime local = zone.ToLocal(day);
    const UnixMillis from = zone.ToUtc(local.date, 0);
    return fr::engine::Period{from, zone.ToUtc(fr::AddDays(local.date, 30), 0)};
  };
  auto time_query = [&](const char* name, const std::function<void(fr::engine::Period)>& query) {
    std::vector<double> ms;
    for (int i = 0; i < runs; ++i) {
      const fr::engine::Period p = period30();
      const auto start = Clock::now();
      query(p);
      ms.push_back(Seconds(start) * 1000);
    }
    PrintLatencies(name, std::move(ms), 50);
  };
  std::int64_t sink = 0;
  auto sum = [&](fr::domain::metrics::Dimension d) {
    return [&, d](fr::engine::Period p) {
      auto r = fr::engine::SumOver(store->metrics(), d, p);
      for (const auto& [group, c] : r.value()) sink += c.cases + c.first_response.Count();
    };
  };
  using fr::domain::metrics::Dimension;
  time_query("summary_30d", sum(Dimension::kAll));
  time_query("by_account_30d", sum(Dimension::kAccount));
  time_query("by_agent_30d", sum(Dimension::kAgent));
  time_query("by_rule_30d", sum(Dimension::kRule));
  time_query("daily_series_30d", [&](fr::engine::Period p) {
    const auto days = fr::engine::SplitIntoIntervals(p, fr::domain::metrics::Grain::kDay, zone);
    for (const auto& day : days.value()) {
      const auto sums = fr::engine::SumOver(store->metrics(), Dimension::kAll, day);
      for (const auto& [group, c] : sums.value()) sink += c.cases;
    }
  });
  time_query("by_team_365d", [&](fr::engine::Period) {
    auto r = fr::engine::SumOver(store->metrics(), Dimension::kTeam,
                                 {shape.start, shape.start + shape.days * kDayMs});
    for (const auto& [group, c] : r.value()) sink += c.cases;
  });

  // The reference: the same by-account question answered from the per-case facts.
  sqlite3* db = nullptr;
  sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
  sqlite3_stmt* st = nullptr;
  sqlite3_prepare_v2(db,
                     "SELECT account, count(*), count(first_response_ms), avg(first_response_ms) "
                     "FROM case_facts WHERE opened_at >= ?1 AND opened_at < ?2 GROUP BY account",
                     -1, &st, nullptr);
  time_query("reference_facts_by_account_30d", [&](fr::engine::Period p) {
    sqlite3_bind_int64(st, 1, p.from);
    sqlite3_bind_int64(st, 2, p.to);
    while (sqlite3_step(st) == SQLITE_ROW) sink += sqlite3_column_int64(st, 1);
    sqlite3_reset(st);
  });
  sqlite3_finalize(st);
  sqlite3_close(db);
  std::fprintf(stderr, "checksum %lld\n", static_cast<long long>(sink));
  return 0;
}
