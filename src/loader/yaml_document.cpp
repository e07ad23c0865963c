#include "loader/yaml_document.hpp"

#include "loader/yaml_split.hpp"

#include <algorithm>
#include <istream>
#include <memory>
#include <optional>
#include <streambuf>
#include <unordered_map>
#include <unordered_set>
#include <variant>

#include <fmt/format.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

namespace ceplan::yaml {

const Node* Node::find(std::string_view key) const {
  for (std::size_t i = 0; i < keys.size(); ++i) {
    if (keys[i] == key) {
      return &items[i];
    }
  }
  return nullptr;
}

Location Node::key_location(std::string_view key) const {
  for (std::size_t i = 0; i < keys.size(); ++i) {
    if (keys[i] == key) {
      return key_marks[i];
    }
  }
  return mark;
}

bool Node::is_null() const {
  if (kind == Kind::null) {
    return true;
  }
  return kind == Kind::scalar && plain &&
         (value.empty() || value == "~" || value == "null" || value == "Null" || value == "NULL");
}

std::string_view describe(const Node& node) {
  if (node.is_null()) {
    return "null";
  }
  switch (node.kind) {
    case Kind::map: return "a mapping";
    case Kind::sequence: return "a sequence";
    default: return "a scalar";
  }
}

namespace {

Location to_location(const YAML::Mark& mark) {
  if (mark.is_null()) {
    return {};
  }
  return {mark.line + 1, mark.column + 1};
}

// yaml-cpp passes invalid UTF-8 and most control characters through, and silently drops some
// (0x04); checking the bytes first gives the user a precise location instead.
// Decodes the multi-byte UTF-8 sequence at `i`: its length, or a message for what is wrong.
std::variant<std::size_t, std::string> utf8_sequence(std::string_view text, std::size_t i) {
  const auto byte = static_cast<unsigned char>(text[i]);
  std::size_t length = 0;
  unsigned int code = 0;
  if (byte >= 0xC2 && byte <= 0xDF) {
    length = 2;
    code = byte & 0x1Fu;
  } else if (byte >= 0xE0 && byte <= 0xEF) {
    length = 3;
    code = byte & 0x0Fu;
  } else if (byte >= 0xF0 && byte <= 0xF4) {
    length = 4;
    code = byte & 0x07u;
  }
  bool valid = length != 0 && i + length <= text.size();
  for (std::size_t k = 1; valid && k < length; ++k) {
    const auto next = static_cast<unsigned char>(text[i + k]);
    valid = (next & 0xC0u) == 0x80u;
    code = (code << 6u) | (next & 0x3Fu);
  }
  const unsigned int min_code = length == 3 ? 0x800u : length == 4 ? 0x10000u : 0x80u;
  if (!valid || code < min_code || code > 0x10FFFFu || (code >= 0xD800u && code <= 0xDFFFu)) {
    return std::string("invalid UTF-8; the file must be UTF-8 text");
  }
  // Noncharacters are not text, and XML reports cannot carry them.
  if ((code & 0xFFFEu) == 0xFFFEu || (code >= 0xFDD0u && code <= 0xFDEFu)) {
    return fmt::format("character U+{:04X} is not allowed; it is not text", code);
  }
  return length;
}

// What is wrong with the byte at `i` (an ASCII one), or "".
std::string ascii_problem(unsigned char byte) {
  if ((byte < 0x20 && byte != '\t' && byte != '\r') || byte == 0x7F) {
    return fmt::format("control character 0x{:02X} is not allowed", byte);
  }
  return {};
}

void check_text(std::string_view text, DiagnosticSink& sink) {
  int line = 1;
  int column = 1;
  bool in_indent = true;
  std::size_t i = 0;
  while (i < text.size()) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte == '\n') {
      ++line;
      column = 1;
      in_indent = true;
      ++i;
      continue;
    }
    if (byte == '\t' && in_indent) {
      // Tabs are fine on a blank line or before a comment; only indentation must be spaces.
      std::size_t next = i;
      while (next < text.size() && (text[next] == ' ' || text[next] == '\t')) ++next;
      if (next < text.size() && text[next] != '\n' && text[next] != '\r' && text[next] != '#') {
        sink.error({line, column}, "tab character in indentation; YAML indents with spaces only");
        return;
      }
      column += static_cast<int>(next - i);
      i = next;
      continue;
    }
    in_indent = in_indent && byte == ' ';
    std::size_t length = 1;
    if (byte >= 0x80) {
      auto sequence = utf8_sequence(text, i);
      if (auto* problem = std::get_if<std::string>(&sequence)) {
        sink.error({line, column}, std::move(*problem));
        return;
      }
      length = std::get<std::size_t>(sequence);
    } else if (std::string problem = ascii_problem(byte); !problem.empty()) {
      sink.error({line, column}, std::move(problem));
      return;
    }
    i += length;
    ++column;
  }
}

