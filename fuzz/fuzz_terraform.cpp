// libFuzzer target: `terraform show -json` through the JSON loader and the Terraform reader, the
// draft of `ceplan import terraform`, and the CE4xx rules against a deploy file.
// Input errors are the expected outcome for most inputs; anything else that escapes is a bug.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "harness.hpp"
#include "model/deploy_loader.hpp"
#include "model/terraform.hpp"
#include "render/terraform_draft.hpp"
#include "rules/check.hpp"

namespace {

const ceplan::Deployment& deployment() {
  static const ceplan::Deployment instance = ceplan::load_deployment(
      "version: 1\nproject: shop\nregions: [us-south, eu-de]\n"
      "failover:\n  edge_proxy: { domain: shop.example.com, tls_secret: shop-tls }\n"
      "apps:\n  - { name: frontend, image: icr.io/shop/frontend:1.4, min_scale: 1 }\n"
      "jobs:\n  - { name: sitemap, image: icr.io/shop/sitemap:1.0, schedule: '0 * * * *' }\n"
      "secrets:\n  - { name: shop-tls, format: tls }\n",
      "d.yaml");
  return instance;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  (void)deployment();  // loaded once, outside the first input's budget
  return fuzz::run_within_budget(data, size, [&](std::string_view text) {
    const auto inventory = ceplan::terraform::read(text, "p.json", {"us-south", "--region", {}});
    (void)ceplan::check(deployment(), fuzz::catalog(), {}, {&inventory, nullptr});
    (void)ceplan::render::terraform_draft(inventory);
  });
}
