// Test-only: the MetaConfig the channels/meta tests and goldens parse with. It registers the
// accounts the shared fixtures use (restfb's scrubbed ids) and those of our own goldens.
#pragma once

#include "channels/meta/meta_config.h"

namespace fr::channels::meta {

inline MetaConfig TestMetaConfig() {
  MetaConfig c;
  c.app_secret = "test-app-secret";
  c.verify_token = "test-verify-token";
  c.pages = {
      // fixtures/facebook/restfb/*, some messenger fixtures, and the recorded Instagram captures.
      {"1234567890321", "restfb test page", "17841452691600098"},
      // fixtures/messenger/restfb/* (numeric ids in the old format).
      {"12345654332", "restfb messenger page", ""},
      // tests/golden/meta/*: a Hebrew-speaking brand with a linked Instagram account.
      {"104395612345678", "Feedroom Demo IL", "17841400000000001"},
      {"104395698765432", "Feedroom Demo US", ""},
  };
  return c;
}

}  // namespace fr::channels::meta
