#include "base/crypto.h"

#include <gtest/gtest.h>

namespace fr::crypto {
namespace {

TEST(CryptoTest, XCrcVectorFromProtocols) {
  // PROTOCOLS.md §1.2: secret DDD, token some_random.
  EXPECT_EQ(Base64(HmacSha256("DDD", "some_random")),
            "VE19eUk6krbdSqWPdvH71xtFhApBAU81uPW3UT65vOs=");
}

TEST(CryptoTest, XDeliveryVectorFromProtocols) {
  EXPECT_EQ(Base64(HmacSha256("DDD", R"({"for_user_id":123,"key":"value"})")),
            "JjEmBe1lVKT8XldrYUKibF+D5ehp8f0jDk3PXZSHEWI=");
}

TEST(CryptoTest, Rfc4231Case2Hex) {
  EXPECT_EQ(Hex(HmacSha256("Jefe", "what do ya want for nothing?")),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
}

TEST(CryptoTest, Sha256KnownVectors) {
  // FIPS 180-2 appendix B.1 and the empty message.
  EXPECT_EQ(Hex(Sha256("abc")), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(Hex(Sha256("")), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST(CryptoTest, ConstantTimeEquals) {
  EXPECT_TRUE(ConstantTimeEquals("abc", "abc"));
  EXPECT_FALSE(ConstantTimeEquals("abc", "abd"));
  EXPECT_FALSE(ConstantTimeEquals("abc", "abcd"));
}

TEST(CryptoTest, Base64BytesRfc4648Vectors) {
  EXPECT_EQ(Base64Bytes(""), "");
  EXPECT_EQ(Base64Bytes("f"), "Zg==");
  EXPECT_EQ(Base64Bytes("fo"), "Zm8=");
  EXPECT_EQ(Base64Bytes("foobar"), "Zm9vYmFy");
  EXPECT_EQ(Base64Bytes("שלום"), "16nXnNeV150=");
}

}  // namespace
}  // namespace fr::crypto
