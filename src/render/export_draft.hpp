#pragma once
// The draft deploy file `ceplan import ce-export` writes (docs/live-drift.md).

#include <string>

#include "model/live_export.hpp"

namespace ceplan::render {

/// A commented deploy file for what `live` shows running, `project` its project's name (empty: a
/// TODO). What the export says is written as keys (per-region placement, images, scale, secret and
/// config map names, jobs, cron schedules with `scheduled_in`); what it cannot say (roles,
/// strategy, data stores, objectives, a job's image, secret sources) as `# TODO` lines. No secret
/// value is ever written: the reader keeps none.
[[nodiscard]] std::string export_draft(const live::Export& live, const std::string& project);

}  // namespace ceplan::render
