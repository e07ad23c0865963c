# Turns data/regions.yaml into a C++ source at build time, so editing the YAML and rebuilding is
# all it takes to change the catalog the binary carries.
set(CEPLAN_CATALOG_YAML ${PROJECT_SOURCE_DIR}/data/regions.yaml)
set(CEPLAN_CATALOG_CPP ${PROJECT_BINARY_DIR}/generated/embedded_catalog.cpp)
add_custom_command(
  OUTPUT ${CEPLAN_CATALOG_CPP}
  COMMAND ${CMAKE_COMMAND} -DINPUT=${CEPLAN_CATALOG_YAML} -DOUTPUT=${CEPLAN_CATALOG_CPP}
          -P ${PROJECT_SOURCE_DIR}/cmake/embed_file.cmake
  DEPENDS ${CEPLAN_CATALOG_YAML} ${PROJECT_SOURCE_DIR}/cmake/embed_file.cmake
  COMMENT "Embedding data/regions.yaml"
  VERBATIM)
