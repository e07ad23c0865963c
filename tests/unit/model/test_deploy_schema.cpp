#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "catalog/embedded_catalog.hpp"
#include "model/deploy_loader.hpp"
#include "model/deploy_schema.hpp"
#include "render/json_schema.hpp"

TEST_CASE("the schema table describes every object the loader reads") {
  CHECK(ceplan::schema::objects().front().name == "deploy");
  CHECK(ceplan::schema::keys("deploy") == std::vector<std::string>{"version", "project", "resource_group", "objectives",
                                                                   "regions", "failover", "apps", "jobs", "secrets",
                                                                   "configmaps", "data"});
  CHECK(ceplan::schema::choices("failover", "strategy") ==
        std::vector<std::string>{"active-active", "warm-standby", "pilot-light", "backup-restore"});
  for (const auto& object : ceplan::schema::objects()) {
    for (const auto& field : object.fields) {
      INFO(object.name << "." << field.name);
      CHECK_FALSE(field.description.empty());
      if (field.type == ceplan::schema::Type::object || field.type == ceplan::schema::Type::object_list) {
        CHECK_NOTHROW(ceplan::schema::object(field.object));
      }
    }
  }
}

TEST_CASE("the JSON Schema closes every object and requires what the loader requires") {
  const auto schema = nlohmann::json::parse(ceplan::render::deploy_json_schema());
  CHECK(schema["$schema"] == "https://json-schema.org/draft/2020-12/schema");
  CHECK(schema["additionalProperties"] == false);
  CHECK(schema["required"] == nlohmann::json{"version", "project", "regions"});
  CHECK(schema["$defs"]["app"]["required"] == nlohmann::json{"name", "image"});
  CHECK(schema["$defs"]["app"]["additionalProperties"] == false);
  CHECK(schema["$defs"]["failover"]["properties"]["strategy"]["enum"].size() == 4);
  CHECK_THAT(schema["$defs"]["app"]["properties"]["min_scale"]["description"].get<std::string>(),
             Catch::EndsWith("Default: 0."));
}
