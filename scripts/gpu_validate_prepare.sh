#!/usr/bin/env bash
# Run HERE before scripts/gpu_validate.sh goes to the lent GPU machine (it has g++, CUDA, LibTorch and
# libsqlite3.so.0, but no -dev headers and no package registry): copies into .device/ (git-ignored, carried) what
# the whole tree's configure asks for. Only the engine, the core and the store are compiled there; the other
# libraries (zlib, zstd, date-tz, libcurl, oneTBB) are found so that configure succeeds, and their files come from
# this machine's Debian packages.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/device_prepare.sh >/dev/null
D=.device
mkdir -p $D/include $D/lib $D/cmake/TBB
cp /usr/include/zlib.h /usr/include/zconf.h /usr/include/zstd.h /usr/include/zstd_errors.h $D/include/
rm -rf $D/include/date $D/include/curl $D/include/tbb $D/include/oneapi
cp -r /usr/include/date /usr/include/x86_64-linux-gnu/curl /usr/include/tbb /usr/include/oneapi $D/include/
for lib in libz.so.1 libzstd.so.1 libdate-tz.so.3 libcurl.so.4 libtbb.so.12; do
    cp -L /usr/lib/x86_64-linux-gnu/$lib $D/lib/$lib
done
# oneTBB's own package config names Debian's paths: a small one naming the carried files instead.
cat > $D/cmake/TBB/TBBConfig.cmake <<'CFG'
get_filename_component(_root "${CMAKE_CURRENT_LIST_DIR}/../.." ABSOLUTE)
if(NOT TARGET TBB::tbb)
    add_library(TBB::tbb SHARED IMPORTED)
    set_target_properties(TBB::tbb PROPERTIES IMPORTED_LOCATION "${_root}/lib/libtbb.so.12"
                          INTERFACE_INCLUDE_DIRECTORIES "${_root}/include")
endif()
set(TBB_FOUND TRUE)
set(TBB_VERSION 2021.8.0)
CFG
du -sh $D --exclude=fuzz.tgz 2>/dev/null || du -sh $D
