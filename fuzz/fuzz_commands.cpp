// libFuzzer target: a deploy file through the loader, then every command line its plans and
// runbooks print through a POSIX shell tokenizer (shell_oracle.hpp). A line that expands, chains
// or passes an option ceplan did not write means a value from the file escaped its quoting:
// the target aborts, and libFuzzer keeps the input.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "budget.hpp"
#include "catalog/embedded_catalog.hpp"
#include "model/deploy_loader.hpp"
#include "procedures.hpp"
#include "shell_oracle.hpp"

namespace {

const ceplan::Catalog& catalog() {
  static const ceplan::Catalog instance = ceplan::embedded_catalog();
  return instance;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  (void)catalog();
  const fuzz::Meter meter(fuzz::input_budget, size);
  try {
    const ceplan::Deployment deployment = ceplan::load_deployment(text, "f.yaml");
    for (const std::string& line : fuzz::every_command_line(deployment, catalog())) {
      if (auto problem = fuzz::unsafe_command(line)) {
        std::fprintf(stderr, "unsafe command line: %s\n  %s\n", problem->c_str(), line.c_str());
        std::abort();
      }
    }
  } catch (const ceplan::InputError&) {
    // most inputs are not deploy files
  }
  meter.check();
  return 0;
}
