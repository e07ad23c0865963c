#pragma once
// The draft deploy file `ceplan import terraform` writes (docs/terraform.md).

#include <string>

#include "model/terraform.hpp"

namespace ceplan::render {

/// A commented deploy file for what `inventory` describes: what Terraform says is written as
/// keys, what it cannot say (objectives, strategy, schedules, secret sources, values unknown until
/// apply or marked sensitive) as `# TODO` lines. No sensitive value is ever written. Throws
/// InputError when the inventory has no Code Engine project.
[[nodiscard]] std::string terraform_draft(const terraform::Inventory& inventory);

}  // namespace ceplan::render
