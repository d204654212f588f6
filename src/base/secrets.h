// Secrets: random tokens, their digests, and password hashing (argon2id), all from libsodium.
//
// Session and API tokens are random bytes shown to the client once; the store keeps only their
// SHA-256 digest, so a copy of the database does not let anyone sign in. Passwords are kept as
// argon2id strings that carry their own salt and cost, so the cost can rise without a migration.
// Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "base/status.h"

namespace fr::secrets {

// `bytes` random bytes from the OS generator, as unpadded URL-safe base64 (fits cookies,
// headers and URLs unescaped). REQUIRES: 16 <= bytes <= 64.
std::string RandomToken(std::size_t bytes = 32);

// Lower-case hex SHA-256 of `token`: the form in which tokens are stored and looked up.
std::string TokenDigest(std::string_view token);

// The cost of one argon2id hash. Verification reads the cost from the stored string, so
// changing these affects new hashes only.
struct PasswordCost {
  std::uint64_t ops = 2;                      // passes over memory (libsodium INTERACTIVE)
  std::size_t memory_bytes = 64u << 20;       // 64 MiB (libsodium INTERACTIVE)
};

// The cheapest cost libsodium accepts: for tests, which hash many passwords under sanitizers.
PasswordCost MinimumPasswordCost();

// Hashes `password` with argon2id and a fresh salt into libsodium's "$argon2id$v=19$m=…"
// string. Errors: kInvalidArgument for a cost below the minimum; kUnavailable if the memory
// cannot be allocated.
Result<std::string> HashPassword(std::string_view password, const PasswordCost& cost);

// True if `password` matches `stored` (a HashPassword string). A malformed `stored` is false.
bool VerifyPassword(std::string_view stored, std::string_view password);

}  // namespace fr::secrets
