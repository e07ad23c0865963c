#include "model/deployment.hpp"

namespace ceplan {

const ProjectRegion* Deployment::region(std::string_view id) const {
  for (const ProjectRegion& entry : regions) {
    if (entry.id.name == id) {
      return &entry;
    }
  }
  return nullptr;
}

const ProjectRegion* Deployment::first_with_role(Role role) const {
  for (const ProjectRegion& entry : regions) {
    if (entry.role == role) {
      return &entry;
    }
  }
  return nullptr;
}

std::string_view to_string(Strategy strategy) {
  switch (strategy) {
    case Strategy::active_active: return "active-active";
    case Strategy::warm_standby: return "warm-standby";
    case Strategy::pilot_light: return "pilot-light";
    case Strategy::backup_restore: return "backup-restore";
  }
  return "";
}

std::string_view to_string(Role role) {
  switch (role) {
    case Role::primary: return "primary";
    case Role::standby: return "standby";
    case Role::active: return "active";
    case Role::recovery: return "recovery";
    case Role::none: return "";
  }
  return "";
}

std::string_view to_string(Source source) {
  switch (source) {
    case Source::secrets_manager: return "secrets-manager";
    case Source::file: return "file";
    case Source::manual: return "manual";
  }
  return "";
}

}  // namespace ceplan
