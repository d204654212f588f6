#include "base/status.h"

namespace fr {

std::string Status::ToString() const {
  if (ok()) return "ok";
  return reason_ + ": " + message_;
}

}  // namespace fr
