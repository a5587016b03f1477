# carbonscope_add_core_library(NAME SOURCES file... [PUBLIC_LIBS lib...] [PRIVATE_LIBS lib...])
# A subsystem library of core/: static, its folder on its users' include path, carbonscope_core and PUBLIC_LIBS
# linked publicly, PRIVATE_LIBS privately, built with the project's warnings. What each subsystem's CMakeLists
# wrote out by hand.
function(carbonscope_add_core_library name)
    cmake_parse_arguments(ARG "" "" "SOURCES;PUBLIC_LIBS;PRIVATE_LIBS" ${ARGN})
    add_library(${name} STATIC ${ARG_SOURCES})
    target_include_directories(${name} PUBLIC ${CMAKE_CURRENT_SOURCE_DIR})
    target_link_libraries(${name} PUBLIC carbonscope_core ${ARG_PUBLIC_LIBS} PRIVATE ${ARG_PRIVATE_LIBS})
    target_compile_options(${name} PRIVATE -Wall -Wextra -Wpedantic)
endfunction()
