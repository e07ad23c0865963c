#include <catch2/catch.hpp>

#include "catalog/embedded_catalog.hpp"
#include "model/registry.hpp"

TEST_CASE("an image's registry is mapped to the region that hosts it") {
  const auto catalog = ceplan::embedded_catalog();
  CHECK(ceplan::registry_region("icr.io/ns/app:1", catalog) == "us-east");  // one registry, active in us-east
  CHECK(ceplan::registry_region("private.icr.io/ns/app:1", catalog) == "us-east");
  CHECK(ceplan::registry_region("uk.icr.io/ns/app:1", catalog) == "eu-gb");
  CHECK(ceplan::registry_region("private.jp2.icr.io/ns/app", catalog) == "jp-osa");
  CHECK(ceplan::registry_region("registry.ng.bluemix.net/ns/app:1", catalog) == "us-south");
  CHECK(ceplan::registry_region("registry.eu-gb.bluemix.net/ns/app:1", catalog) == "eu-gb");
  CHECK(ceplan::registry_region("registry.bluemix.net/ns/app:1", catalog) == "us-east");  // the global one
  // Registries in regions without Code Engine (Registry registry_overview).
  CHECK(ceplan::registry_region("ca2.icr.io/ns/app:1", catalog) == "ca-mon");
  CHECK(ceplan::registry_region("private.in2.icr.io/ns/app:1", catalog) == "in-mum");
  CHECK_FALSE(ceplan::registry_region("docker.io/library/nginx", catalog));
  CHECK_FALSE(ceplan::registry_region("nginx:1.25", catalog));
}

TEST_CASE("IBM's registry and its public samples are recognised") {
  CHECK(ceplan::in_ibm_registry("private.de.icr.io/ns/app"));
  CHECK(ceplan::in_ibm_registry("registry.au-syd.bluemix.net/ns/app"));
  CHECK_FALSE(ceplan::in_ibm_registry("quay.io/ns/app"));
  CHECK(ceplan::public_sample_image("icr.io/codeengine/helloworld"));
  CHECK_FALSE(ceplan::public_sample_image("icr.io/codeenginex/app"));
  CHECK(ceplan::registry_host("us.icr.io/ns/app:1") == "us.icr.io");
  CHECK(ceplan::registry_host("library/nginx").empty());
}

TEST_CASE("regions that host only a registry are known with their geography") {
  REQUIRE(ceplan::find_registry_only_region("ca-mon") != nullptr);
  CHECK(ceplan::find_registry_only_region("ca-mon")->geography == "North America");
  CHECK(ceplan::find_registry_only_region("in-mum")->registry == "in2.icr.io");
  CHECK(ceplan::find_registry_only_region("us-east") == nullptr);
  CHECK(ceplan::fixed_registry_domains("us-east") == std::vector<std::string_view>{"icr.io", "registry.bluemix.net"});
  CHECK(ceplan::fixed_registry_domains("eu-es").empty());
}
