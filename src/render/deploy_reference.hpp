#pragma once
// The deploy file's key reference as Markdown (docs/deploy-file-keys.md), rendered from the
// same table the loader, the JSON Schema and `ceplan init` read.

#include <string>
#include <string_view>

namespace ceplan::render {

/// One table row per key: its path, type, default and meaning.
[[nodiscard]] std::string deploy_reference_markdown();
/// The same keys as the man page ceplan-deploy(5), in roff, for the installed package.
[[nodiscard]] std::string deploy_reference_man(std::string_view version);

}  // namespace ceplan::render
