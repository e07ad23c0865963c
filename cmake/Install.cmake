# What `cmake --install` and CPack's .deb put where: the binary, its man pages ceplan(1) and
# ceplan-deploy(5) and shell completions (generated from the built binary), the catalog and the
# deploy-file schema.
include(GNUInstallDirs)

set(generated ${PROJECT_BINARY_DIR}/share)
add_custom_command(
  OUTPUT ${generated}/ceplan.bash ${generated}/_ceplan
  COMMAND ${CMAKE_COMMAND} -E make_directory ${generated}
  COMMAND $<TARGET_FILE:ceplan> completion bash -o ${generated}/ceplan.bash
  COMMAND $<TARGET_FILE:ceplan> completion zsh -o ${generated}/_ceplan
  DEPENDS ceplan
  COMMENT "Generating shell completions")
set(share_outputs ${generated}/ceplan.bash ${generated}/_ceplan)

# ceplan-deploy(5): the deploy-file keys, rendered by the binary from the table the loader reads.
add_custom_command(
  OUTPUT ${generated}/ceplan-deploy.5.gz
  COMMAND ${CMAKE_COMMAND} -E make_directory ${generated}
  COMMAND $<TARGET_FILE:ceplan> schema --format man -o ${generated}/ceplan-deploy.5
  COMMAND gzip -9nf ${generated}/ceplan-deploy.5
  DEPENDS ceplan
  COMMENT "Generating ceplan-deploy(5)"
  VERBATIM)
list(APPEND share_outputs ${generated}/ceplan-deploy.5.gz)
install(FILES ${generated}/ceplan-deploy.5.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man5)

find_program(HELP2MAN help2man)
if(HELP2MAN)
  add_custom_command(
    OUTPUT ${generated}/ceplan.1
    COMMAND ${CMAKE_COMMAND} -E make_directory ${generated}
    COMMAND ${PROJECT_SOURCE_DIR}/man/commands.sh $<TARGET_FILE:ceplan> > ${generated}/commands.h2m
    COMMAND ${HELP2MAN} --no-info --section 1 --version-string ${PROJECT_VERSION}
            --include ${PROJECT_SOURCE_DIR}/man/ceplan.h2m --include ${generated}/commands.h2m
            --output ${generated}/ceplan.1 $<TARGET_FILE:ceplan>
    DEPENDS ceplan ${PROJECT_SOURCE_DIR}/man/ceplan.h2m ${PROJECT_SOURCE_DIR}/man/commands.sh
    COMMENT "Generating the man page with help2man")
  list(APPEND share_outputs ${generated}/ceplan.1)
  # FILES names the data directory of the prefix installed into (/usr for the .deb, whatever
  # --prefix says otherwise), which is known only when installing. Debian policy: man pages are
  # installed compressed (gzip -9n: no name or time stamp).
  install(
    CODE "
    file(READ \"${generated}/ceplan.1\" page)
    string(REPLACE \"@DATADIR@\" \"\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_DATADIR}\" page \"\${page}\")
    file(MAKE_DIRECTORY \"${generated}/installed\")
    file(WRITE \"${generated}/installed/ceplan.1\" \"\${page}\")
    execute_process(COMMAND gzip -9nf \"${generated}/installed/ceplan.1\" COMMAND_ERROR_IS_FATAL ANY)
    file(INSTALL \"${generated}/installed/ceplan.1.gz\" DESTINATION \"\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_MANDIR}/man1\")
    ")
else()
  message(WARNING "help2man not found: the man page is not built (scripts/install-deps.sh installs it)")
endif()
add_custom_target(ceplan_share ALL DEPENDS ${share_outputs})

install(TARGETS ceplan RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(FILES ${generated}/ceplan.bash DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions
        RENAME ceplan)
install(FILES ${generated}/_ceplan DESTINATION ${CMAKE_INSTALL_DATADIR}/zsh/site-functions)
install(FILES ${PROJECT_SOURCE_DIR}/data/regions.yaml ${PROJECT_SOURCE_DIR}/docs/deploy.schema.json
        DESTINATION ${CMAKE_INSTALL_DATADIR}/ceplan)
# The package's copyright file and its Debian changelog (compressed, as Debian policy asks);
# CHANGELOG.md, installed beside them, holds the changes themselves.
configure_file(${PROJECT_SOURCE_DIR}/packaging/changelog.in ${generated}/changelog @ONLY)
add_custom_command(
  OUTPUT ${generated}/changelog.gz
  COMMAND gzip -9nc ${generated}/changelog > ${generated}/changelog.gz
  DEPENDS ${PROJECT_SOURCE_DIR}/packaging/changelog.in
  VERBATIM)
add_custom_target(ceplan_changelog ALL DEPENDS ${generated}/changelog.gz)
install(FILES ${PROJECT_SOURCE_DIR}/LICENSE ${PROJECT_SOURCE_DIR}/README.md ${PROJECT_SOURCE_DIR}/CHANGELOG.md
              ${PROJECT_SOURCE_DIR}/packaging/copyright
              ${generated}/changelog.gz
        DESTINATION ${CMAKE_INSTALL_DOCDIR})

# A .deb whose dependencies dpkg-shlibdeps reads off the binary (libyaml-cpp, libfmt, libstdc++).
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME ceplan)
set(CPACK_PACKAGE_VENDOR "ceplan")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Region-resilience planner for IBM Cloud Code Engine")
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "ceplan maintainers <maintainers@ceplan.example>")
# One string: set() with several would join them with ';', which dpkg shows at each line's start.
string(CONCAT CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "ceplan checks a Code Engine workload's multi-region placement against IBM's\n"
    "region catalog and the team's recovery objectives, plans what a zone, region\n"
    "or geography outage does to it, and writes the ordered restore runbook with\n"
    "the ibmcloud ce commands to run.")
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
include(CPack)
