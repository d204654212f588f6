// Status and Result<T>: how every fallible function in Feedroom reports failure.
//
// A Status is either OK or carries an Errc (the category, which decides the HTTP status in
// api/), a stable machine-readable reason (used as the JSON error code and as a metrics
// label, e.g. "bad_signature"), and a human message. Messages never contain customer text.
// Result<T> holds a T or a non-OK Status. Both are values: cheap to move, safe to copy, not
// thread-safe for concurrent mutation (like any value type).
#pragma once

#include <cassert>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace fr {

// The categories of failure. api/error_table.cc maps each to one HTTP status.
enum class Errc {
  kOk = 0,
  kInvalidArgument,   // input that is well-formed but not acceptable (missing field, bad value)
  kMalformed,         // input that cannot be parsed (bad JSON, invalid UTF-8)
  kUnauthenticated,   // missing or wrong signature / credentials
  kForbidden,         // authenticated but not allowed (wrong verify token)
  kNotFound,
  kConflict,
  kPayloadTooLarge,
  kRateLimited,       // too many attempts (logins); the message says when to try again
  kUnavailable,       // a transient failure: the store is busy, shutting down; retry later
  kInternal,          // a bug or an unexpected environment failure
};

class [[nodiscard]] Status {
 public:
  Status() = default;  // OK
  Status(Errc code, std::string reason, std::string message)
      : code_(code), reason_(std::move(reason)), message_(std::move(message)) {}

  static Status Ok() { return Status(); }

  bool ok() const { return code_ == Errc::kOk; }
  Errc code() const { return code_; }
  // A short snake_case token, stable across releases: safe for metrics labels and clients.
  const std::string& reason() const { return reason_; }
  const std::string& message() const { return message_; }
  // "reason: message", for logs.
  std::string ToString() const;

 private:
  Errc code_ = Errc::kOk;
  std::string reason_;
  std::string message_;
};

// Holds either a value or a non-OK Status.
// REQUIRES: a Result is never constructed from an OK Status.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : data_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status) : data_(std::move(status)) {  // NOLINT: implicit by design
    assert(!std::get<Status>(data_).ok());
  }

  bool ok() const { return std::holds_alternative<T>(data_); }
  // Returns the error, or an OK Status when a value is held.
  Status status() const { return ok() ? Status() : std::get<Status>(data_); }

  // REQUIRES: ok().
  T& value() & { return std::get<T>(data_); }
  const T& value() const& { return std::get<T>(data_); }
  T&& value() && { return std::get<T>(std::move(data_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  std::variant<T, Status> data_;
};

}  // namespace fr

// Returns early from the enclosing function when `expr` (a Status) is not OK.
#define FR_RETURN_IF_ERROR(expr)            \
  do {                                      \
    ::fr::Status fr_status_ = (expr);       \
    if (!fr_status_.ok()) return fr_status_; \
  } while (0)

#define FR_CONCAT_INNER(a, b) a##b
#define FR_CONCAT(a, b) FR_CONCAT_INNER(a, b)
#define FR_ASSIGN_OR_RETURN_IMPL(tmp, lhs, expr) \
  auto tmp = (expr);                             \
  if (!tmp.ok()) return tmp.status();            \
  lhs = std::move(tmp).value()
// Evaluates `expr` (a Result<T>); on error returns its Status, else assigns the value to `lhs`.
#define FR_ASSIGN_OR_RETURN(lhs, expr) \
  FR_ASSIGN_OR_RETURN_IMPL(FR_CONCAT(fr_result_, __LINE__), lhs, expr)
