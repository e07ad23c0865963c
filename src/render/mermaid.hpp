#pragma once
// Mermaid diagrams of a deployment, for Markdown output.

#include <span>
#include <string>

#include "catalog/catalog.hpp"
#include "model/deployment.hpp"

namespace ceplan::render {

/// A Mermaid flowchart of the placement: the edge proxy in front, regions as boxes, apps and jobs
/// inside; the regions in `lost` are marked lost (dashed red, their traffic edges dotted).
[[nodiscard]] std::string mermaid(const Deployment& deployment, const Catalog& catalog,
                                  std::span<const std::string> lost = {});

}  // namespace ceplan::render
