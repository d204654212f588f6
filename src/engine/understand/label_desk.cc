#include "engine/understand/label_desk.h"

#include "domain/understanding.h"

namespace fr::engine {
namespace {

// A sensitivity label's topics in SensitivityNames() order, each once. REQUIRES: valid label.
std::string CanonicalTopics(const std::string& label) {
  std::string out;
  for (std::string_view name : domain::SensitivityNames()) {
    std::size_t start = 0;
    while (start <= label.size()) {
      std::size_t comma = label.find(',', start);
      if (comma == std::string::npos) comma = label.size();
      if (std::string_view(label).substr(start, comma - start) == name) {
        if (!out.empty()) out += ',';
        out += name;
        break;
      }
      start = comma + 1;
    }
  }
  return out;
}

}  // namespace

Result<ports::MessageInsight> LabelDesk::Correct(std::int64_t message_id, domain::UserId user,
                                                 const std::string& task,
                                                 const std::string& label) {
  if (!domain::IsValidLabel(task, label)) {
    return Status(Errc::kInvalidArgument, "invalid_label",
                  "task must be language, sentiment, intent or sensitivity, with one of its "
                  "labels (see docs/understanding.md)");
  }
  domain::LabelCorrection c;
  c.message_id = message_id;
  c.task = task;
  c.label = task == "sensitivity" ? CanonicalTopics(label) : label;
  c.user_id = user;
  c.at = clock_.NowMillis();
  FR_RETURN_IF_ERROR(ports::WriteOne(
      store_, [&](ports::StoreTxn& txn) { return txn.insights().AddCorrection(c); }));
  FR_ASSIGN_OR_RETURN(std::optional<ports::MessageInsight> insight,
                      store_.insights().GetInsight(message_id));
  if (!insight) return Status(Errc::kNotFound, "not_found", "message not found");
  return *std::move(insight);
}

}  // namespace fr::engine
