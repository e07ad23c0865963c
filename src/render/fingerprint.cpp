#include "render/fingerprint.hpp"

#include <algorithm>
#include <cstdint>
#include <map>
#include <string_view>
#include <tuple>
#include <utility>

#include <fmt/format.h>

namespace ceplan::render {
namespace {

// FNV-1a: stable across runs and platforms, unlike std::hash. Each part ends with a byte no
// UTF-8 text holds, so that ("ab", "c") and ("a", "bc") differ.
std::uint64_t hash_parts(std::initializer_list<std::string_view> parts) {
  std::uint64_t hash = 14695981039346656037ULL;
  for (std::string_view part : parts) {
    for (unsigned char byte : part) {
      hash = (hash ^ byte) * 1099511628211ULL;
    }
    hash = (hash ^ 0xFFU) * 1099511628211ULL;
  }
  return hash;
}

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

}  // namespace

std::string finding_subject(const Finding& finding) {
  std::string out;
  bool quoted = false;
  for (std::size_t i = 0; i < finding.message.size(); ++i) {
    const char c = finding.message[i];
    if (c == '\'') {
      quoted = !quoted;
    }
    if (quoted || !is_digit(c)) {
      out += c;
      continue;
    }
    out += '#';
    while (i + 1 < finding.message.size() && (is_digit(finding.message[i + 1]) || finding.message[i + 1] == '.')) ++i;
  }
  return out;
}

// Ordinals are counted over the kept and the suppressed findings together, in file order, so
// that suppressing a finding never renames another.
Fingerprints all_fingerprints(const FileReport& report) {
  std::vector<std::pair<const Finding*, std::string*>> order;
  std::vector<std::string> kept(report.findings.size());
  std::vector<std::string> hidden(report.suppressed.size());
  for (std::size_t i = 0; i < kept.size(); ++i) order.emplace_back(&report.findings[i], &kept[i]);
  for (std::size_t i = 0; i < hidden.size(); ++i) order.emplace_back(&report.suppressed[i].finding, &hidden[i]);
  std::stable_sort(order.begin(), order.end(), [](const auto& a, const auto& b) {
    return std::tie(a.first->location.line, a.first->location.column) <
           std::tie(b.first->location.line, b.first->location.column);
  });
  std::map<std::tuple<std::string_view, std::string>, std::size_t> seen;
  for (auto& [finding, print] : order) {
    std::string subject = finding_subject(*finding);
    const std::size_t ordinal = seen[{finding->rule->id, subject}]++;
    const std::string nth = ordinal == 0 ? std::string() : std::to_string(ordinal + 1);
    *print = fmt::format("{:016x}", hash_parts({ci_path(report), finding->rule->id, subject, nth}));
  }
  return {std::move(kept), std::move(hidden)};
}

std::vector<std::string> fingerprints(const FileReport& report) {
  return all_fingerprints(report).findings;
}

std::vector<std::string> finding_names(const FileReport& report) {
  std::vector<std::string> out;
  std::map<std::string, std::size_t> seen;
  for (const Finding& finding : report.findings) {
    // The subject, not the message: a test's name must not change when a figure does.
    std::string name = fmt::format("{} {}: {}", finding.rule->id, finding.rule->name, finding_subject(finding));
    const std::size_t ordinal = seen[name]++;
    out.push_back(ordinal == 0 ? std::move(name) : fmt::format("{} ({})", name, ordinal + 1));
  }
  return out;
}

}  // namespace ceplan::render
