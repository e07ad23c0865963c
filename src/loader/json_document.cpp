#include "loader/json_document.hpp"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace ceplan::json {

const Value* Value::find(std::string_view key) const {
  if (kind != Kind::object)
    return nullptr;
  for (std::size_t i = 0; i < keys.size(); ++i) {
    if (keys[i] == key)
      return &items[i];
  }
  return nullptr;
}

std::string_view describe(const Value& value) {
  switch (value.kind) {
    case Kind::boolean: return "a boolean";
    case Kind::number: return "a number";
    case Kind::string: return "a string";
    case Kind::array: return "an array";
    case Kind::object: return "an object";
    default: return "null";
  }
}

std::string member_path(std::string_view path, std::string_view key) {
  const bool name = !key.empty() && std::all_of(key.begin(), key.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '-';
  });
  if (name)
    return fmt::format("{}.{}", path, key);
  std::string quoted;
  for (char c : key) {
    if (c == '"' || c == '\\')
      quoted += '\\';
    quoted += c;
  }
  return fmt::format("{}[\"{}\"]", path, quoted);
}

std::string index_path(std::string_view path, std::size_t index) {
  return fmt::format("{}[{}]", path, index);
}

namespace {

using nlohmann::json;

// Builds the tree from SAX events. nlohmann's SAX parser keeps its own stack on the heap, so
// nesting is bounded here, by max_depth, rather than by the call stack.
class TreeBuilder {
public:
  explicit TreeBuilder(const InputLimits& limits) : m_limits(limits) {}

  bool null() { return add(Value{}); }
  bool boolean(bool value) {
    Value v;
    v.kind = Kind::boolean;
    v.boolean = value;
    return add(std::move(v));
  }
  bool number_integer(json::number_integer_t value) { return add(whole(value, std::to_string(value))); }
  bool number_unsigned(json::number_unsigned_t value) {
    if (value > static_cast<json::number_unsigned_t>(INT64_MAX))
      return number_float(0, std::to_string(value));
    return add(whole(static_cast<std::int64_t>(value), std::to_string(value)));
  }
  bool number_float(json::number_float_t /*value*/, const json::string_t& text) {
    Value v;
    v.kind = Kind::number;
    v.text = text;
    return add(std::move(v));
  }
  bool string(json::string_t& value) {
    Value v;
    v.kind = Kind::string;
    v.text = std::move(value);
    return add(std::move(v));
  }
  bool binary(json::binary_t& /*value*/) { return fail("binary values are not JSON"); }
  bool start_object(std::size_t /*size*/) { return open(Kind::object); }
  bool key(json::string_t& value) {
    m_open.back()->keys.push_back(std::move(value));
    return true;
  }
  bool end_object() { return close_object(); }
  bool start_array(std::size_t /*size*/) { return open(Kind::array); }
  bool end_array() {
    m_open.pop_back();
    return true;
  }
  bool parse_error(std::size_t position, const std::string& token, const nlohmann::detail::exception& error) {
    m_error_byte = position;
    m_syntax = true;
    // nlohmann quotes the token it stopped in ("; last read: '...'"): for a plan cut short inside a
    // private key, that is the key. The message keeps only what is wrong; the location says where.
    m_message = error.what();
    if (const std::string echoed = "; last read: '" + token + "'"; !token.empty()) {
      if (const std::size_t at = m_message.find(echoed); at != std::string::npos)
        m_message.erase(at, echoed.size());
    }
    m_error_path = path();
    return false;
  }

  Value take() { return std::move(m_root); }
  [[nodiscard]] bool path_error() const { return !m_syntax; }
  [[nodiscard]] std::size_t error_byte() const { return m_error_byte; }
  [[nodiscard]] const std::string& message() const { return m_message; }
  [[nodiscard]] const std::string& error_path() const { return m_error_path; }

private:
  static Value whole(std::int64_t value, std::string text) {
    Value v;
    v.kind = Kind::number;
    v.integral = true;
    v.integer = value;
    v.text = std::move(text);
    return v;
  }

