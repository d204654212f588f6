// Domain -> JSON for the read API. One function per resource; field names are the API
// contract documented in schema/openapi.yaml. Our 64-bit ids are rendered as strings.
#pragma once

#include <string>

#include "ports/store.h"

namespace fr::api {

std::string CasePageJson(const ports::CasePage& page, const std::string& next_cursor);
std::string CaseDetailJson(const ports::CaseDetail& detail);
std::string MessageJson(const ports::StoredMessage& message);

}  // namespace fr::api
