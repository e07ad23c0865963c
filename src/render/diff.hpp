#pragma once
// `ceplan diff` reports: text for a terminal, Markdown for a pull-request comment, JSON.

#include <span>
#include <string>

#include "planner/diff.hpp"

namespace ceplan::render {

/// How a file differs between the two sides of a diff.
enum class FileChange { modified, added, removed };

/// One compared file: how each side is named, and what changed.
struct DiffReport {
  std::string before;                        ///< e.g. "main:deploy.yaml" or "old.yaml"
  std::string after;                         ///< e.g. "deploy.yaml"
  FileDiff diff;                             ///< what changed
  std::string before_diagram;                ///< Mermaid placement of the old side (Markdown only; may be empty)
  std::string after_diagram;                 ///< Mermaid placement of the new side
  FileChange change = FileChange::modified;  ///< added: `before` is empty; removed: `after` is
};

/// Output formats of `diff`.
enum class DiffFormat { text, markdown, json };

/// The reports in `format`. Markdown is one pull-request comment: a verdict line, a table of
/// changed outcomes, collapsed details, kept under GitHub's 65,536-character limit by summarising.
[[nodiscard]] std::string diff_report(std::span<const DiffReport> reports, DiffFormat format);

/// The worst verdict of `reports` (unchanged when there are none).
[[nodiscard]] Verdict worst_verdict(std::span<const DiffReport> reports);

}  // namespace ceplan::render
