#pragma once
// Helpers for pinning input errors: the exact text of every diagnostic a call throws.

#include <functional>
#include <string>
#include <vector>

#include "catalog/embedded_catalog.hpp"
#include "support/error.hpp"

namespace ceplan::test {

/// The formatted diagnostics `action` throws, or {"no error"} if it throws none.
inline std::vector<std::string> errors_of(const std::function<void()>& action) {
  try {
    action();
  } catch (const InputError& error) {
    std::vector<std::string> lines;
    for (const auto& diagnostic : error.diagnostics()) {
      lines.push_back(diagnostic.format());
    }
    return lines;
  }
  return {"no error"};
}

/// The embedded catalog, loaded once for all tests.
inline const Catalog& shared_catalog() {
  static const Catalog catalog = ceplan::embedded_catalog();
  return catalog;
}

/// The head of a deploy file under backup-restore: project p, primary us-south, recovery eu-de.
inline const std::string backup_restore_head =
    "version: 1\nproject: p\nregions:\n  - { id: us-south, role: primary }\n  - { id: eu-de, role: recovery }\n"
    "failover: { strategy: backup-restore }\n";

}  // namespace ceplan::test
