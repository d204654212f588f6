// The $cashtags (stock symbols) X finds in a post's text. X's rules, checked against the
// twitter-text conformance file extract.yml. Pure; thread-safe.
#pragma once

#include <string_view>
#include <vector>

#include "channels/x/text/text_entity.h"

namespace fr::channels::x {

// Returns the cashtags in `text`, in order, without their '$': '$', 1-6 ASCII letters, then
// optionally '.' or '_' and 1-2 letters ("$TEST", "$TEST.T", "$symbol_ab"), at the start of the
// text or after whitespace, and followed by the end, whitespace or ASCII punctuation ("$TEST."
// gives "TEST"; "$test123" and "$ストック" give nothing).
std::vector<TextEntity> ExtractCashtags(std::string_view text);

}  // namespace fr::channels::x
