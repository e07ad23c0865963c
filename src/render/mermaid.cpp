#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "render/mermaid.hpp"

#include "support/error.hpp"

namespace ceplan::render {
namespace {

// Mermaid ids are letters, digits and underscores.
std::string node_id(std::string_view prefix, std::string_view name) {
  std::string out(prefix);
  for (char c : name) {
    out += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
  }
  return out;
}

// Mermaid labels are quoted; a double quote, markup and a backtick (which starts a Markdown label)
// inside one are written as entity codes.
std::string label(std::string_view text) {
  std::string out;
  for (char c : printable(text)) {
    switch (c) {
      case '"': out += "#quot;"; break;
      case '<': out += "#60;"; break;
      case '>': out += "#62;"; break;
      case '`': out += "#96;"; break;
      default: out += c;
    }
  }
  return out;
}

}  // namespace

std::string mermaid(const Deployment& d, const Catalog& catalog, std::span<const std::string> lost) {
  auto is_lost = [&](std::string_view id) { return std::find(lost.begin(), lost.end(), id) != lost.end(); };
  std::string out = "```mermaid\nflowchart TB\n";
  const auto& proxy = d.failover.edge_proxy;
  if (proxy) {
    out += fmt::format("  proxy[\"edge proxy: {}{}\"]\n", label(proxy->service),
                       proxy->domain.empty() ? std::string() : fmt::format("<br/>{}", label(proxy->domain)));
  }
  for (const ProjectRegion& entry : d.regions) {
    const Region* region = catalog.find(entry.id.name);
    const std::string region_id = node_id("r_", entry.id.name);
    out += fmt::format(
        "  subgraph {}[\"{}{}\"]\n", region_id,
        region != nullptr ? label(fmt::format("{} ({})", region->name, entry.id.name)) : label(entry.id.name),
        std::string(entry.role == Role::none ? "" : fmt::format(" · {}", to_string(entry.role))) +
            (is_lost(entry.id.name) ? " · lost" : ""));
    for (const App& app : d.apps) {
      for (const Ref& ref : app.regions) {
        if (ref.name == entry.id.name) {
          out += fmt::format("    {}[\"app {}\"]\n", node_id(region_id + "_app_", app.name.name), label(app.name.name));
        }
      }
    }
    for (const Job& job : d.jobs) {
      for (const Ref& ref : job.regions) {
        if (ref.name == entry.id.name) {
          out +=
              fmt::format("    {}([\"job {}\"])\n", node_id(region_id + "_job_", job.name.name), label(job.name.name));
        }
      }
    }
    out += "  end\n";
    if (is_lost(entry.id.name))
      out += fmt::format("  style {} fill:#fdd,stroke:#c00,stroke-dasharray: 5 5\n", region_id);
  }
  if (proxy) {
    for (const App& app : d.apps) {
      for (const Ref& ref : app.regions) {
        out += fmt::format("  proxy {} {}\n", is_lost(ref.name) ? "-.->" : "-->",
                           node_id(node_id("r_", ref.name) + "_app_", app.name.name));
      }
    }
  }
  return out + "```\n";
}

}  // namespace ceplan::render
