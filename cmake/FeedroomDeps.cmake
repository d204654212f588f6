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
find_package(LibXml2 REQUIRED)  # RSS and Atom feeds (channels/feed)
# libcsv: RFC 4180 CSV, for importing support history (channels/x/twcs_csv). No .pc or config.
find_path(CSV_INCLUDE_DIR csv.h REQUIRED)
find_library(CSV_LIBRARY NAMES csv REQUIRED)
if(NOT TARGET CSV::csv)
  add_library(CSV::csv UNKNOWN IMPORTED)
  set_target_properties(CSV::csv PROPERTIES IMPORTED_LOCATION ${CSV_LIBRARY}
                                            INTERFACE_INCLUDE_DIRECTORIES ${CSV_INCLUDE_DIR})
endif()
# Understanding (src/nlp): fastText for the sentiment and intent models, CLD2 for language
# identification.
pkg_check_modules(FASTTEXT REQUIRED IMPORTED_TARGET fasttext)  # its .pc has an empty Version
# CLD2 ships neither a .pc nor a CMake config. libcld2 holds the code and the 83-language
# tables (Hebrew among them), which is all we need.
find_path(CLD2_INCLUDE_DIR cld2/public/compact_lang_det.h REQUIRED)
find_library(CLD2_LIBRARY NAMES cld2 REQUIRED)
if(NOT TARGET CLD2::cld2)
  add_library(CLD2::cld2 UNKNOWN IMPORTED)
  set_target_properties(CLD2::cld2 PROPERTIES IMPORTED_LOCATION ${CLD2_LIBRARY}
                                              INTERFACE_INCLUDE_DIRECTORIES ${CLD2_INCLUDE_DIR})
endif()
# Boost.JSON also writes the channel adapters' outbound request bodies, so every build needs it.
find_package(Boost 1.81 REQUIRED COMPONENTS json url)
if(FR_BUILD_SERVER)
  find_package(SQLite3 REQUIRED)
  find_package(CLI11 REQUIRED CONFIG)
  find_package(benchmark REQUIRED CONFIG)
endif()

if(FR_BUILD_TESTS)
  find_package(GTest REQUIRED CONFIG)
  # Test-only: reads the twitter-text conformance files (YAML) from ../shared/fixtures.
  find_package(yaml-cpp REQUIRED CONFIG)
endif()
