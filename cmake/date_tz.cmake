# Named time zones (core/importers/local_time_zone.cpp) for the main build and the fuzz build: Debian's
# libhowardhinnant-date-dev, whose libdate-tz is built with USE_OS_TZDB (it reads the system's /usr/share/zoneinfo
# from tzdata, never downloads). Required. Found by header and library rather than by date's CMake package, so that
# the same lines work where only the header folder and the library file were carried (scripts/device_prepare.sh).
# The definitions are those of Debian's dateTargets.cmake (date::date and date::date-tz): the headers must be read
# as the library was built.
find_path(CARBONSCOPE_DATE_INCLUDE date/tz.h REQUIRED)
find_library(CARBONSCOPE_DATE_TZ_LIBRARY NAMES date-tz REQUIRED)
find_package(Threads REQUIRED)
add_library(carbonscope_date_tz INTERFACE IMPORTED)
target_include_directories(carbonscope_date_tz SYSTEM INTERFACE ${CARBONSCOPE_DATE_INCLUDE})
target_compile_definitions(carbonscope_date_tz INTERFACE USE_OS_TZDB=1 ONLY_C_LOCALE=1 HAS_STRING_VIEW=1)
target_link_libraries(carbonscope_date_tz INTERFACE ${CARBONSCOPE_DATE_TZ_LIBRARY} Threads::Threads)
