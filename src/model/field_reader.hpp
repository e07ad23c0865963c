#pragma once
// Reading the deploy file's values by its own conventions: strings are never empty, bounds and
// spellings come from the schema table, and a value the file leaves out is located at its owner.

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "loader/yaml_read.hpp"
#include "model/deploy_schema.hpp"
#include "model/deployment.hpp"

namespace ceplan::deploy {

/// A list of keys or spellings.
using Keys = std::vector<std::string>;

// Keys and enumerations come from the schema table, which `ceplan schema` renders too. They are
// built on first use, so commands that read no deploy file never pay for them.
/// The key lists and spellings of the deploy file, as the schema table gives them.
struct SchemaLists {
  Keys top_keys = schema::keys("deploy");
  Keys objective_keys = schema::keys("objectives");
  Keys region_keys = schema::keys("region");
  Keys role_names = schema::choices("region", "role");
  Keys failover_keys = schema::keys("failover");
  Keys strategy_names = schema::choices("failover", "strategy");
  Keys proxy_keys = schema::keys("edge_proxy");
  Keys services = schema::choices("edge_proxy", "service");
  Keys plans = schema::choices("edge_proxy", "plan");
  Keys health_keys = schema::keys("health_check");
  Keys app_keys = schema::keys("app");
  Keys job_keys = schema::keys("job");
  Keys secret_keys = schema::keys("secret");
  Keys configmap_keys = schema::keys("configmap");
  Keys source_names = schema::choices("secret", "source");
  Keys secret_formats = schema::choices("secret", "format");
  Keys data_keys = schema::keys("data");
  Keys placement_keys = schema::keys("placement");
  Keys job_placement_keys = schema::keys("job_placement");
  Keys steering_names = schema::choices("edge_proxy", "steering");
  Keys visibility_names = schema::choices("app", "visibility");
  Keys engine_names = schema::choices("data", "engine");
};

/// The enumerator whose spelling is `name`, `name` being one of `names` (checked by the reader).
template <typename T>
T index_of(const Keys& names, const std::string& name) {
  return static_cast<T>(std::find(names.begin(), names.end(), name) - names.begin());
}

/// The lists, built on first use.
[[nodiscard]] const SchemaLists& lists();

/// A yaml::Reader with the deploy file's conventions.
class FieldReader : public yaml::Reader {
public:
  using yaml::Reader::duration;
  using yaml::Reader::Reader;

  /// A non-empty string (every string of the deploy file names something) of the given shape.
  std::optional<std::string> text(const yaml::Node& node, std::string_view what, ValueFormat format = ValueFormat::any);
  /// `value` (read at `mark`, e.g. a mapping key) when it is non-empty, visible and of the given shape.
  std::optional<std::string> shaped(std::string value, const Location& mark, std::string_view what, ValueFormat format);
  /// A string key of `object`, shaped as the table says.
  std::optional<std::string> text_of(const yaml::Node& node, std::string_view object, std::string_view key);
  /// The required `name` of a mapping of kind `object`, located at its value (at the mapping when
  /// missing), shaped as the table says.
  Ref name_of(const yaml::Node& map, std::string_view what, std::string_view object);
  /// A list of non-empty names.
  std::vector<Ref> refs(const yaml::Node& node, std::string_view what, ValueFormat format = ValueFormat::any);
  /// A list-valued key of `object`, each item shaped as the table says.
  std::vector<Ref> refs_of(const yaml::Node& node, std::string_view object, std::string_view key);
  /// A duration key into `setting`; absent, the setting keeps its default, located at `map`.
  void duration(const yaml::Node& map, std::string_view key, Setting& setting);
  /// An optional name-valued key, shaped as the table says for `object` when one is given.
  std::optional<Ref> optional_ref(const yaml::Node& map, std::string_view key, std::string_view object = {});
  /// An optional integer key within the table's bounds for `object`.
  std::optional<Setting> optional_integer(const yaml::Node& map, std::string_view object, std::string_view key);
  /// An integer key within the table's bounds for `object`, into `setting`.
  void integer_setting(const yaml::Node& map, std::string_view object, std::string_view key, Setting& setting);
};

}  // namespace ceplan::deploy
