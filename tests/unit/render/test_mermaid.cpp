#include <catch2/catch.hpp>

#include "catalog/embedded_catalog.hpp"
#include "model/deploy_loader.hpp"
#include "render/mermaid.hpp"

TEST_CASE("the Mermaid diagram puts the edge proxy in front of each region's apps") {
  const std::string file = R"(version: 1
project: shop
regions:
  - { id: us-south, role: primary }
  - { id: ca-tor, role: standby }
failover:
  strategy: warm-standby
  edge_proxy: { domain: x.example.com }
apps:
  - { name: web-1, image: icr.io/a/w:1, min_scale: 1 }
)";
  const auto d = ceplan::load_deployment(file, "d.yaml");
  const std::string diagram = ceplan::render::mermaid(d, ceplan::embedded_catalog());
  CHECK(diagram ==
        "```mermaid\nflowchart TB\n  proxy[\"edge proxy: cis<br/>x.example.com\"]\n"
        "  subgraph r_us_south[\"Dallas (us-south) · primary\"]\n    r_us_south_app_web_1[\"app web-1\"]\n  end\n"
        "  subgraph r_ca_tor[\"Toronto (ca-tor) · standby\"]\n    r_ca_tor_app_web_1[\"app web-1\"]\n  end\n"
        "  proxy --> r_us_south_app_web_1\n  proxy --> r_ca_tor_app_web_1\n```\n");
  // In a plan, a lost region is marked, and the traffic that went there is dotted.
  const std::vector<std::string> lost{"us-south"};
  CHECK(
      ceplan::render::mermaid(d, ceplan::embedded_catalog(), lost) ==
      "```mermaid\nflowchart TB\n  proxy[\"edge proxy: cis<br/>x.example.com\"]\n"
      "  subgraph r_us_south[\"Dallas (us-south) · primary · lost\"]\n    r_us_south_app_web_1[\"app web-1\"]\n  end\n"
      "  style r_us_south fill:#fdd,stroke:#c00,stroke-dasharray: 5 5\n"
      "  subgraph r_ca_tor[\"Toronto (ca-tor) · standby\"]\n    r_ca_tor_app_web_1[\"app web-1\"]\n  end\n"
      "  proxy -.-> r_us_south_app_web_1\n  proxy --> r_ca_tor_app_web_1\n```\n");
}