class TreeBuilder : public YAML::EventHandler {
public:
  TreeBuilder(DiagnosticSink& sink, DiagnosticSink& recoverable, const Limits& limits, bool fail_fast)
      : m_sink(sink), m_recoverable(recoverable), m_limits(limits), m_fail_fast(fail_fast) {}

  Node take_root() { return std::move(m_root); }

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    Node node;
    node.mark = to_location(mark);
    count(node.mark, 1);
    complete(std::move(node), anchor, 1, 0, 0);
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    if (anchor >= m_anchors.size() || !m_anchors[anchor]) {
      fail(to_location(mark), "alias refers to an anchor that encloses it; a node cannot contain itself");
    }
    const Anchored& anchored = *m_anchors[anchor];
    const Location at = to_location(mark);
    count(at, anchored.size);
    // An alias repeats text and nesting as well as nodes: bound both. Each repeated node counts
    // as the text that would write it out (its scalar, and at least a line's indentation and
    // punctuation), so that a few hundred bytes of anchors cannot build a tree of hundreds of
    // megabytes before the node limit stops them.
    m_alias_bytes += anchored.bytes + anchored.size * alias_node_bytes;
    if (m_alias_bytes > m_limits.max_file_size) {
      fail(at, fmt::format("aliases repeat more than {} bytes of text (--max-file-size)", m_limits.max_file_size));
    }
    if (m_stack.size() + anchored.depth > m_limits.max_depth) {
      fail(at, fmt::format("nesting is deeper than {} levels (--max-depth), counting what aliases repeat",
                           m_limits.max_depth));
    }
    Node copy = anchored.node;
    copy.mark = at;
    complete(std::move(copy), 0, anchored.size, anchored.depth, anchored.bytes);
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    Node node;
    node.kind = Kind::scalar;
    node.mark = to_location(mark);
    check_tag(node.mark, tag);
    node.value = value;
    node.plain = tag == "?";
    count(node.mark, 1);
    const std::size_t bytes = value.size();
    complete(std::move(node), anchor, 1, 0, bytes);
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    check_tag(to_location(mark), tag);
    open(Kind::sequence, to_location(mark), anchor);
  }
  void OnSequenceEnd() override { close(); }

  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    check_tag(to_location(mark), tag);
    open(Kind::map, to_location(mark), anchor);
  }
  void OnMapEnd() override { close(); }

