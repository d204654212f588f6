// FlakyStore: a Store whose writes can be made to fail, as a full or broken disk would,
// reading (and, when not failing, writing) through to a real store. Header-only, so test
// support does not depend on the ports layer.
#pragma once

#include <limits>
#include <span>
#include <vector>

#include "ports/store.h"

namespace fr::testing {

class FlakyStore final : public ports::Store {
 public:
  // `real` must outlive this.
  explicit FlakyStore(ports::Store& real) : real_(real) {}

  // The next `n` WriteBatch calls fail with kUnavailable "disk_full".
  void FailNextWrites(int n) { failures_ = n; }
  // Every WriteBatch from now on fails.
  void FailAllWrites() { failures_ = std::numeric_limits<int>::max(); }

  std::vector<Status> WriteBatch(std::span<const ports::WriteUnit> units,
                                 ports::Durability durability) override {
    if (failures_ > 0) {
      if (failures_ != std::numeric_limits<int>::max()) --failures_;
      return std::vector<Status>(units.size(),
                                 Status(Errc::kUnavailable, "disk_full", "disk full"));
    }
    return real_.WriteBatch(units, durability);
  }
  Result<std::int64_t> LastDeliveryId() override { return real_.LastDeliveryId(); }
  Result<std::int64_t> ThreadedThrough() override { return real_.ThreadedThrough(); }
  Result<std::vector<ports::StoredDelivery>> DeliveriesAfter(std::int64_t after, int n) override {
    return real_.DeliveriesAfter(after, n);
  }
  Result<ports::CasePage> ListCases(const ports::CaseFilter& f,
                                    const std::optional<ports::CaseCursor>& after, int n) override {
    return real_.ListCases(f, after, n);
  }
  Result<std::optional<ports::CaseDetail>> GetCaseDetail(domain::CaseId id) override {
    return real_.GetCaseDetail(id);
  }
  Result<std::optional<ports::StoredMessage>> GetMessage(domain::Platform p,
                                                         std::string_view id) override {
    return real_.GetMessage(p, id);
  }
  Result<std::int64_t> CountMessages() override { return real_.CountMessages(); }
  Status Ping() override { return real_.Ping(); }
  ports::PeopleReader& people() override { return real_.people(); }
  ports::WorkReader& work() override { return real_.work(); }
  ports::ReplyReader& replies() override { return real_.replies(); }
  ports::SlaReader& sla() override { return real_.sla(); }
  ports::DraftReader& drafts() override { return real_.drafts(); }
  ports::InsightReader& insights() override { return real_.insights(); }
  ports::MetricsReader& metrics() override { return real_.metrics(); }
  ports::CrisisReader& crisis() override { return real_.crisis(); }
  ports::TopicReader& topics() override { return real_.topics(); }
  void SetCaseWriteHook(ports::CaseWriteHook hook) override {
    real_.SetCaseWriteHook(std::move(hook));
  }
  void SetBatchEndHook(ports::BatchEndHook hook) override {
    real_.SetBatchEndHook(std::move(hook));
  }

 private:
  ports::Store& real_;
  int failures_ = 0;
};

}  // namespace fr::testing
