#pragma once
// Mermaid diagrams of a deployment, for Markdown output.

#include <string>

#include "catalog/catalog.hpp"
#include "model/deployment.hpp"

namespace ceplan::render {

/// A Mermaid flowchart of the placement: the edge proxy in front, regions as boxes, apps and jobs inside.
[[nodiscard]] std::string mermaid(const Deployment& deployment, const Catalog& catalog);

}  // namespace ceplan::render
