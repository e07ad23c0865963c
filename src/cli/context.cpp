#include "cli/context.hpp"

#include <cstdlib>
#include <iostream>
#include <string_view>

#include <unistd.h>

#include <fmt/format.h>

#include "catalog/catalog_loader.hpp"
#include "catalog/embedded_catalog.hpp"
#include "cli/io.hpp"
#include "support/ascii.hpp"

namespace ceplan::cli {

Catalog Context::catalog() const {
  if (catalog_path.empty()) {
    return embedded_catalog();
  }
  return load_catalog(read_input(catalog_path, limits.max_file_size), catalog_path, limits);
}

bool Context::use_color() const {
  if (color != "auto") {
    return color == "always";
  }
  // FORCE_COLOR (force-color.org) wins over NO_COLOR (no-color.org), as that standard says; a
  // report written to a file (-o) stays plain either way.
  const auto set = [](const char* name) {
    const char* value = std::getenv(name);
    return value != nullptr && *value != '\0';
  };
  if (!output_path.empty())
    return false;
  if (set("FORCE_COLOR"))
    return true;
  const char* term = std::getenv("TERM");
  return ::isatty(STDOUT_FILENO) == 1 && !set("NO_COLOR") && (term == nullptr || std::string_view(term) != "dumb");
}

void Context::emit(const std::string& text, bool executable) const {
  if (!output_path.empty()) {
    write_file_atomically(output_path, text, {}, executable);
    return;
  }
  // A terminal whose locale is not UTF-8 (LANG=C) would garble ceplan's few symbols; files and
  // pipes get them as they are.
  if (::isatty(STDOUT_FILENO) == 1 &&
      !utf8_locale(std::getenv("LC_ALL"), std::getenv("LC_CTYPE"), std::getenv("LANG"))) {
    write_stdout(ascii_fallback(text));
    return;
  }
  write_stdout(text);
}

CLI::Option* add_repeatable(CLI::App& command, const std::string& name, std::vector<std::string>& values,
                            const std::string& description) {
  return command.add_option(name, values, description)
      ->expected(1)
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
}

CLI::Option* add_choice_option(Context& context, CLI::App& command, const std::string& name, std::string& value,
                               const std::string& description, std::vector<std::string> choices) {
  const std::string owner = command.get_parent() == nullptr ? std::string() : command.get_name();
  context.choices[owner + " " + name] = choices;
  return command.add_option(name, value, description)->check(CLI::IsMember(std::move(choices)))->capture_default_str();
}

CLI::Option* add_format_option(Context& context, CLI::App& command, std::string& format,
                               std::vector<std::string> choices) {
  format = choices.front();
  const std::string description = fmt::format("Output format: {}", fmt::join(choices, ", "));
  return add_choice_option(context, command, "--format", format, description, std::move(choices));
}

}  // namespace ceplan::cli
