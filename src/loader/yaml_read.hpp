#pragma once
// Typed reads from a yaml::Node that report problems to a DiagnosticSink and keep going, so a
// loader can find every error in a file in one pass. Shared by the catalog and deploy loaders.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "loader/yaml_document.hpp"
#include "support/error.hpp"

namespace ceplan::yaml {

/// Reads values out of nodes, recording each problem at the node's mark.
class Reader {
public:
  /// Problems go to `sink`.
  explicit Reader(DiagnosticSink& sink) : m_sink(sink) {}

  /// Records a problem at `location`.
  void error(Location location, std::string message) { m_sink.error(location, std::move(message)); }

  /// True if `node` is a map; otherwise reports "`what` must be a mapping". Unknown keys are
  /// reported with a "did you mean" from `known`.
  bool map(const Node& node, std::string_view what, std::span<const std::string> known);
  /// True if `node` is a sequence; otherwise reports it.
  bool sequence(const Node& node, std::string_view what);
  /// The value of `key` in `map`; reports it missing (at the map) when absent.
  const Node* required(const Node& map, std::string_view key, std::string_view what);

  /// A non-empty string scalar.
  std::optional<std::string> string(const Node& node, std::string_view what);
  /// A string scalar, or nullopt without complaint when the node is null.
  std::optional<std::string> nullable_string(const Node& node, std::string_view what);
  /// One of `choices`, with a "did you mean" otherwise.
  std::optional<std::string> choice(const Node& node, std::string_view what, std::span<const std::string> choices);
  /// A whole number in [min, max].
  std::optional<std::int64_t> integer(const Node& node, std::string_view what, std::int64_t min, std::int64_t max);
  /// `true` or `false`.
  std::optional<bool> boolean(const Node& node, std::string_view what);
  /// A percentage in (0, 100], written `99.95` or `"99.95%"`.
  std::optional<double> percent(const Node& node, std::string_view what);
  /// A duration such as `90s`, `15m`, `4h`, `1d` or `1h30m`, in seconds.
  std::optional<std::int64_t> duration(const Node& node, std::string_view what);
  /// A sequence of non-empty string scalars; nullopt if the node is not a sequence.
  std::optional<std::vector<std::string>> string_list(const Node& node, std::string_view what);

private:
  bool scalar(const Node& node, std::string_view what, std::string_view expected);
  DiagnosticSink& m_sink;
};

/// Parses a duration string (`90s`, `15m`, `1h30m`, `1d`); nullopt if malformed.
[[nodiscard]] std::optional<std::int64_t> parse_duration(std::string_view text);

}  // namespace ceplan::yaml
