#include "channels/x/text/conformance_yaml.h"

#include <gtest/gtest.h>

namespace fr::channels::x::testing {

std::string ConformancePath(const std::string& file) {
  return std::string(FR_SHARED_DIR) + "/fixtures/twitter/twitter-text/" + file;
}

std::vector<ConformanceCase> LoadConformanceSection(const std::string& file,
                                                    const std::string& section) {
  std::vector<ConformanceCase> cases;
  try {
    YAML::Node cases_yaml = YAML::LoadFile(ConformancePath(file))["tests"][section];
    if (!cases_yaml.IsSequence() || cases_yaml.size() == 0) {
      ADD_FAILURE() << file << " has no cases in section " << section;
      return cases;
    }
    for (const YAML::Node& c : cases_yaml) {
      cases.push_back({.description = c["description"].as<std::string>(),
                       .text = c["text"].as<std::string>(),
                       .expected = c["expected"]});
    }
  } catch (const YAML::Exception& e) {
    ADD_FAILURE() << "cannot read " << file << " section " << section << ": " << e.what();
    cases.clear();
  }
  return cases;
}

std::vector<IndexedEntity> ExpectedEntities(const YAML::Node& expected,
                                            std::initializer_list<const char*> keys) {
  std::vector<IndexedEntity> entities;
  for (const YAML::Node& entity : expected) {
    std::string text;
    for (const char* key : keys) text += entity[key].as<std::string>();
    entities.emplace_back(text, entity["indices"][0].as<int>(), entity["indices"][1].as<int>());
  }
  return entities;
}

std::vector<IndexedEntity> Indexed(const std::vector<TextEntity>& entities) {
  std::vector<IndexedEntity> indexed;
  for (const TextEntity& e : entities) {
    indexed.emplace_back(e.text, e.span.utf16_begin, e.span.utf16_end);
  }
  return indexed;
}

}  // namespace fr::channels::x::testing
