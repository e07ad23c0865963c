#include "render/world_json.hpp"

namespace ceplan::render {

using Json = nlohmann::ordered_json;

namespace {

Json region_json(const RegionState& region) {
  Json apps = Json::object();
  for (const auto& [name, app] : region.apps)
    apps[name] = {{"image", app.image},
                  {"min_scale", app.min_scale},
                  {"max_scale", app.max_scale ? Json(*app.max_scale) : Json(nullptr)}};
  return Json{{"reachable", region.reachable},
              {"project", region.project},
              {"secrets", region.secrets},
              {"servers", region.servers},
              {"configmaps", region.configmaps},
              {"apps", std::move(apps)},
              {"jobs", region.jobs},
              {"schedules", region.crons},
              {"domain_mapping", region.domain_mapping},
              {"pool", region.pool ? Json(*region.pool ? "enabled" : "disabled") : Json(nullptr)}};
}

}  // namespace

Json world_json(const WorldState& state) {
  Json regions = Json::object();
  for (const auto& [id, region] : state.regions) regions[id] = region_json(region);
  Json stores = Json::object();
  for (const auto& [name, store] : state.stores)
    stores[name] = {{"writable_in", store.writable_in.empty() ? Json(nullptr) : Json(store.writable_in)},
                    {"replica_in", store.replica_in ? Json(*store.replica_in) : Json(nullptr)}};
  return Json{{"regions", std::move(regions)}, {"stores", std::move(stores)}};
}

Json world_json(const WorldState& start, const WorldState& end) {
  return Json{{"before", world_json(start)}, {"after", world_json(end)}};
}

}  // namespace ceplan::render
