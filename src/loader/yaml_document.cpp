#include "loader/yaml_document.hpp"

#include <algorithm>
#include <memory>
#include <optional>
#include <sstream>
#include <unordered_set>

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
void check_text(std::string_view text, DiagnosticSink& sink) {
  int line = 1;
  int column = 1;
  bool in_indent = true;
  std::size_t i = 0;
  while (i < text.size()) {
    const auto byte = static_cast<unsigned char>(text[i]);
    std::size_t length = 1;
    if (byte == '\n') {
      ++line;
      column = 1;
      in_indent = true;
      ++i;
      continue;
    }
    if (byte == '\t' && in_indent) {
      sink.error({line, column}, "tab character in indentation; YAML indents with spaces only");
      return;
    }
    if (byte != ' ') {
      in_indent = false;
    }
    if (byte < 0x20 && byte != '\t' && byte != '\r') {
      sink.error({line, column}, fmt::format("control character 0x{:02X} is not allowed", byte));
      return;
    }
    if (byte == 0x7F) {
      sink.error({line, column}, "control character 0x7F is not allowed");
      return;
    }
    if (byte >= 0x80) {
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
      } else {
        length = 0;
      }
      bool valid = length != 0 && i + length <= text.size();
      for (std::size_t k = 1; valid && k < length; ++k) {
        const auto next = static_cast<unsigned char>(text[i + k]);
        valid = (next & 0xC0u) == 0x80u;
        code = (code << 6u) | (next & 0x3Fu);
      }
      const unsigned int min_code = length == 3 ? 0x800u : length == 4 ? 0x10000u : 0x80u;
      if (!valid || code < min_code || code > 0x10FFFFu || (code >= 0xD800u && code <= 0xDFFFu)) {
        sink.error({line, column}, "invalid UTF-8; the file must be UTF-8 text");
        return;
      }
    }
    i += length;
    ++column;
  }
}

class TreeBuilder : public YAML::EventHandler {
public:
  TreeBuilder(DiagnosticSink& sink, const Limits& limits) : m_sink(sink), m_limits(limits) {}

  Node take_root() { return std::move(m_root); }

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    Node node;
    node.mark = to_location(mark);
    complete(std::move(node), anchor, 1);
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    if (anchor >= m_anchors.size() || !m_anchors[anchor]) {
      fail(to_location(mark), "alias refers to an anchor that encloses it; a node cannot contain itself");
    }
    const Anchored& anchored = *m_anchors[anchor];
    count(to_location(mark), anchored.size);
    Node copy = anchored.node;
    copy.mark = to_location(mark);
    complete(std::move(copy), 0, anchored.size);
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    Node node;
    node.kind = Kind::scalar;
    node.mark = to_location(mark);
    node.value = value;
    node.plain = tag == "?";
    count(node.mark, 1);
    complete(std::move(node), anchor, 1);
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    open(Kind::sequence, to_location(mark), anchor);
  }
  void OnSequenceEnd() override { close(); }

  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    open(Kind::map, to_location(mark), anchor);
  }
  void OnMapEnd() override { close(); }

private:
  struct Frame {
    Node node;
    YAML::anchor_t anchor = 0;
    std::size_t size = 1;  // nodes in this subtree, for the alias budget
    std::optional<std::string> pending_key;
    Location pending_key_mark;
    std::unordered_set<std::string> seen_keys;
  };
  struct Anchored {
    Node node;
    std::size_t size = 0;
  };

  [[noreturn]] void fail(Location location, std::string message) {
    m_sink.error(location, std::move(message));
    m_sink.throw_if_failed();
    throw InputError(Diagnostic{m_sink.source(), location, "internal error"});
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
    complete(std::move(frame.node), frame.anchor, frame.size);
  }

  void complete(Node node, YAML::anchor_t anchor, std::size_t size) {
    if (anchor != 0) {
      if (m_anchors.size() <= anchor) {
        m_anchors.resize(anchor + 1);
      }
      count(node.mark, size);
      m_anchors[anchor] = std::make_unique<Anchored>(Anchored{node, size});
    }
    if (m_stack.empty()) {
      m_root = std::move(node);
      return;
    }
    Frame& parent = m_stack.back();
    parent.size += size;
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
      m_sink.error(key.mark, fmt::format("a mapping key must be a plain string, not {}", describe(key)));
    }
    std::string text = key.kind == Kind::scalar ? key.value : std::string();
    if (!parent.seen_keys.insert(text).second) {
      Location first;
      for (std::size_t i = 0; i < parent.node.keys.size(); ++i) {
        if (parent.node.keys[i] == text) {
          first = parent.node.key_marks[i];
          break;
        }
      }
      m_sink.error(key.mark, fmt::format("duplicate key '{}' (first at line {})", text, first.line));
    }
    parent.pending_key = std::move(text);
    parent.pending_key_mark = key.mark;
  }

  DiagnosticSink& m_sink;
  const Limits& m_limits;
  std::vector<Frame> m_stack;
  std::vector<std::unique_ptr<Anchored>> m_anchors;
  std::size_t m_nodes = 0;
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

std::string_view strip_bom(std::string_view text) {
  constexpr std::string_view bom = "\xEF\xBB\xBF";
  if (text.substr(0, bom.size()) == bom) {
    text.remove_prefix(bom.size());
  }
  return text;
}

}  // namespace

Node parse(std::string_view text, const std::string& source, const Limits& limits) {
  DiagnosticSink sink(source);
  if (text.size() > limits.max_file_size) {
    sink.error({}, fmt::format("file is larger than the limit of {} bytes (--max-file-size)", limits.max_file_size));
    sink.throw_if_failed();
  }
  text = strip_bom(text);
  check_text(text, sink);
  sink.throw_if_failed();

  std::istringstream stream{std::string(text)};
  YAML::Parser parser(stream);
  TreeBuilder builder(sink, limits);
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

}  // namespace ceplan::yaml
