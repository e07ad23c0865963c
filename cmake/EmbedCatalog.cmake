# data/regions.yaml becomes C++ at build time: tools/embed_catalog (built from the catalog and
# loader sources) validates it and writes code that constructs the Catalog directly, so the
# binary neither parses YAML at start-up nor can carry an invalid catalog. Edit the YAML,
# rebuild, and the binary follows.
set(CEPLAN_CATALOG_YAML ${PROJECT_SOURCE_DIR}/data/regions.yaml)
set(CEPLAN_CATALOG_CPP ${PROJECT_BINARY_DIR}/generated/embedded_catalog.cpp)
set(CEPLAN_CATALOG_SOURCES
  ${PROJECT_SOURCE_DIR}/src/support/error.cpp
  ${PROJECT_SOURCE_DIR}/src/support/spellcheck.cpp
  ${PROJECT_SOURCE_DIR}/src/loader/yaml_document.cpp
  ${PROJECT_SOURCE_DIR}/src/loader/yaml_read.cpp
  ${PROJECT_SOURCE_DIR}/src/catalog/catalog.cpp
  ${PROJECT_SOURCE_DIR}/src/catalog/catalog_loader.cpp)
add_executable(embed_catalog ${PROJECT_SOURCE_DIR}/tools/embed_catalog.cpp ${CEPLAN_CATALOG_SOURCES})
target_include_directories(embed_catalog PRIVATE ${PROJECT_SOURCE_DIR}/include ${PROJECT_SOURCE_DIR}/src)
target_link_libraries(embed_catalog PRIVATE ${CEPLAN_YAML_CPP} ${CEPLAN_FMT} ceplan_warnings)
add_custom_command(
  OUTPUT ${CEPLAN_CATALOG_CPP}
  COMMAND ${CMAKE_COMMAND} -E make_directory ${PROJECT_BINARY_DIR}/generated
  COMMAND embed_catalog ${CEPLAN_CATALOG_YAML} ${CEPLAN_CATALOG_CPP}
  DEPENDS embed_catalog ${CEPLAN_CATALOG_YAML}
  COMMENT "Compiling data/regions.yaml into the catalog"
  VERBATIM)
