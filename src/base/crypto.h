// Message authentication helpers for webhook signatures: HMAC-SHA256 (libsodium), base64 and
// hex encodings, and a constant-time comparison. Pure functions; thread-safe.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace fr::crypto {

using Sha256Digest = std::array<std::uint8_t, 32>;

// Returns HMAC-SHA256(key, message). Keys of any length are accepted.
Sha256Digest HmacSha256(std::string_view key, std::string_view message);
// Returns SHA-256(data) (content hashes, e.g. the web app's ETags).
Sha256Digest Sha256(std::string_view data);

// Standard base64 with padding (RFC 4648 §4), as X uses for its signatures.
std::string Base64(const Sha256Digest& digest);
// Standard base64 with padding of any bytes (MIME bodies and encoded words, RFC 2045/2047).
std::string Base64Bytes(std::string_view data);
// Lower-case hex, as Meta, TikTok and LinkedIn use.
std::string Hex(const Sha256Digest& digest);

// Compares two strings in time that depends only on their lengths. Returns true if equal.
bool ConstantTimeEquals(std::string_view a, std::string_view b);

}  // namespace fr::crypto
