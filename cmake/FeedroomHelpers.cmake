# fr_library(NAME SOURCES ... DEPS ...): one module = one static library, includes rooted at src/.
# fr_test(NAME SOURCES ... DEPS ... [LABELS ...]): a GoogleTest binary registered with CTest.

set(FR_WARNINGS -Wall -Wextra -Wno-unused-parameter)

if(NOT CMAKE_CXX_COMPILER_LAUNCHER)
  find_program(FR_CCACHE ccache)
  if(FR_CCACHE)
    set(CMAKE_CXX_COMPILER_LAUNCHER ${FR_CCACHE})
    set(CMAKE_C_COMPILER_LAUNCHER ${FR_CCACHE})
  endif()
endif()

function(fr_library name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS;PRIVATE_DEPS" ${ARGN})
  add_library(${name} STATIC ${ARG_SOURCES})
  target_include_directories(${name} PUBLIC ${PROJECT_SOURCE_DIR}/src)
  target_compile_options(${name} PRIVATE ${FR_WARNINGS})
  target_link_libraries(${name} PUBLIC ${ARG_DEPS} PRIVATE ${ARG_PRIVATE_DEPS})
endfunction()

function(fr_test name)
  if(NOT FR_BUILD_TESTS)
    return()
  endif()
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS;LABELS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  target_include_directories(${name} PRIVATE ${PROJECT_SOURCE_DIR}/src ${PROJECT_SOURCE_DIR})
  target_compile_options(${name} PRIVATE ${FR_WARNINGS})
  target_compile_definitions(${name} PRIVATE
    FR_SHARED_DIR="${FR_SHARED_DIR}" FR_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
    FR_BINARY_DIR="${PROJECT_BINARY_DIR}")
  target_link_libraries(${name} PRIVATE ${ARG_DEPS} GTest::gtest_main GTest::gmock)
  if(NOT ARG_LABELS)
    set(ARG_LABELS unit)
  endif()
  gtest_discover_tests(${name} PROPERTIES LABELS "${ARG_LABELS}" DISCOVERY_TIMEOUT 60)
endfunction()
