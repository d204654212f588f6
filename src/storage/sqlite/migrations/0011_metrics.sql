-- Service metrics (docs/metrics.md).
--
-- case_facts      what each case contributes to the metrics (domain::metrics::CaseFacts): its
--                 groups and measures, recomputed whenever the case's inputs change. NULL
--                 durations: not responded / not resolved. rules: comma-separated rule ids.
--                 sentiment '' : the opening message was not understood.
-- metric_rollups  the sums of case_facts per (grain, dimension, bucket, group): one row per
--                 hour and per UTC day of opening, per group of each dimension; histograms
--                 are DurationHistogram::Encode bytes. A row whose sums are all zero is
--                 deleted, so the table is exactly the sum of the facts.
CREATE TABLE case_facts (
  case_id                    INTEGER PRIMARY KEY REFERENCES cases (id),
  customer_id                INTEGER NOT NULL,
  opened_at                  INTEGER NOT NULL,
  platform                   TEXT    NOT NULL,
  account                    TEXT    NOT NULL,
  team                       TEXT    NOT NULL,
  agent                      TEXT    NOT NULL,
  priority                   TEXT    NOT NULL,
  language                   TEXT    NOT NULL,
  intent                     TEXT    NOT NULL,
  rules                      TEXT    NOT NULL,
  first_response_ms          INTEGER,
  first_response_business_ms INTEGER,
  next_response_sum_ms       INTEGER NOT NULL,
  next_response_count        INTEGER NOT NULL,
  resolution_ms              INTEGER,
  customer_messages          INTEGER NOT NULL,
  answered_messages          INTEGER NOT NULL,
  first_response_sla         TEXT    NOT NULL,
  sentiment                  TEXT    NOT NULL,
  complaint                  INTEGER NOT NULL CHECK (complaint IN (0, 1)),
  repeat_complaint           INTEGER NOT NULL CHECK (repeat_complaint IN (0, 1))
) STRICT;

-- Drill-down: the cases opened in a period, in opening order.
CREATE INDEX case_facts_by_opened ON case_facts (opened_at, case_id);
-- Repeat complaints: a customer's cases by opening time.
CREATE INDEX case_facts_by_customer ON case_facts (customer_id, opened_at);

CREATE TABLE metric_rollups (
  grain                          TEXT    NOT NULL,
  dimension                      TEXT    NOT NULL,
  bucket                         INTEGER NOT NULL,
  grp                            TEXT    NOT NULL,
  cases                          INTEGER NOT NULL,
  responded                      INTEGER NOT NULL,
  first_response_sum_ms          INTEGER NOT NULL,
  first_response_business_sum_ms INTEGER NOT NULL,
  first_response_hist            BLOB    NOT NULL,
  first_response_business_hist   BLOB    NOT NULL,
  next_response_sum_ms           INTEGER NOT NULL,
  next_response_count            INTEGER NOT NULL,
  resolved                       INTEGER NOT NULL,
  resolution_sum_ms              INTEGER NOT NULL,
  resolution_hist                BLOB    NOT NULL,
  customer_messages              INTEGER NOT NULL,
  answered_messages              INTEGER NOT NULL,
  sla_met                        INTEGER NOT NULL,
  sla_breached                   INTEGER NOT NULL,
  complaints                     INTEGER NOT NULL,
  repeat_complaints              INTEGER NOT NULL,
  negative                       INTEGER NOT NULL,
  neutral                        INTEGER NOT NULL,
  positive                       INTEGER NOT NULL,
  PRIMARY KEY (grain, dimension, bucket, grp)
) STRICT, WITHOUT ROWID;
