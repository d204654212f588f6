// Replies -> JSON for the API: a reply, the review of a draft, and the audit log of every
// outgoing word. Field names are the contract in schema/openapi.yaml; ids are strings.
#pragma once

#include <string>
#include <vector>

#include <boost/json/object.hpp>

#include "domain/reply.h"
#include "engine/reply/reply_desk.h"
#include "ports/reply_store.h"

namespace fr::api {

boost::json::object ReplyObject(const domain::Reply& r);
std::string ReplyJson(const domain::Reply& r);
std::string ReplyListJson(const std::vector<domain::Reply>& replies);
std::string DraftReviewJson(const engine::DraftReview& review);
std::string ReplyPairJson(const domain::Reply& public_reply, const domain::Reply& private_reply);
std::string AuditJson(const std::vector<ports::ReplyAuditEntry>& entries);

}  // namespace fr::api
