#include "model/capacity.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <unordered_map>
#include <unordered_set>

#include "support/lists.hpp"

namespace ceplan {
namespace {

std::optional<double> number(std::string_view text) {
  double value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || !std::isfinite(value) || value < 0)
    return std::nullopt;
  return value;
}

// The app's max scale in `region`: its override there, else its own, else Code Engine's default.
std::int64_t max_scale_in(const App& app, std::string_view region) {
  const std::optional<Setting>& max = app.max_scale_in(region);
  return max ? max->value : caps::app_max_scale;
}

// Loads by region, in the order regions are first met.
class Loads {
public:
  RegionLoad& at(const std::string& region) {
    const auto [it, inserted] = m_index.emplace(region, m_loads.size());
    if (inserted) {
      RegionLoad load;
      load.region = region;
      m_loads.push_back(std::move(load));
    }
    return m_loads[it->second];
  }
  std::vector<RegionLoad> take() { return std::move(m_loads); }

private:
  std::unordered_map<std::string, std::size_t> m_index;
  std::vector<RegionLoad> m_loads;
};

void add(RegionLoad& load, const App& app, std::int64_t scale) {
  if (scale == 0) {
    if (!contains(load.unbounded, app.name.name))
      load.unbounded.push_back(app.name.name);
    return;
  }
  const auto cpu = app.cpu ? parse_cpu(app.cpu->name) : std::optional<double>(caps::app_cpu);
  const auto memory = app.memory ? parse_memory_gb(app.memory->name) : std::optional<double>(caps::app_memory_gb);
  if ((!cpu || !memory) && !contains(load.unknown, app.name.name))
    load.unknown.push_back(app.name.name);
  load.instances += scale;
  const double vcpu = static_cast<double>(scale) * cpu.value_or(0);
  load.vcpu += vcpu;
  if (load.heaviest.empty() || vcpu > load.heaviest_vcpu) {
    load.heaviest = app.name.name;
    load.heaviest_vcpu = vcpu;
  }
  load.memory_gb += static_cast<double>(scale) * memory.value_or(0);
}

// A region that serves already adds its share of the replaced load to its own, but at least the
// lost region's max scale, which the plan sets there; a standby or a re-created app runs at the
// larger of its own and the replaced one. 0 is unbounded either way.
struct Replaced {
  std::int64_t sum = 0;      // the max scales it had in the lost regions, added up
  std::int64_t largest = 0;  // the largest of them, which the plan sets where it takes over
  bool unbounded = false;    // one of them was 0
};

std::int64_t scale_after(std::int64_t own, const Replaced& replaced, std::int64_t takers, bool serves) {
  if (own == 0 || replaced.unbounded)
    return 0;
  return serves ? std::max(own + (replaced.sum + takers - 1) / takers, replaced.largest)
                : std::max(own, replaced.largest);
}

void add_app(const Deployment& d, const App& app, const std::vector<std::string>& lost, Loads& loads) {
  std::vector<std::pair<std::string, bool>> survivors;  // region, serves
  std::size_t serving = 0;
  Replaced replaced;
  bool hit = false;
  std::unordered_set<std::string_view> seen;
  for (const Ref& region : app.regions) {
    if (!d.places(app, region.name) || !seen.insert(region.name).second)
      continue;
    const std::int64_t scale = max_scale_in(app, region.name);
    if (contains(lost, region.name)) {
      hit = true;
      replaced.sum += scale;
      replaced.largest = std::max(replaced.largest, scale);
      replaced.unbounded = replaced.unbounded || scale == 0;
    } else {
      survivors.emplace_back(region.name, d.serves(region.name));
      serving += survivors.back().second ? 1 : 0;
    }
  }
  if (!hit) {  // nothing lost: each region runs its own
    for (const auto& [region, serves] : survivors) add(loads.at(region), app, max_scale_in(app, region));
    return;
  }
  if (survivors.empty()) {
    const std::string region = takeover_region(d, lost);
    if (region.empty())
      return;
    RegionLoad& load = loads.at(region);
    load.takes_over = true;
    add(load, app, scale_after(max_scale_in(app, region), replaced, 1, false));
    return;
  }
  for (const auto& [region, serves] : survivors) {
    const bool takes = serving == 0 || serves;  // standbys take over only when nothing else serves
    RegionLoad& load = loads.at(region);
    load.takes_over = load.takes_over || takes;
    const std::int64_t own = max_scale_in(app, region);
    add(load, app, takes ? scale_after(own, replaced, static_cast<std::int64_t>(serving), serves) : own);
  }
}

}  // namespace

bool RegionLoad::over() const {
  return vcpu > caps::vcpu || memory_gb > caps::memory_gb || instances > caps::instances;
}

std::optional<double> parse_cpu(std::string_view text) {
  if (text.ends_with('m')) {
    const auto milli = number(text.substr(0, text.size() - 1));
    return milli ? std::optional<double>(*milli / 1000) : std::nullopt;
  }
  return number(text);
}

std::optional<double> parse_memory_gb(std::string_view text) {
  struct Unit {
    std::string_view suffix;
    double gb;
  };
  // Longest suffixes first, so that "Gi" is not read as "G" followed by junk.
  static constexpr Unit units[] = {{"Ti", 1099.511627776}, {"Gi", 1.073741824}, {"Mi", 0.001048576},
                                   {"Ki", 0.000001024},    {"T", 1000},         {"G", 1},
                                   {"M", 0.001},           {"K", 0.000001}};
  std::string_view body = text;
  if (body.ends_with('B') || body.ends_with('b'))
    body.remove_suffix(1);
  for (const Unit& unit : units) {
    if (body.size() > unit.suffix.size() && body.ends_with(unit.suffix)) {
      const auto value = number(body.substr(0, body.size() - unit.suffix.size()));
      return value ? std::optional<double>(*value * unit.gb) : std::nullopt;
    }
  }
  return std::nullopt;  // a bare number of bytes is not what anyone means here
}

std::string takeover_region(const Deployment& d, const std::vector<std::string>& lost) {
  for (Role role : {Role::standby, Role::recovery, Role::primary, Role::active, Role::none}) {
    for (const ProjectRegion& region : d.regions) {
      if (region.role == role && !contains(lost, region.id.name))
        return region.id.name;
    }
  }
  return {};
}

std::vector<RegionLoad> takeover_load(const Deployment& d, const std::vector<std::string>& lost) {
  Loads loads;
  for (const App& app : d.apps) add_app(d, app, lost, loads);
  return loads.take();
}

}  // namespace ceplan
