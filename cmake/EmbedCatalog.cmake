# data/regions.yaml becomes C++ at build time: tools/embed_catalog, linked with the catalog
# library, validates it and writes code that constructs the Catalog directly, so the binary
# neither parses YAML at start-up nor can carry an invalid catalog. Edit the YAML, rebuild, and
# the binary follows. The result is the library ceplan_catalog_embedded.
set(CEPLAN_CATALOG_YAML ${PROJECT_SOURCE_DIR}/data/regions.yaml)
set(CEPLAN_CATALOG_CPP ${PROJECT_BINARY_DIR}/generated/embedded_catalog.cpp)
add_executable(embed_catalog ${PROJECT_SOURCE_DIR}/tools/embed_catalog.cpp)
target_link_libraries(embed_catalog PRIVATE ceplan_catalog ceplan_warnings)
add_custom_command(
  OUTPUT ${CEPLAN_CATALOG_CPP}
  COMMAND ${CMAKE_COMMAND} -E make_directory ${PROJECT_BINARY_DIR}/generated
  COMMAND embed_catalog ${CEPLAN_CATALOG_YAML} ${CEPLAN_CATALOG_CPP}
  DEPENDS embed_catalog ${CEPLAN_CATALOG_YAML}
  COMMENT "Compiling data/regions.yaml into the catalog"
  VERBATIM)
add_library(ceplan_catalog_embedded STATIC ${CEPLAN_CATALOG_CPP})
target_link_libraries(ceplan_catalog_embedded PUBLIC ceplan_catalog PRIVATE ceplan_warnings)
