# cmake -DINPUT=file -DOUTPUT=file.cpp -P embed_file.cmake
# Writes the bytes of INPUT as a char array, which no content of the file can break (unlike a raw
# string literal, whose delimiter could appear in the data).
file(READ ${INPUT} hex HEX)
string(LENGTH "${hex}" hex_length)
math(EXPR size "${hex_length} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," bytes "${hex}")
string(REGEX REPLACE "(('\\\\x[0-9a-f][0-9a-f]',){16})" "\\1\n  " bytes "${bytes}")
file(WRITE ${OUTPUT}.tmp
"// Generated from data/regions.yaml by cmake/embed_file.cmake. Do not edit.
#include <cstddef>
#include <string_view>

namespace ceplan::detail {
namespace {
constexpr char embedded_bytes[] = {
  ${bytes}'\\0'};
}  // namespace

std::string_view embedded_catalog_text() { return {embedded_bytes, ${size}}; }
}  // namespace ceplan::detail
")
file(COPY_FILE ${OUTPUT}.tmp ${OUTPUT} ONLY_IF_DIFFERENT)
file(REMOVE ${OUTPUT}.tmp)
