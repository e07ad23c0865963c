#include "render/baseline.hpp"

#include <algorithm>
#include <tuple>

#include <fmt/format.h>

#include "render/fingerprint.hpp"
#include "render/structured.hpp"
#include "support/error.hpp"

namespace ceplan::render {
namespace {

using Json = nlohmann::ordered_json;

// The line and column of byte `offset` of `text`, counted from 1.
Location location_of(std::string_view text, std::size_t offset) {
  offset = std::min(offset, text.size());
  const std::string_view before = text.substr(0, offset);
  const auto line = static_cast<int>(std::count(before.begin(), before.end(), '\n')) + 1;
  const std::size_t line_start = before.rfind('\n');
  const auto column = static_cast<int>(offset - (line_start == std::string_view::npos ? 0 : line_start + 1)) + 1;
  return {line, column};
}

std::string text_field(const Json& entry, const char* key, const std::string& source, std::size_t index) {
  const auto it = entry.find(key);
  if (it == entry.end() || !it->is_string() || it->get<std::string>().empty()) {
    throw input_error(source, {}, fmt::format("baseline entry {} has no '{}' string", index + 1, key));
  }
  return it->get<std::string>();
}

}  // namespace

std::string baseline_json(std::span<const FileReport> reports) {
  std::vector<BaselineEntry> entries;
  for (const FileReport& report : reports) {
    const std::vector<std::string> prints = fingerprints(report);
    for (std::size_t i = 0; i < report.findings.size(); ++i) {
      const Finding& finding = report.findings[i];
      entries.push_back({prints[i], std::string(finding.rule->id), ci_path(report), finding.message});
    }
  }
  std::sort(entries.begin(), entries.end(), [](const BaselineEntry& a, const BaselineEntry& b) {
    return std::tie(a.path, a.rule, a.fingerprint) < std::tie(b.path, b.rule, b.fingerprint);
  });
  Json list = Json::array();
  for (const BaselineEntry& entry : entries) {
    list.push_back(Json{
        {"fingerprint", entry.fingerprint}, {"rule", entry.rule}, {"path", entry.path}, {"message", entry.message}});
  }
  return to_json(Json{{"ceplan_baseline", 1}, {"findings", std::move(list)}});
}

std::vector<BaselineEntry> read_baseline(std::string_view text, const std::string& source) {
  Json document;
  try {
    document = Json::parse(text);
  } catch (const Json::parse_error& error) {
    throw input_error(source, location_of(text, error.byte > 0 ? error.byte - 1 : 0),
                      "not a ceplan baseline: invalid JSON");
  }
  // value() would throw a type error naming no file for `"ceplan_baseline": "1"`: types are checked first.
  const auto version = document.is_object() ? document.find("ceplan_baseline") : document.end();
  if (!document.is_object() || version == document.end() || !version->is_number_integer() || *version != 1 ||
      !document.contains("findings") || !document["findings"].is_array()) {
    throw input_error(source, {}, "not a ceplan baseline: expected {\"ceplan_baseline\": 1, \"findings\": [...]}");
  }
  std::vector<BaselineEntry> entries;
  const Json& findings = document["findings"];
  for (std::size_t i = 0; i < findings.size(); ++i) {
    if (!findings[i].is_object()) {
      throw input_error(source, {}, fmt::format("baseline entry {} is not an object", i + 1));
    }
    const auto message = findings[i].find("message");
    if (message != findings[i].end() && !message->is_string()) {
      throw input_error(source, {}, fmt::format("baseline entry {} has a 'message' that is not a string", i + 1));
    }
    entries.push_back({text_field(findings[i], "fingerprint", source, i), text_field(findings[i], "rule", source, i),
                       text_field(findings[i], "path", source, i),
                       message == findings[i].end() ? std::string() : message->get<std::string>()});
  }
  return entries;
}

}  // namespace ceplan::render
