#include "base/crypto.h"

#include <sodium.h>

#include <cstdlib>

namespace fr::crypto {
namespace {

// sodium_init() is thread-safe and idempotent; a static runs it once before first use.
struct SodiumInit {
  SodiumInit() {
    if (sodium_init() < 0) std::abort();  // no usable random source: nothing can be trusted
  }
};

void EnsureSodium() { static SodiumInit init; }

}  // namespace

// libsodium rather than OpenSSL 3: no per-call algorithm fetch, any key length through the
// streaming API, and the same library gives argon2id for passwords.
Sha256Digest HmacSha256(std::string_view key, std::string_view message) {
  EnsureSodium();
  crypto_auth_hmacsha256_state state;
  // The streaming API accepts keys of any length (the one-shot API wants exactly 32 bytes).
  crypto_auth_hmacsha256_init(&state, reinterpret_cast<const unsigned char*>(key.data()), key.size());
  crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(message.data()),
                                message.size());
  Sha256Digest out{};
  crypto_auth_hmacsha256_final(&state, out.data());
  sodium_memzero(&state, sizeof state);
  return out;
}

Sha256Digest Sha256(std::string_view data) {
  EnsureSodium();
  Sha256Digest out{};
  crypto_hash_sha256(out.data(), reinterpret_cast<const unsigned char*>(data.data()), data.size());
  return out;
}

std::string Base64(const Sha256Digest& digest) {
  EnsureSodium();
  constexpr size_t kLen = sodium_base64_ENCODED_LEN(32, sodium_base64_VARIANT_ORIGINAL);
  char buf[kLen];
  sodium_bin2base64(buf, kLen, digest.data(), digest.size(), sodium_base64_VARIANT_ORIGINAL);
  return std::string(buf);
}

std::string Base64Bytes(std::string_view data) {
  EnsureSodium();
  const size_t len = sodium_base64_ENCODED_LEN(data.size(), sodium_base64_VARIANT_ORIGINAL);
  std::string out(len, '\0');
  sodium_bin2base64(out.data(), len, reinterpret_cast<const unsigned char*>(data.data()),
                    data.size(), sodium_base64_VARIANT_ORIGINAL);
  out.resize(len - 1);  // the terminating NUL
  return out;
}

std::string Hex(const Sha256Digest& digest) {
  char buf[2 * 32 + 1];
  sodium_bin2hex(buf, sizeof buf, digest.data(), digest.size());
  return std::string(buf);
}

bool ConstantTimeEquals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  EnsureSodium();
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace fr::crypto
