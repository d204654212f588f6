-- Messages by their own time: a spike's window and its background (docs/spikes.md) and the
-- complaints a topic run reads (docs/topics.md) are time ranges of messages.
CREATE INDEX messages_by_time ON messages (created_at);
