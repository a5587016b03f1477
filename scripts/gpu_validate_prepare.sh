#!/usr/bin/env bash
# Run HERE before scripts/gpu_validate.sh goes to the lent GPU machine (it has g++, CUDA, LibTorch and
# libsqlite3.so.0, but no -dev headers and no package registry). Only the engine, the core and the store are
# compiled there; the other libraries (zlib, zstd, date-tz, libcurl, oneTBB) are found so that configure succeeds.
# scripts/device_prepare.sh copies all of them from this machine's Debian packages into .device/ (git-ignored,
# carried): headers in .device/include, libraries in .device/lib, TBBConfig.cmake in .device/cmake/TBB.
set -euo pipefail
cd "$(dirname "$0")/.."
exec scripts/device_prepare.sh