private:
  struct Frame {
    Node node;
    YAML::anchor_t anchor = 0;
    std::size_t size = 1;   // nodes in this subtree, for the alias budget
    std::size_t depth = 1;  // levels of mappings and sequences in this subtree
    std::size_t bytes = 0;  // scalar text in this subtree
    std::optional<std::string> pending_key;
    Location pending_key_mark;
    // Keys of a large map by position, filled as lookups need them: small maps, nearly all of a
    // deploy file, are searched in place without allocating.
    std::unordered_map<std::string, std::size_t> key_index;
    std::size_t indexed = 0;
  };
  struct Anchored {
    Node node;
    std::size_t size = 0;
    std::size_t depth = 0;
    std::size_t bytes = 0;
  };

  // Only the core schema's tags (and none) are understood; any other would change a value's
  // meaning in a way ceplan cannot follow.
  void check_tag(Location location, const std::string& tag) {
    if (tag.empty() || tag == "?" || tag == "!")
      return;  // no tag, the common case
    static const std::unordered_set<std::string> known{"",
                                                       "?",
                                                       "!",
                                                       "tag:yaml.org,2002:str",
                                                       "tag:yaml.org,2002:int",
                                                       "tag:yaml.org,2002:bool",
                                                       "tag:yaml.org,2002:float",
                                                       "tag:yaml.org,2002:null",
                                                       "tag:yaml.org,2002:seq",
                                                       "tag:yaml.org,2002:map"};
    if (!known.contains(tag)) {
      constexpr std::string_view core = "tag:yaml.org,2002:";
      const std::string shown = tag.rfind(core, 0) == 0 ? "!!" + tag.substr(core.size()) : tag;
      problem(m_sink, location, fmt::format("unsupported tag '{}'; ceplan reads plain YAML values", excerpt(shown)));
    }
  }

  // A problem after which parsing goes on, so that every one is reported; a part of a file
  // (loader/yaml_split.hpp) stops at the first, since the whole is then parsed again.
  void problem(DiagnosticSink& sink, Location location, std::string message) {
    if (m_fail_fast)
      fail(location, std::move(message));
    sink.error(location, std::move(message));
  }

  [[noreturn]] void fail(Location location, std::string message) {
    m_sink.error(location, std::move(message));
    m_sink.throw_if_failed();
    throw input_error(m_sink.source(), location, "internal error");
  }

  void count(Location location, std::size_t nodes) {
    m_nodes += nodes;
    if (m_nodes > m_limits.max_nodes) {
      fail(location, fmt::format("document has more than {} nodes, counting what aliases repeat (--max-nodes)",
                                 m_limits.max_nodes));
    }
  }

  void open(Kind kind, Location mark, YAML::anchor_t anchor) {
    if (m_stack.size() >= m_limits.max_depth) {
      fail(mark, fmt::format("nesting is deeper than {} levels (--max-depth)", m_limits.max_depth));
    }
    count(mark, 1);
    Frame frame;
    frame.node.kind = kind;
    frame.node.mark = mark;
    frame.anchor = anchor;
    m_stack.push_back(std::move(frame));
  }

  void close() {
    Frame frame = std::move(m_stack.back());
    m_stack.pop_back();
    if (frame.pending_key) {
      // A key with no value event cannot happen in valid YAML; treat it as null for safety.
      frame.node.keys.push_back(std::move(*frame.pending_key));
      frame.node.key_marks.push_back(frame.pending_key_mark);
      frame.node.items.emplace_back();
    }
    complete(std::move(frame.node), frame.anchor, frame.size, frame.depth, frame.bytes);
  }

  void complete(Node node, YAML::anchor_t anchor, std::size_t size, std::size_t depth, std::size_t bytes) {
    if (anchor != 0) {
      if (m_anchors.size() <= anchor) {
        m_anchors.resize(anchor + 1);
      }
      count(node.mark, size);
      // The anchor keeps a copy for its aliases: nested anchors around one long string would
      // otherwise copy it once per anchor, so copies share the aliases' budget.
      m_alias_bytes += bytes + size * alias_node_bytes;
      if (m_alias_bytes > m_limits.max_file_size) {
        fail(node.mark, fmt::format("anchors and aliases repeat more than {} bytes of text (--max-file-size)",
                                    m_limits.max_file_size));
      }
      m_anchors[anchor] = std::make_unique<Anchored>(Anchored{node, size, depth, bytes});
    }
    if (m_stack.empty()) {
      m_root = std::move(node);
      return;
    }
    Frame& parent = m_stack.back();
    parent.size += size;
    parent.depth = std::max(parent.depth, depth + 1);
    parent.bytes += bytes;
    if (parent.node.kind == Kind::sequence) {
      parent.node.items.push_back(std::move(node));
      return;
    }
    if (!parent.pending_key) {
      add_key(parent, node);
      return;
    }
    parent.node.keys.push_back(std::move(*parent.pending_key));
    parent.node.key_marks.push_back(parent.pending_key_mark);
    parent.node.items.push_back(std::move(node));
    parent.pending_key.reset();
  }

  void add_key(Frame& parent, const Node& key) {
    if (key.kind == Kind::map || key.kind == Kind::sequence) {
      problem(m_sink, key.mark, fmt::format("a mapping key must be a plain string, not {}", describe(key)));
    }
    std::string text = key.kind == Kind::scalar ? key.value : std::string();
    if (const std::size_t first = find_key(parent, text); first != no_key) {
      problem(m_recoverable, key.mark,
              fmt::format("duplicate key '{}' (first at line {})", excerpt(text), parent.node.key_marks[first].line));
    }
    parent.pending_key = std::move(text);
    parent.pending_key_mark = key.mark;
  }

  static constexpr std::size_t no_key = static_cast<std::size_t>(-1);

  // Where `key` already is among the map's keys, or no_key.
  static std::size_t find_key(Frame& frame, const std::string& key) {
    const std::vector<std::string>& keys = frame.node.keys;
    if (keys.size() <= 16) {
      const auto it = std::find(keys.begin(), keys.end(), key);
      return it == keys.end() ? no_key : static_cast<std::size_t>(it - keys.begin());
    }
    for (; frame.indexed < keys.size(); ++frame.indexed) frame.key_index.emplace(keys[frame.indexed], frame.indexed);
    const auto it = frame.key_index.find(key);
    return it == frame.key_index.end() ? no_key : it->second;
  }

  DiagnosticSink& m_sink;
  DiagnosticSink& m_recoverable;  // problems after which the tree is still whole (duplicate keys)
  const Limits& m_limits;
  bool m_fail_fast;
  std::vector<Frame> m_stack;
  std::vector<std::unique_ptr<Anchored>> m_anchors;
  std::size_t m_nodes = 0;
  std::size_t m_alias_bytes = 0;
  static constexpr std::size_t alias_node_bytes = 16;  // what one repeated node counts as, in text
  Node m_root;
};

