#include "render/structured.hpp"

#include <algorithm>
#include <cctype>

#include "support/error.hpp"
#include "support/lists.hpp"

namespace ceplan::render {
namespace {

std::string scalar(const nlohmann::ordered_json& value) {
  // A JSON string literal is also a valid double-quoted YAML scalar, escapes included.
  return value.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

bool is_collection(const nlohmann::ordered_json& value) {
  return (value.is_object() || value.is_array()) && !value.empty();
}

void emit(const nlohmann::ordered_json& value, int indent, std::string& out);

void emit_entry_value(const nlohmann::ordered_json& value, int indent, std::string& out) {
  if (is_collection(value)) {
    out += '\n';
    emit(value, indent, out);
  } else {
    out += ' ';
    out += scalar(value);
    out += '\n';
  }
}

void emit(const nlohmann::ordered_json& value, int indent, std::string& out) {
  const std::string pad(static_cast<std::size_t>(indent), ' ');
  if (value.is_object()) {
    for (const auto& [key, item] : value.items()) {
      out += pad + key + ":";
      emit_entry_value(item, indent + 2, out);
    }
  } else if (value.is_array()) {
    for (const auto& item : value) {
      out += pad + "-";
      if (item.is_object() && !item.empty()) {
        // The first key shares the dash's line, the rest align under it.
        std::string nested;
        emit(item, indent + 2, nested);
        out += ' ';
        out += nested.substr(static_cast<std::size_t>(indent) + 2);
      } else {
        emit_entry_value(item, indent + 2, out);
      }
    }
  } else {
    out += pad + scalar(value) + '\n';
  }
}

}  // namespace

std::string to_yaml(const nlohmann::ordered_json& value) {
  if (!is_collection(value)) {
    return scalar(value) + '\n';
  }
  std::string out;
  emit(value, 0, out);
  return out;
}

std::string to_json(const nlohmann::ordered_json& value) {
  return value.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + '\n';
}

std::string xml_escape(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    // U+FFFE and U+FFFF are not XML characters either (XML 1.0, production 2 Char).
    if (c == '\xEF' && i + 2 < text.size() && text[i + 1] == '\xBF' &&
        (text[i + 2] == '\xBE' || text[i + 2] == '\xBF')) {
      out += "\xEF\xBF\xBD";
      i += 2;
      continue;
    }
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default:
        // XML 1.0 has no representation for most control characters.
        if (static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t' && c != '\r') {
          out += "\xEF\xBF\xBD";
        } else {
          out += c;
        }
    }
  }
  return out;
}

// A JSON string literal is a valid double-quoted YAML scalar.
std::string yaml_scalar(std::string_view text) {
  const bool safe = !text.empty() &&
                    (std::isalpha(static_cast<unsigned char>(text.front())) != 0 || text.front() == '/') &&
                    std::all_of(text.begin(), text.end(),
                                [](char c) {
                                  return std::isalnum(static_cast<unsigned char>(c)) != 0 ||
                                         std::string_view("._/@:-").find(c) != std::string_view::npos;
                                }) &&
                    text.find(": ") == std::string_view::npos && text.back() != ':';
  const std::string lower = lower_case(text);
  const bool typed = lower == "true" || lower == "false" || lower == "null" || lower == "yes" || lower == "no" ||
                     lower == "on" || lower == "off";
  if (safe && !typed)
    return std::string(text);
  return nlohmann::json(std::string(text)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace ceplan::render

namespace ceplan::render {

std::string markdown_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : printable(text)) {
    if (std::string_view("\\`*_[]<|~&!").find(c) != std::string_view::npos)
      out += '\\';
    out += c;
  }
  return out;
}

namespace {

std::size_t longest_backtick_run(std::string_view text) {
  std::size_t longest = 0;
  std::size_t run = 0;
  for (char c : text) {
    run = c == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  return longest;
}

}  // namespace

std::string markdown_code(std::string_view text) {
  const std::string fence(longest_backtick_run(text) + 1, '`');
  const std::string safe = printable(text);
  const bool pad = !safe.empty() && (safe.front() == '`' || safe.back() == '`');
  return fence + (pad ? " " : "") + safe + (pad ? " " : "") + fence;
}

std::string markdown_fence(std::string_view text) {
  return std::string(std::max<std::size_t>(3, longest_backtick_run(text) + 1), '`');
}

}  // namespace ceplan::render
