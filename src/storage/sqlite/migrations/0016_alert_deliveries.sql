-- The spike alert outbox (docs/alerts.md).
--
-- alert_deliveries  a notice of a spike's start (started = 1) or end (0) not yet delivered to
--                   sink (webhook, email) and not given up: the attempts made so far and when
--                   the next is due. Written with each attempt and removed once delivered or
--                   given up, so that a restart goes on where the last run stopped.
CREATE TABLE alert_deliveries (
  alert_id INTEGER NOT NULL REFERENCES spike_alerts (id),
  started  INTEGER NOT NULL,
  sink     TEXT    NOT NULL,
  attempts INTEGER NOT NULL,
  due      INTEGER NOT NULL,
  PRIMARY KEY (alert_id, started, sink)
) STRICT, WITHOUT ROWID;