// Notices whether the stream holds a second document, without building it.
class SecondDocumentProbe : public YAML::EventHandler {
public:
  struct Found {
    Location mark;
    int pos = 0;
  };
  void OnDocumentStart(const YAML::Mark& mark) override { throw Found{to_location(mark), mark.pos}; }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t, const std::string&) override {}
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
  void OnMapEnd() override {}
};

// Text that is not UTF-8 with LF or CRLF line ends gets a message that says what it is.
void check_encoding(std::string_view text, DiagnosticSink& sink) {
  if (text.size() >= 2 && ((text[0] == '\xFF' && text[1] == '\xFE') || (text[0] == '\xFE' && text[1] == '\xFF'))) {
    sink.error({1, 1}, "the file is UTF-16 (it starts with a UTF-16 byte order mark); save it as UTF-8");
    return;
  }
  if (text.size() >= 2 && (text[0] == '\0' || text[1] == '\0')) {
    sink.error({1, 1}, "the file looks like UTF-16 (it has NUL bytes between characters); save it as UTF-8");
    return;
  }
  if (text.find('\r') != std::string_view::npos && text.find('\n') == std::string_view::npos) {
    sink.error({1, 1}, "the file ends its lines with CR only (classic Mac OS); save it with LF or CRLF line ends");
  }
}

