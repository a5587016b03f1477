# The Debian package: `cpack -G DEB` in the build folder (scripts/package.sh) after carbonscope, carbonscope-cli,
# carbonscope_help (and carbonscope_torch where LibTorch was found) are built. Layout under /usr:
#   bin/carbonscope, bin/carbonscope-cli
#   lib/carbonscope/libcarbonscope_torch.so        where the loader looks from bin/ (core/engine/torch_engine_loader.cpp)
#   share/man/man1/*.1.gz, share/bash-completion/completions/carbonscope-cli, share/zsh/vendor-completions/_carbonscope-cli
#   share/applications, share/metainfo, share/mime/packages, share/icons/hicolor   (with the GUI)
#   share/doc/carbonscope/copyright, changelog.Debian.gz
set(CARBONSCOPE_APP_ID org.carbonscope.CarbonScope)
set(CARBONSCOPE_LINUX_RESOURCES ${PROJECT_SOURCE_DIR}/resources/linux)

# The version the binaries print is the project's, the one the package carries.
foreach(target carbonscope-cli carbonscope)
    if(TARGET ${target})
        target_compile_definitions(${target} PRIVATE CARBONSCOPE_VERSION="${PROJECT_VERSION}")
    endif()
endforeach()

# Man pages and completion, written by carbonscope-cli from the same definitions its --help prints, whenever it is
# relinked (a new subcommand appears in them with no further work).
set(CARBONSCOPE_HELP_DIR ${CMAKE_BINARY_DIR}/help)
configure_file(${PROJECT_SOURCE_DIR}/packaging/carbonscope.1.in ${CMAKE_BINARY_DIR}/packaging/carbonscope.1 @ONLY)
add_custom_command(OUTPUT ${CARBONSCOPE_HELP_DIR}/stamp
    COMMAND ${CMAKE_COMMAND} -DCLI=$<TARGET_FILE:carbonscope-cli> -DOUT=${CARBONSCOPE_HELP_DIR}
            -DGUI_PAGE=${CMAKE_BINARY_DIR}/packaging/carbonscope.1 -P ${CMAKE_CURRENT_LIST_DIR}/packaging_help.cmake
    DEPENDS carbonscope-cli ${CMAKE_BINARY_DIR}/packaging/carbonscope.1 ${CMAKE_CURRENT_LIST_DIR}/packaging_help.cmake
    COMMENT "Man pages and shell completion from carbonscope-cli")
add_custom_target(carbonscope_help ALL DEPENDS ${CARBONSCOPE_HELP_DIR}/stamp)
install(DIRECTORY ${CARBONSCOPE_HELP_DIR}/man/ DESTINATION share/man/man1 FILES_MATCHING PATTERN "*.1.gz")
install(FILES ${CARBONSCOPE_HELP_DIR}/completion/carbonscope-cli DESTINATION share/bash-completion/completions)
install(FILES ${CARBONSCOPE_HELP_DIR}/completion/_carbonscope-cli DESTINATION share/zsh/vendor-completions)

# The desktop integration, with the GUI: menu entry, icon, AppStream metainfo, and the .csdb type that opens a
# project by double-click (carbonscope FILE).
if(TARGET carbonscope)
    configure_file(${CARBONSCOPE_LINUX_RESOURCES}/${CARBONSCOPE_APP_ID}.metainfo.xml
                   ${CMAKE_BINARY_DIR}/packaging/${CARBONSCOPE_APP_ID}.metainfo.xml @ONLY)
    install(FILES ${CARBONSCOPE_LINUX_RESOURCES}/${CARBONSCOPE_APP_ID}.desktop DESTINATION share/applications)
    install(FILES ${CMAKE_BINARY_DIR}/packaging/${CARBONSCOPE_APP_ID}.metainfo.xml DESTINATION share/metainfo)
    install(FILES ${CARBONSCOPE_LINUX_RESOURCES}/carbonscope-mime.xml DESTINATION share/mime/packages
            RENAME carbonscope.xml)
    install(FILES ${PROJECT_SOURCE_DIR}/resources/icons/carbonscope.svg
            DESTINATION share/icons/hicolor/scalable/apps)
    foreach(size 48 128 256)
        install(FILES ${CARBONSCOPE_LINUX_RESOURCES}/icons/${size}x${size}/carbonscope.png
                DESTINATION share/icons/hicolor/${size}x${size}/apps)
    endforeach()
endif()

# The package's metadata.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME carbonscope)
set(CPACK_PACKAGE_VENDOR CarbonScope)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_DEBIAN_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_DEBIAN_PACKAGE_RELEASE 1)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "CarbonScope maintainers <maintainers@users.noreply.h-seed-51f116d3.example>")
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "carbon-aware model selection for DNN inference")
# The long description; CPack puts the summary above it, each line indented, an empty line as " .".
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "Grid carbon intensity swings over the day. CarbonScope picks which vision
model serves the requests as the intensity changes (a big accurate model when
the grid is clean, a small one when it is dirty) and shows what that costs and
saves: CO2, error, and the carbon emission efficiency against a baseline.

This package holds the desktop app (carbonscope) and the headless command line
tool (carbonscope-cli), which read and write the same project files (.csdb).")
# Libraries from the binaries (dpkg-shlibdeps); what is loaded at run time besides: Qt's platform plugins and SVG
# support for the GUI's window and icons.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
if(TARGET carbonscope)
    set(CPACK_DEBIAN_PACKAGE_DEPENDS "qt6-qpa-plugins, libqt6svg6")
endif()
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS
    OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)
set(CMAKE_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS ${CPACK_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS})

# Debian's documentation files: the machine-readable copyright and the changelog, gzipped without name or time.
configure_file(${PROJECT_SOURCE_DIR}/packaging/changelog.Debian.in ${CMAKE_BINARY_DIR}/packaging/changelog.Debian @ONLY)
execute_process(COMMAND gzip -9nf ${CMAKE_BINARY_DIR}/packaging/changelog.Debian COMMAND_ERROR_IS_FATAL ANY)
install(FILES ${PROJECT_SOURCE_DIR}/packaging/copyright ${CMAKE_BINARY_DIR}/packaging/changelog.Debian.gz
        DESTINATION share/doc/carbonscope)
install(FILES ${PROJECT_SOURCE_DIR}/packaging/lintian-overrides DESTINATION share/lintian/overrides RENAME carbonscope)
include(CPack)
