// Test support: a fresh temporary directory per test, removed (with its contents) when the
// object goes away.
#pragma once

#include <string>

namespace fr::testing {

class TempDir {
 public:
  // Creates /tmp/feedroom-test-XXXXXX; aborts the test binary if it cannot.
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::string& path() const { return path_; }
  // path() + "/" + name.
  std::string File(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

}  // namespace fr::testing