// yaml-cpp recurses once per flow level ('[' or '{') and queues a whole line of tokens while a
// simple key may be pending: deep flow nesting is refused before the text reaches it. What looks
// quoted may not be (`[-"` is a plain scalar), so brackets a quoted run leaves open are added to
// the depth when it ends, and closing ones there never lower it; a JSON value inside a string
// balances and costs nothing. The queued tokens of one long flow line are a few hundred bytes
// each, so its entries are counted against the node limit before yaml-cpp sees any of them.
class FlowDepth {
public:
  FlowDepth(const Limits& limits, DiagnosticSink& sink)
      : m_max(limits.max_depth), m_max_nodes(limits.max_nodes), m_sink(sink) {}

  /// Counts a ',' outside quotes at `at`; false once a flow collection holds more entries than
  /// the file may have nodes.
  bool entry(Location at) {
    if (m_depth == 0 || ++m_entries <= m_max_nodes)
      return true;
    m_sink.error(
        at, fmt::format("document has more than {} nodes, counting what aliases repeat (--max-nodes)", m_max_nodes));
    return false;
  }

  /// Counts an opening bracket at `at`; false once the depth is too great.
  bool open(Location at, bool quoted) {
    if (quoted) {
      ++m_in_quote;
      return true;
    }
    ++m_depth;
    return check(at);
  }
  /// Counts a closing bracket.
  void close(bool quoted) {
    std::size_t& depth = quoted ? m_in_quote : m_depth;
    depth -= depth > 0 ? 1 : 0;
  }
  /// A quoted run ends at `at`: what it left open stays open. False once the depth is too great.
  bool end_quote(Location at) {
    m_depth += m_in_quote;
    m_in_quote = 0;
    return check(at);
  }

private:
  bool check(Location at) {
    if (m_depth <= m_max)
      return true;
    m_sink.error(at, fmt::format("nesting is deeper than {} levels (--max-depth)", m_max));
    return false;
  }

  std::size_t m_max;
  std::size_t m_max_nodes;
  DiagnosticSink& m_sink;
  std::size_t m_entries = 0;
  std::size_t m_depth = 0;
  std::size_t m_in_quote = 0;
};

void check_flow(std::string_view text, const Limits& limits, DiagnosticSink& sink) {
  FlowDepth depth(limits, sink);
  int line = 1;
  int column = 0;
  char quote = 0;
  Location quote_start;
  bool comment = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    ++column;
    if (c == '\n') {
      ++line;
      column = 0;
      comment = false;
      continue;
    }
    if (comment)
      continue;
    if (c == '[' || c == '{') {
      if (!depth.open({line, column}, quote != 0))
        return;
    } else if (c == ']' || c == '}') {
      depth.close(quote != 0);
    } else if (c == ',' && quote == 0) {
      if (!depth.entry({line, column}))
        return;
    } else if (quote != 0) {
      if (c == '\\' && quote == '"' && i + 1 < text.size() && text[i + 1] != '\n') {
        ++i;
        ++column;
      } else if (c == '\'' && quote == '\'' && i + 1 < text.size() && text[i + 1] == '\'') {
        ++i;  // '' is a quote inside a single-quoted scalar
        ++column;
      } else if (c == quote) {
        quote = 0;
        if (!depth.end_quote(quote_start))
          return;
      }
    } else if (c == '#' && (i == 0 || text[i - 1] == ' ' || text[i - 1] == '\t' || text[i - 1] == '\n')) {
      comment = true;
    } else if ((c == '"' || c == '\'') &&
               (i == 0 || std::string_view(" \t\n[{,:-?").find(text[i - 1]) != std::string_view::npos)) {
      quote = c;  // where a quoted scalar may start (and more), not inside "it's"
      quote_start = {line, column};
    }
  }
  (void)depth.end_quote(quote_start);  // a quote never closed
}

