// Test support: the twitter-text conformance files (validate.yml, extract.yml) that X's own
// text libraries are tested against, read from FR_SHARED_DIR/fixtures/twitter/twitter-text.
#pragma once

#include <yaml-cpp/yaml.h>

#include <initializer_list>
#include <string>
#include <tuple>
#include <vector>

#include "channels/x/text/text_entity.h"

namespace fr::channels::x::testing {

struct ConformanceCase {
  std::string description;
  std::string text;
  YAML::Node expected;  // a scalar, sequence, map or null, as the section defines
};

// Returns the cases of `tests.<section>` in `file` ("validate.yml" or "extract.yml"). Adds a
// test failure, and returns no case, if the file cannot be read or the section is missing or
// empty, so that a test iterating over the cases cannot pass vacuously.
std::vector<ConformanceCase> LoadConformanceSection(const std::string& file,
                                                    const std::string& section);

// An entity as the "*_with_indices" sections describe it: its text and UTF-16 [begin, end).
using IndexedEntity = std::tuple<std::string, int, int>;

// The entities of an `expected` list of maps, each with `indices: [begin, end]`; the entity's
// text is the concatenation of the values at `keys` ({"url"}, {"screen_name", "list_slug"}).
std::vector<IndexedEntity> ExpectedEntities(const YAML::Node& expected,
                                            std::initializer_list<const char*> keys);

// `entities` with their text and UTF-16 offsets, to compare with ExpectedEntities.
std::vector<IndexedEntity> Indexed(const std::vector<TextEntity>& entities);

// The file's path, for tests that read other files of the folder (v3.json).
std::string ConformancePath(const std::string& file);

}  // namespace fr::channels::x::testing
