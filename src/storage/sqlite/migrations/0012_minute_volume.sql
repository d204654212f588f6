-- Spikes (docs/spikes.md).
--
-- minute_volume  customer messages per UTC minute of their own time, per series the spike
--                detector watches (domain/metrics/volume_series.h); negative: those understood
--                as negative. A minute without messages has no row.
-- spike_alerts   what the detector raised: its series and kind ("volume" | "negative_share"),
--                the minute it started and, once over, ended; the window's count against the
--                baseline and the score (docs/spikes.md).
CREATE TABLE minute_volume (
  series   TEXT    NOT NULL,
  minute   INTEGER NOT NULL,
  total    INTEGER NOT NULL,
  negative INTEGER NOT NULL,
  PRIMARY KEY (series, minute)
) STRICT, WITHOUT ROWID;

-- The watcher's start: every series with messages since a time.
CREATE INDEX minute_volume_by_minute ON minute_volume (minute);

CREATE TABLE spike_alerts (
  id         INTEGER PRIMARY KEY,
  series     TEXT    NOT NULL,
  kind       TEXT    NOT NULL,
  started_at INTEGER NOT NULL,
  ended_at   INTEGER,
  observed   INTEGER NOT NULL,
  expected   REAL    NOT NULL,
  score      REAL    NOT NULL
) STRICT;
CREATE INDEX spike_alerts_by_start ON spike_alerts (started_at DESC, id DESC);
