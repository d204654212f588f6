// SqliteMetricsReader::SeriesMessages: the customer messages of a volume series in a time
// range, read through messages_by_time (migration 0013).
#include <string>

#include "domain/metrics/volume_series.h"
#include "storage/sqlite/sqlite_metrics.h"
#include "storage/sqlite/sqlite_rows.h"

namespace fr::storage::sqlite {

Result<ports::SeriesMessage> ReadSeriesMessage(const Statement& st) {
  ports::SeriesMessage m;
  m.head.message_id = st.ColumnInt(0);
  m.head.case_id = st.ColumnInt(1);
  const std::optional<domain::Platform> platform = domain::ParsePlatform(st.ColumnText(2));
  if (!platform) return CorruptRow("messages", "platform");
  m.head.platform = *platform;
  m.head.account_id = st.ColumnText(3);
  m.head.author_handle = st.ColumnText(4);
  m.head.author_name = st.ColumnText(5);
  m.head.author_followers = st.ColumnOptionalInt(6);
  m.head.at = st.ColumnInt(7);
  m.head.negative = st.ColumnInt(8) != 0;
  m.text = st.ColumnText(9);
  return m;
}

Result<std::vector<ports::SeriesMessage>> SqliteMetricsReader::SeriesMessages(
    const std::string& series, UnixMillis from, UnixMillis to, int limit) {
  const std::optional<domain::metrics::VolumeSeriesRef> ref =
      domain::metrics::ParseVolumeSeries(series);
  if (!ref) return Status(Errc::kInvalidArgument, "unknown_series", "no such series: " + series);
  std::string sql =
      "SELECT m.id, COALESCE(m.case_id, 0), m.platform, m.account_id, m.author_handle,"
      " m.author_name, m.author_followers, m.created_at,"
      " COALESCE(i.sentiment = 'negative', 0), m.text"
      " FROM messages m LEFT JOIN message_insights i ON i.message_id = m.id"
      " WHERE m.created_at >= ?1 AND m.created_at < ?2 AND m.is_outbound = 0 AND m.deleted = 0";
  sql += ref->is_rule ? " AND EXISTS (SELECT 1 FROM message_rule_matches r"
                        " WHERE r.rule_id = ?3 AND r.message_id = m.id)"
                      : " AND m.platform = ?3 AND m.account_id = ?4";
  sql += " ORDER BY m.created_at DESC, m.id DESC LIMIT ?5";
  auto db = readers_.Acquire();
  FR_ASSIGN_OR_RETURN(Statement st, db->Prepare(sql));
  st.BindInt(1, from).BindInt(2, to).BindInt(5, limit);
  if (ref->is_rule) {
    st.BindText(3, ref->rule_id);
  } else {
    st.BindText(3, domain::PlatformName(ref->platform)).BindText(4, ref->account_id);
  }
  std::vector<ports::SeriesMessage> out;
  while (true) {
    FR_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) return out;
    FR_ASSIGN_OR_RETURN(ports::SeriesMessage m, ReadSeriesMessage(st));
    out.push_back(std::move(m));
  }
}

}  // namespace fr::storage::sqlite
