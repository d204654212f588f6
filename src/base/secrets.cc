#include "base/secrets.h"

#include <sodium.h>

#include <cassert>
#include <cstdlib>
#include <vector>

namespace fr::secrets {
namespace {

void EnsureSodium() {
  static const bool ready = [] {
    if (sodium_init() < 0) std::abort();  // no usable random source: nothing can be trusted
    return true;
  }();
  (void)ready;
}

}  // namespace

std::string RandomToken(std::size_t bytes) {
  assert(bytes >= 16 && bytes <= 64);
  EnsureSodium();
  unsigned char raw[64];
  randombytes_buf(raw, bytes);
  const int variant = sodium_base64_VARIANT_URLSAFE_NO_PADDING;
  std::vector<char> out(sodium_base64_ENCODED_LEN(bytes, variant));
  sodium_bin2base64(out.data(), out.size(), raw, bytes, variant);
  sodium_memzero(raw, sizeof raw);
  return std::string(out.data());
}

std::string TokenDigest(std::string_view token) {
  EnsureSodium();
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(token.data()), token.size());
  char hex[2 * crypto_hash_sha256_BYTES + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return std::string(hex);
}

PasswordCost MinimumPasswordCost() {
  return PasswordCost{crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN};
}

Result<std::string> HashPassword(std::string_view password, const PasswordCost& cost) {
  EnsureSodium();
  if (cost.ops < crypto_pwhash_OPSLIMIT_MIN || cost.memory_bytes < crypto_pwhash_MEMLIMIT_MIN) {
    return Status(Errc::kInvalidArgument, "weak_password_cost",
                  "argon2id cost is below libsodium's minimum");
  }
  char out[crypto_pwhash_STRBYTES];
  // crypto_pwhash_str uses argon2id (ALG_DEFAULT) and a random salt.
  if (crypto_pwhash_str(out, password.data(), password.size(), cost.ops, cost.memory_bytes) != 0) {
    return Status(Errc::kUnavailable, "out_of_memory", "argon2id could not allocate its memory");
  }
  return std::string(out);
}

bool VerifyPassword(std::string_view stored, std::string_view password) {
  EnsureSodium();
  if (stored.empty() || stored.size() >= crypto_pwhash_STRBYTES) return false;
  char buf[crypto_pwhash_STRBYTES] = {};
  stored.copy(buf, stored.size());
  return crypto_pwhash_str_verify(buf, password.data(), password.size()) == 0;
}

}  // namespace fr::secrets
