// Test support: renders parsed deliveries as canonical JSON for golden files, and compares
// a rendering with a golden file (rewriting it when FR_UPDATE_GOLDEN=1 is set).
#pragma once

#include <string>

#include "domain/inbound_event.h"

namespace fr::testing {

// Pretty JSON: {"events":[{"type","message":{...}}...],"skipped":[...]}; every Message field
// is present, ids as strings, optional fields as null.
std::string DeliveryToJson(const domain::ParsedDelivery& d);

// Reads the file at `path` (absolute). Fails the calling test if it cannot.
std::string ReadFileOrDie(const std::string& path);

// Compares `actual` (JSON text) with the JSON in `golden_path` as values, not as text.
// With FR_UPDATE_GOLDEN=1 in the environment, writes `actual` there instead and passes.
// Returns an empty string when equal, otherwise a description of the difference.
std::string CompareWithGolden(const std::string& actual, const std::string& golden_path);

}  // namespace fr::testing
