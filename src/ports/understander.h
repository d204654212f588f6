// Understander: what the engine asks of the language models (nlp/understand implements it).
#pragma once

#include <string_view>

#include "domain/understanding.h"

namespace fr::ports {

class Understander {
 public:
  virtual ~Understander() = default;

  // Language, sentiment, intent and sensitive topics of `text` (UTF-8; any length, any bytes:
  // invalid UTF-8 is treated as separators). Never fails: a text it cannot judge comes back as
  // "und", neutral, other. Thread-safe; callable from many threads at once.
  virtual domain::Understanding Understand(std::string_view text) const = 0;
};

}  // namespace fr::ports
