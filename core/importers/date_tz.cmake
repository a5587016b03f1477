# Named time zones (local_time_zone.cpp) for the main build and the fuzz build: Debian's libhowardhinnant-date-dev,
# whose libdate-tz is built with USE_OS_TZDB (it reads the system's /usr/share/zoneinfo from tzdata, never
# downloads). Optional: without it the same sources build, and a zone name is refused with a message saying so
# (UTC and fixed offsets such as +01:00 keep working).
option(CARBONSCOPE_TIME_ZONES "Named time zones in the CSV importers when date-tz is found" ON)

# Links date-tz to `target` (PUBLIC or PRIVATE as `scope`) and defines CARBONSCOPE_HAVE_DATE_TZ where found.
function(carbonscope_use_date_tz target scope)
    if(CARBONSCOPE_TIME_ZONES)
        find_package(date CONFIG QUIET)
    endif()
    if(TARGET date::date-tz)
        get_target_property(defs date::date-tz INTERFACE_COMPILE_DEFINITIONS)
    endif()
    if(TARGET date::date-tz AND "${defs}" MATCHES "USE_OS_TZDB=1")
        target_link_libraries(${target} ${scope} date::date-tz)
        target_compile_definitions(${target} PRIVATE CARBONSCOPE_HAVE_DATE_TZ=1)
    else()
        # A date-tz without USE_OS_TZDB would download the IANA database at run time: not used.
        message(STATUS "CarbonScope: no date-tz over the system tzdata; CSV time zones: UTC and fixed offsets only")
    endif()
endfunction()
