#!/usr/bin/env bash
# Run HERE (not on the device): copies what the GPU machine lacks into .device/ (git-ignored), which the device
# call carries: SQLite's header (and this machine's libsqlite3 as a fallback), nlohmann/json and CLI11.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p .device/include .device/lib
cp /usr/include/sqlite3.h /usr/include/sqlite3ext.h .device/include/
rm -rf .device/include/nlohmann .device/include/CLI
cp -r /usr/include/nlohmann /usr/include/CLI .device/include/
cp -L /usr/lib/x86_64-linux-gnu/libsqlite3.so.0 .device/lib/libsqlite3.so.0
du -sh .device
