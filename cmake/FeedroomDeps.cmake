# Every third-party library, found once. docs/dependencies.md says why each one is here.
find_package(Threads REQUIRED)
find_package(fmt REQUIRED CONFIG)
find_package(spdlog REQUIRED CONFIG)
find_package(OpenSSL REQUIRED)
find_package(ICU 72 REQUIRED COMPONENTS uc data)
find_package(simdjson 3 REQUIRED CONFIG)
find_package(PkgConfig REQUIRED)
pkg_check_modules(TOMLPP REQUIRED IMPORTED_TARGET tomlplusplus)

if(FR_BUILD_SERVER)
  find_package(Boost 1.81 REQUIRED COMPONENTS json url)
  find_package(SQLite3 REQUIRED)
  find_package(CLI11 REQUIRED CONFIG)
endif()

if(FR_BUILD_TESTS)
  find_package(GTest REQUIRED CONFIG)
endif()
