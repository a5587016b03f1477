#!/usr/bin/env bash
# Run HERE (not on the device): copies what the GPU machine lacks into .device/ (git-ignored), which the device
# call carries: the headers of SQLite, zlib, zstd and date (with this machine's libsqlite3, libz and libzstd as
# fallbacks), Debian's libdate-tz (the device has none; linked by path), libcurl and oneTBB (the fetch and sweep
# libraries, required by the configure) with a TBBConfig.cmake naming the carried files, nlohmann/json and CLI11.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p .device/include .device/lib
cp /usr/include/sqlite3.h /usr/include/sqlite3ext.h .device/include/
cp /usr/include/zlib.h /usr/include/zconf.h /usr/include/zstd.h /usr/include/zstd_errors.h .device/include/
rm -rf .device/include/nlohmann .device/include/CLI .device/include/date .device/include/curl .device/include/tbb \
    .device/include/oneapi
cp -r /usr/include/nlohmann /usr/include/CLI /usr/include/date /usr/include/x86_64-linux-gnu/curl /usr/include/tbb \
    /usr/include/oneapi .device/include/
# The real files under their sonames (what the binaries ask the loader for; the build's RUNPATH names .device/lib).
lib=/usr/lib/x86_64-linux-gnu
cp -L $lib/libsqlite3.so.0 $lib/libz.so.1 $lib/libzstd.so.1 $lib/libdate-tz.so.3 $lib/libcurl.so.4 $lib/libtbb.so.12 \
    .device/lib/
# oneTBB's own package config names Debian's paths: a small one naming the carried files instead.
mkdir -p .device/cmake/TBB
cat > .device/cmake/TBB/TBBConfig.cmake <<'CFG'
get_filename_component(_root "${CMAKE_CURRENT_LIST_DIR}/../.." ABSOLUTE)
if(NOT TARGET TBB::tbb)
    add_library(TBB::tbb SHARED IMPORTED)
    set_target_properties(TBB::tbb PROPERTIES IMPORTED_LOCATION "${_root}/lib/libtbb.so.12"
                          INTERFACE_INCLUDE_DIRECTORIES "${_root}/include")
endif()
set(TBB_FOUND TRUE)
set(TBB_VERSION 2021.8.0)
CFG
du -sh .device --exclude=fuzz.tgz 2>/dev/null || du -sh .device