// YAML allows tabs on blank and comment-only lines, where yaml-cpp 0.7 takes them for
// indentation; one space for each keeps every column where it was.
std::string blank_tabs_as_spaces(std::string_view text) {
  std::string out(text);
  std::size_t start = 0;
  while (start < out.size()) {
    const std::size_t end = std::min(out.find('\n', start), out.size());
    std::size_t first = start;
    while (first < end && (out[first] == ' ' || out[first] == '\t')) ++first;
    if (first == end || out[first] == '#' || out[first] == '\r') {
      std::replace(out.begin() + static_cast<std::ptrdiff_t>(start), out.begin() + static_cast<std::ptrdiff_t>(first),
                   '\t', ' ');
    }
    start = end + 1;
  }
  return out;
}

std::string_view strip_bom(std::string_view text) {
  constexpr std::string_view bom = "\xEF\xBB\xBF";
  if (text.substr(0, bom.size()) == bom) {
    text.remove_prefix(bom.size());
  }
  return text;
}

// An input stream over text that stays where it is: yaml-cpp reads the whole file, or one part
// of it, without a copy of its own.
class TextBuffer : public std::streambuf {
public:
  explicit TextBuffer(std::string_view text) {
    char* begin = const_cast<char*>(text.data());  // NOLINT(cppcoreguidelines-pro-type-const-cast): only read
    setg(begin, begin, begin + text.size());
  }
};

// yaml-cpp's part: `text` has passed the pre-scans and had its blank tabs replaced.
Node parse_prepared(std::string_view text, const std::string& source, const Limits& limits, DiagnosticSink* recoverable,
                    bool fail_fast) {
  DiagnosticSink sink(source);
  TextBuffer buffer(text);
  std::istream stream(&buffer);
  YAML::Parser parser(stream);
  TreeBuilder builder(sink, recoverable != nullptr ? *recoverable : sink, limits, fail_fast);
  try {
    if (!parser.HandleNextDocument(builder)) {
      return Node{Kind::null, {1, 1}, {}, true, {}, {}, {}};
    }
    // One more call, never a loop: yaml-cpp 0.7's LoadAll can spin forever on inputs like ",".
    SecondDocumentProbe probe;
    try {
      parser.HandleNextDocument(probe);
    } catch (const SecondDocumentProbe::Found& found) {
      // A real second document starts with "---" or a directive. yaml-cpp 0.7 also "starts" one
      // at a stray indicator such as ',' that it could not consume (and LoadAll would loop there).
      const auto at = static_cast<std::size_t>(std::max(found.pos, 0));
      const std::string_view rest = at < text.size() ? text.substr(at) : std::string_view();
      if (!rest.empty() && rest.substr(0, 3) != "---" && rest.front() != '%') {
        sink.error(found.mark, fmt::format("unexpected '{}'; this is not valid YAML", rest.front()));
      } else {
        sink.error(found.mark, "a second YAML document is not allowed; the file must hold exactly one");
      }
    }
  } catch (const YAML::Exception& e) {
    sink.error(to_location(e.mark), e.msg);
  }
  sink.throw_if_failed();
  return builder.take_root();
}

}  // namespace

Node parse(std::string_view text, const std::string& source, const Limits& limits, DiagnosticSink* recoverable) {
  DiagnosticSink sink(source);
  if (text.size() > limits.max_file_size) {
    sink.error({}, fmt::format("file is larger than the limit of {} bytes (--max-file-size)", limits.max_file_size));
    sink.throw_if_failed();
  }
  text = strip_bom(text);
  check_encoding(text, sink);
  sink.throw_if_failed();
  check_text(text, sink);
  sink.throw_if_failed();
  check_flow(text, limits, sink);
  sink.throw_if_failed();
  const std::string prepared = blank_tabs_as_spaces(text);
  // A large file is parsed in two parts at once where that gives the same tree; any doubt, or
  // any problem in a part, and it is parsed whole, which reports problems as usual.
  const auto parse_part = [&](std::string_view part, const Limits& part_limits) {
    return parse_prepared(part, source, part_limits, nullptr, true);
  };
  if (auto whole = parse_in_parts(prepared, limits, parse_part)) {
    return std::move(*whole);
  }
  return parse_prepared(prepared, source, limits, recoverable, false);
}

}  // namespace ceplan::yaml
