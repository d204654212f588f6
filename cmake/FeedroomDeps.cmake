# Every third-party library, found once. docs/dependencies.md says why each one is here.
find_package(Threads REQUIRED)
find_package(fmt REQUIRED CONFIG)
find_package(spdlog REQUIRED CONFIG)
find_package(ICU 72 REQUIRED COMPONENTS uc i18n data)
find_package(simdjson 3 REQUIRED CONFIG)
find_package(PkgConfig REQUIRED)
pkg_check_modules(TOMLPP REQUIRED IMPORTED_TARGET tomlplusplus)
pkg_check_modules(SODIUM REQUIRED IMPORTED_TARGET libsodium)
pkg_check_modules(RE2 REQUIRED IMPORTED_TARGET re2)
find_package(CURL REQUIRED)
# Boost.JSON also writes the channel adapters' outbound request bodies, so every build needs it.
find_package(Boost 1.81 REQUIRED COMPONENTS json url)
if(FR_BUILD_SERVER)
  find_package(SQLite3 REQUIRED)
  find_package(CLI11 REQUIRED CONFIG)
endif()

if(FR_BUILD_TESTS)
  find_package(GTest REQUIRED CONFIG)
  # Test-only: reads the twitter-text conformance files (YAML) from ../shared/fixtures.
  find_package(yaml-cpp REQUIRED CONFIG)
endif()