  // The JSON path of the innermost `depth` open containers' last one; each encloses the next as
  // its last item.
  [[nodiscard]] std::string container_path(std::size_t depth) const {
    std::string result = "$";
    for (std::size_t i = 0; i + 1 < depth; ++i) {
      const Value& parent = *m_open[i];
      result = parent.kind == Kind::object ? member_path(result, parent.keys.back())
                                           : index_path(result, parent.items.size() - 1);
    }
    return result;
  }

  // The JSON path of the value about to be added, for messages.
  [[nodiscard]] std::string path() const {
    if (m_open.empty())
      return "$";
    const Value& parent = *m_open.back();
    const std::string base = container_path(m_open.size());
    if (parent.kind == Kind::array)
      return index_path(base, parent.items.size());
    // Between members (no key read yet for the next value) the place is the object itself.
    return parent.keys.size() > parent.items.size() ? member_path(base, parent.keys.back()) : base;
  }

  bool fail(const std::string& what) {
    m_message = fmt::format("{}: {}", path(), what);
    return false;
  }

  bool add(Value value) {
    if (++m_nodes > m_limits.max_nodes)
      return fail(fmt::format("more than {} values (--max-nodes)", m_limits.max_nodes));
    if (m_open.empty()) {
      m_root = std::move(value);
      return true;
    }
    m_open.back()->items.push_back(std::move(value));
    return true;
  }

  bool open(Kind kind) {
    if (m_open.size() >= m_limits.max_depth)
      return fail(fmt::format("nested more than {} deep (--max-depth)", m_limits.max_depth));
    Value v;
    v.kind = kind;
    if (!add(std::move(v)))
      return false;
    m_open.push_back(m_open.empty() ? &m_root : &m_open.back()->items.back());
    return true;
  }

  bool close_object() {
    const Value& object = *m_open.back();
    std::vector<std::string_view> sorted(object.keys.begin(), object.keys.end());
    std::sort(sorted.begin(), sorted.end());
    const auto twice = std::adjacent_find(sorted.begin(), sorted.end());
    if (twice != sorted.end()) {
      m_message = fmt::format("{}: duplicate key '{}'", container_path(m_open.size()), excerpt(*twice));
      return false;
    }
    m_open.pop_back();
    return true;
  }

  const InputLimits& m_limits;
  Value m_root;
  std::vector<Value*> m_open;
  std::size_t m_nodes = 0;
  std::size_t m_error_byte = 0;
  bool m_syntax = false;
  std::string m_error_path;
  std::string m_message;
};

// nlohmann's messages start "[json.exception.parse_error.101] parse error at line 1, column 2: ";
// the location is ceplan's to give.
std::string parse_message(const std::string& what) {
  const std::size_t colon = what.find(": ");
  const std::size_t bracket = what.find("] ");
  if (colon != std::string::npos && what.find("parse error") != std::string::npos)
    return "malformed JSON: " + what.substr(colon + 2);
  return bracket == std::string::npos ? what : what.substr(bracket + 2);
}

// The 1-based line and byte column of byte `offset` (nlohmann counts the byte after the error).
Location location_of(std::string_view text, std::size_t offset) {
  offset = std::min(offset == 0 ? 0 : offset - 1, text.size());
  const std::string_view before = text.substr(0, offset);
  const auto line = static_cast<int>(std::count(before.begin(), before.end(), '\n')) + 1;
  const std::size_t start = before.rfind('\n');
  const std::size_t column = start == std::string_view::npos ? offset : offset - start - 1;
  return {line, static_cast<int>(column) + 1};
}

}  // namespace

Value parse(std::string_view text, const std::string& source, const InputLimits& limits) {
  if (text.size() > limits.max_file_size) {
    throw input_error(source, {}, fmt::format("larger than {} bytes (--max-file-size)", limits.max_file_size));
  }
  TreeBuilder builder(limits);
  if (json::sax_parse(text, &builder))
    return builder.take();
  if (builder.path_error())
    throw input_error(source, {}, builder.message());
  throw input_error(source, location_of(text, builder.error_byte()),
                    fmt::format("{}: {}", builder.error_path(), parse_message(builder.message())));
}

}  // namespace ceplan::json
