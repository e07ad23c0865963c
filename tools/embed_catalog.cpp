// Build tool: loads and validates data/regions.yaml with ceplan's own loader and writes a C++
// source that builds the same Catalog without parsing YAML at run time. A bad catalog fails
// the build with the loader's file:line:column messages.
//   embed_catalog INPUT.yaml OUTPUT.cpp
#include <fstream>
#include <iostream>
#include <sstream>

#include <fmt/format.h>

#include "catalog/catalog_loader.hpp"

namespace {

// A C++ string literal; octal escapes cannot run into the characters that follow them.
std::string literal(std::string_view text) {
  std::string out = "\"";
  for (unsigned char c : text) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c < 0x20 || c >= 0x7F) {
      out += fmt::format("\\{:03o}", c);
    } else {
      out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

std::string optional(const std::optional<std::string>& value) {
  return value ? fmt::format("std::string({})", literal(*value)) : std::string("std::nullopt");
}

std::string strings(const std::vector<std::string>& values) {
  std::string out = "{";
  for (const std::string& value : values) out += literal(value) + ", ";
  return out + "}";
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: embed_catalog INPUT.yaml OUTPUT.cpp\n";
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  try {
    const ceplan::Catalog catalog = ceplan::load_catalog(text.str(), "data/regions.yaml");
    std::string regions;
    for (const ceplan::Region& r : catalog.regions()) {
      regions += fmt::format(
          "      Region{{{}, {}, {}, {}, Availability::{}, Campus::{}, {}, {}, {}, {{{}, {}}}}},\n", literal(r.id),
          literal(r.name), literal(r.city), literal(r.geography),
          r.availability == ceplan::Availability::mzr ? "mzr" : "szr",
          r.campus == ceplan::Campus::multi ? "multi" : "single", strings(r.zones), optional(r.backup_endpoint),
          optional(r.registry), r.location.line, r.location.column);
    }
    std::ofstream out(argv[2], std::ios::binary);
    out << fmt::format(R"cpp(// Generated from data/regions.yaml by tools/embed_catalog.cpp at build time. Do not edit.
#include "catalog/embedded_catalog.hpp"

namespace ceplan {{

Catalog embedded_catalog() {{
  return Catalog::from_parts("data/regions.yaml (embedded)", {}, {},
    {{
{}    }}, Provenance{{{}, {}}});
}}

}}  // namespace ceplan
)cpp",
                       catalog.sla(), strings(catalog.backup_endpoints()), regions,
                       literal(catalog.provenance().as_of), strings(catalog.provenance().sources));
    return out.good() ? 0 : 1;
  } catch (const ceplan::InputError& error) {
    for (const auto& diagnostic : error.diagnostics()) std::cerr << diagnostic.format() << '\n';
    return 1;
  }
}
