# Sourced by the bench scripts (from the repository root): bench_build TARGET... builds the
# targets in $BUILD_DIR, a configured release build directory of one's own, or, when it is
# unset, in the release preset's build/release, which it then names in BUILD_DIR.
bench_build() {
  if [ -n "${BUILD_DIR:-}" ]; then
    cmake --build "$BUILD_DIR" --target "$@" >/dev/null
  else
    BUILD_DIR=build/release
    bash scripts/build.sh release "$@" >/dev/null
  fi
}
