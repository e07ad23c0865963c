#pragma once
// The deploy file's key reference as Markdown (docs/deploy-file-keys.md), rendered from the
// same table the loader, the JSON Schema and `ceplan init` read.

#include <string>

namespace ceplan::render {

/// One table row per key: its path, type, default and meaning.
[[nodiscard]] std::string deploy_reference_markdown();

}  // namespace ceplan::render
