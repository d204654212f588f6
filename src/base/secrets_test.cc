#include "base/secrets.h"

#include <gtest/gtest.h>

#include <set>

namespace fr::secrets {
namespace {

TEST(SecretsTest, RandomTokensAreUrlSafeAndDistinct) {
  std::set<std::string> seen;
  for (int i = 0; i < 100; ++i) {
    std::string t = RandomToken(32);
    EXPECT_EQ(t.size(), 43u);  // 32 bytes, unpadded base64
    EXPECT_EQ(t.find_first_not_of(
                  "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
              std::string::npos);
    seen.insert(t);
  }
  EXPECT_EQ(seen.size(), 100u);
}

TEST(SecretsTest, TokenDigestIsSha256Hex) {
  // FIPS 180-2 test vector.
  EXPECT_EQ(TokenDigest("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(SecretsTest, PasswordRoundTripIncludingHebrew) {
  auto hash = HashPassword("סיסמה-חזקה 42", MinimumPasswordCost());
  ASSERT_TRUE(hash.ok()) << hash.status().ToString();
  EXPECT_EQ(hash->rfind("$argon2id$", 0), 0u);
  EXPECT_TRUE(VerifyPassword(*hash, "סיסמה-חזקה 42"));
  EXPECT_FALSE(VerifyPassword(*hash, "סיסמה-חזקה 43"));
  EXPECT_FALSE(VerifyPassword(*hash, ""));
}

TEST(SecretsTest, SamePasswordGetsDifferentSalts) {
  auto a = HashPassword("pw", MinimumPasswordCost());
  auto b = HashPassword("pw", MinimumPasswordCost());
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_NE(*a, *b);
}

TEST(SecretsTest, MalformedStoredHashNeverVerifies) {
  EXPECT_FALSE(VerifyPassword("", "pw"));
  EXPECT_FALSE(VerifyPassword("plaintext", "plaintext"));
  EXPECT_FALSE(VerifyPassword(std::string(500, 'x'), "pw"));
}

TEST(SecretsTest, CostBelowMinimumIsRefused) {
  PasswordCost weak{0, 1024};
  auto h = HashPassword("pw", weak);
  ASSERT_FALSE(h.ok());
  EXPECT_EQ(h.status().reason(), "weak_password_cost");
}

}  // namespace
}  // namespace fr::secrets
