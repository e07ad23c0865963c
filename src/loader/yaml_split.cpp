#include "loader/yaml_split.hpp"

#include <exception>
#include <string>
#include <thread>
#include <unordered_set>
#include <vector>

namespace ceplan::yaml {
namespace {

struct Line {
  std::size_t start = 0;  ///< first byte
  std::size_t end = 0;    ///< one past the last byte, before "\r\n" or "\n"
  bool open = false;      ///< ends in ':' or '-' with no value: the null's place is the next token's
};

// Splits `text` into lines; empty when a line is not complete in itself: a quote or a bracket
// left open at its end, a block scalar, an anchor, a tag or an explicit key (outside quotes and
// comments), or a directive or document marker. Such text is never split.
// `nodes` counts what the text must at least hold, as the parser counts: a node per line with
// content, per key, per flow collection and per flow entry.
std::vector<Line> complete_lines(std::string_view text, std::size_t& nodes) {
  std::vector<Line> lines;
  for (std::size_t start = 0; start < text.size();) {
    std::size_t end = text.find('\n', start);
    const std::size_t next = end == std::string_view::npos ? text.size() : end + 1;
    end = end == std::string_view::npos ? text.size() : end;
    if (end > start && text[end - 1] == '\r')
      --end;
    const std::string_view line = text.substr(start, end - start);
    if (line.starts_with("---") || line.starts_with("...") || line.starts_with("%"))
      return {};
    char quote = 0;
    int depth = 0;
    std::size_t content = line.size();  // where a comment starts
    for (std::size_t i = 0; i < line.size(); ++i) {
      const char c = line[i];
      const bool token_start = i == 0 || std::string_view(" \t[{,:-?").find(line[i - 1]) != std::string_view::npos;
      if (quote == '\'') {
        if (c == '\'' && i + 1 < line.size() && line[i + 1] == '\'')
          ++i;
        else if (c == '\'')
          quote = 0;
      } else if (quote == '"') {
        if (c == '\\')
          ++i;
        else if (c == '"')
          quote = 0;
      } else if (c == '#' && (i == 0 || line[i - 1] == ' ' || line[i - 1] == '\t')) {
        content = i;
        break;
      } else if (c == '?' && token_start && (i + 1 == line.size() || line[i + 1] == ' ')) {
        return {};
      } else if ((c == '\'' || c == '"') && token_start) {
        quote = c;
      } else if (c == '[' || c == '{') {
        ++depth;
        ++nodes;
      } else if ((c == ',' && depth > 0) || (c == ':' && (i + 1 == line.size() || line[i + 1] == ' '))) {
        ++nodes;
      } else if (c == ']' || c == '}') {
        --depth;
      } else if (c == '&' || c == '!' || c == '|' || c == '>') {
        return {};
      }
    }
    if (quote != 0 || depth != 0)
      return {};
    const std::string_view before = line.substr(0, content);
    nodes += before.find_first_not_of(" \t") == std::string_view::npos ? 0 : 1;
    const std::size_t last = before.find_last_not_of(" \t");
    const bool open = last != std::string_view::npos &&
                      (before[last] == ':' || (before[last] == '-' && (last == 0 || before[last - 1] == ' ')));
    lines.push_back({start, end, open});
    start = next;
  }
  return lines;
}

bool blank(std::string_view line) {
  const std::size_t first = line.find_first_not_of(' ');
  return first == std::string_view::npos || line[first] == '#';
}

// A top-level key with its value on the following lines: `apps:`, perhaps with a comment.
bool key_line(std::string_view line) {
  const std::size_t colon = line.find(':');
  if (colon == 0 || colon == std::string_view::npos)
    return false;
  for (std::size_t i = 0; i < colon; ++i) {
    const char c = line[i];
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-'))
      return false;
  }
  const std::string_view after = line.substr(colon + 1);
  const std::size_t first = after.find_first_not_of(' ');
  return first == std::string_view::npos || (after[first] == '#' && first > 0);
}

// The indentation of a sequence item's line ("  - x"), or npos.
std::size_t item_indent(std::string_view line) {
  const std::size_t first = line.find_first_not_of(' ');
  if (first == std::string_view::npos || line[first] != '-' || first + 1 >= line.size() || line[first + 1] != ' ')
    return std::string_view::npos;
  return first;
}

// A line that starts a new top-level entry: content at column 0 that is not an item of a
// sequence at column 0.
bool top_level(std::string_view line, std::size_t indent) {
  return !blank(line) && line.front() != ' ' && !(indent == 0 && item_indent(line) == 0);
}

// Moves the marks of `node` and of its keys down by `lines`.
void shift(Node& node, int lines) {
  node.mark.line += lines;
  for (Location& mark : node.key_marks) mark.line += lines;
  for (Node& item : node.items) shift(item, lines);
}

// The nodes of a tree as the parser counts them: keys included.
std::size_t count(const Node& node) {
  std::size_t nodes = 1 + node.keys.size();
  for (const Node& item : node.items) nodes += count(item);
  return nodes;
}

}  // namespace

std::optional<SplitPoints> split_points(std::string_view text, std::size_t min_bytes) {
  if (text.size() < min_bytes)
    return std::nullopt;
  std::size_t nodes = 0;
  const std::vector<Line> lines = complete_lines(text, nodes);
  const auto line_at = [&](std::size_t i) { return text.substr(lines[i].start, lines[i].end - lines[i].start); };
  std::size_t first = 0;
  while (first < lines.size() && blank(line_at(first))) ++first;
  const char lead = first < lines.size() ? line_at(first).front() : ' ';
  if (!((lead >= 'a' && lead <= 'z') || (lead >= 'A' && lead <= 'Z') || lead == '_'))
    return std::nullopt;  // the top is not a block mapping written plainly
  // The line holding the middle of the text, and the top-level key above it.
  std::size_t middle = 0;
  while (middle + 1 < lines.size() && lines[middle + 1].start <= text.size() / 2) ++middle;
  std::size_t key = middle;
  while (key > first && (blank(line_at(key)) || line_at(key).front() == ' ' || item_indent(line_at(key)) == 0)) --key;
  if (!key_line(line_at(key)))
    return std::nullopt;
  std::size_t item = key + 1;
  while (item < lines.size() && blank(line_at(item))) ++item;
  if (item >= lines.size())
    return std::nullopt;
  const std::size_t indent = item_indent(line_at(item));
  if (indent == std::string_view::npos)
    return std::nullopt;
  // A value left empty before a cut would take its place from the part's end, not from the next
  // token: the line before each cut must hold its value.
  const auto closed_before = [&](std::size_t cut) {
    std::size_t before = cut - 1;
    while (before > 0 && blank(line_at(before))) --before;
    return !lines[before].open;
  };
  // The first item at that indentation after the middle, while still under the key.
  for (middle = std::max(middle, item + 1); middle < lines.size(); ++middle) {
    if (top_level(line_at(middle), indent))
      return std::nullopt;
    if (item_indent(line_at(middle)) == indent && closed_before(middle))
      break;
  }
  if (middle >= lines.size())
    return std::nullopt;
  std::size_t rest = middle + 1;
  while (rest < lines.size() && !top_level(line_at(rest), indent)) ++rest;
  if (rest < lines.size() && !closed_before(rest))
    return std::nullopt;
  return SplitPoints{lines[middle].start, rest < lines.size() ? lines[rest].start : text.size(),
                     static_cast<int>(middle), static_cast<int>(rest), nodes};
}

std::optional<Node> parse_in_parts(std::string_view text, const Limits& limits, const PartParser& parse_part,
                                   std::size_t min_bytes) {
  const auto points = split_points(text, min_bytes);
  // Parts of a file over the node limit would be parsed only to be parsed again whole.
  if (!points || points->nodes > limits.max_nodes)
    return std::nullopt;
  std::optional<Node> sequence;
  std::optional<Node> keys;
  bool failed = false;
  std::thread helper;
  if (limits.max_depth < 2)
    return std::nullopt;
  Limits deeper = limits;  // the part's top is the sequence, one level below the file's top
  deeper.max_depth = limits.max_depth - 1;
  const auto parse_rest = [&] {
    try {
      sequence = parse_part(text.substr(points->middle, points->rest - points->middle), deeper);
      if (points->rest < text.size())
        keys = parse_part(text.substr(points->rest), limits);
    } catch (...) {
      failed = true;  // the whole text is parsed again, and its problems reported from there
    }
  };
  try {
    helper = std::thread(parse_rest);
  } catch (const std::system_error&) {
    return std::nullopt;
  }
  std::optional<Node> root;
  try {
    root = parse_part(text.substr(0, points->middle), limits);
  } catch (...) {
    root.reset();
  }
  helper.join();
  if (failed || !root || root->kind != Kind::map || root->items.empty() || root->items.back().kind != Kind::sequence ||
      !sequence || sequence->kind != Kind::sequence || (keys && keys->kind != Kind::map && !keys->is_null()))
    return std::nullopt;
  shift(*sequence, points->middle_line);
  if (keys)
    shift(*keys, points->rest_line);
  const std::unordered_set<std::string> first_keys(root->keys.begin(), root->keys.end());
  if (keys) {
    for (const std::string& name : keys->keys) {
      if (first_keys.contains(name))
        return std::nullopt;  // a duplicate key, reported by the whole parse
    }
  }
  Node& items = root->items.back();
  for (Node& item : sequence->items) items.items.push_back(std::move(item));
  if (keys) {
    for (std::size_t i = 0; i < keys->keys.size(); ++i) {
      root->keys.push_back(std::move(keys->keys[i]));
      root->key_marks.push_back(keys->key_marks[i]);
      root->items.push_back(std::move(keys->items[i]));
    }
  }
  // Over the limit, the whole parse says where.
  return count(*root) > limits.max_nodes ? std::nullopt : std::move(root);
}

}  // namespace ceplan::yaml
