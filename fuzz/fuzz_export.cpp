// libFuzzer target: a file of IBM's Code Engine export through the JSON loader and the export
// reader, the draft of `ceplan import ce-export`, and the CE5xx rules against a deploy file.
// Input errors are the expected outcome for most inputs; anything else that escapes is a bug.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "harness.hpp"
#include "model/deploy_loader.hpp"
#include "model/live_export.hpp"
#include "render/export_draft.hpp"
#include "rules/check.hpp"

namespace {

const ceplan::Deployment& deployment() {
  static const ceplan::Deployment instance = ceplan::load_deployment(
      "version: 1\nproject: payments\nregions:\n  - { id: us-east, role: primary }\n"
      "  - { id: eu-gb, role: standby }\n"
      "failover:\n  strategy: pilot-light\n  edge_proxy: { domain: api.payments.example.com, tls_secret: api-tls }\n"
      "apps:\n  - { name: payments-api, image: icr.io/payments/api:5.1, registry_secret: icr-pull, "
      "regions: [us-east, eu-gb] }\n"
      "jobs:\n  - { name: nightly-settlement, image: icr.io/payments/s:2.3, schedule: '0 2 * * *' }\n"
      "secrets:\n  - { name: api-tls, format: tls }\n  - { name: icr-pull, format: registry }\n"
      "configmaps:\n  - { name: api-config }\n",
      "d.yaml");
  return instance;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  (void)deployment();  // loaded once, outside the first input's budget
  return fuzz::run_within_budget(data, size, [&](std::string_view text) {
    ceplan::live::RegionReader reader("us-east", "export/us-east");
    reader.add(text, "export/us-east/all.json");
    ceplan::live::Export live;
    live.regions.push_back(reader.finish());
    live.regions.push_back(live.regions.front());
    live.regions.back().region = "eu-gb";
    (void)ceplan::check(deployment(), fuzz::catalog(), {}, {nullptr, &live});
    (void)ceplan::render::export_draft(live, "payments");
  });
}
