#pragma once
// The oracle of the shell-safety checks (fuzz_commands and tests/unit/planner/test_shell_safety):
// splits a printed command line into words as a POSIX shell would and says what is wrong with it,
// if anything. A line is safe when it expands nothing but ceplan's own `"$(cat FILE)"` and
// `"${RESOURCE_GROUP:?...}"`, its only operators are `|`, `&&` and `2>/dev/null`, every simple
// command starts with a program ceplan prints, and every option is one ceplan prints, with each
// option's value a word of its own that is no option. A value from a deploy file that escaped its
// quoting shows up as one of these.
#include <algorithm>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace fuzz {

/// One word of a command line, after quote removal.
struct ShellWord {
  std::string text;     ///< the word as the program receives it
  bool quoted = false;  ///< some of it was quoted
  bool op = false;      ///< an operator: |, &&, 2>/dev/null
};

namespace detail {

inline const std::string resource_group_text =
    "${RESOURCE_GROUP:?set RESOURCE_GROUP to the resource group of the project}";
// The other expansions ceplan prints, each a constant: a Secrets Manager read's group and instance.
inline const std::vector<std::string> constant_expansions{
    resource_group_text, "${SECRET_GROUP:-default}",
    "${SECRETS_MANAGER_URL:?set SECRETS_MANAGER_URL to https://INSTANCE_ID.REGION.secrets-manager.appdomain.cloud}"};
// A Secrets Manager read runs in a subshell of its own: `(set -o pipefail && umask 077 && ... > FILE)`.
inline const std::string secret_read_head = "(set -o pipefail && umask 077 && ";

// Reads `$(cat WORD)` at `i` inside double quotes; the word is plain or single-quoted.
inline std::optional<std::string> read_cat(std::string_view line, std::size_t& i, std::string& word) {
  constexpr std::string_view head = "$(cat ";
  if (line.substr(i, head.size()) != head)
    return "an expansion that ceplan does not print";
  i += head.size();
  bool single = false;
  for (; i < line.size(); ++i) {
    const char c = line[i];
    if (single) {
      single = c != '\'';
    } else if (c == '\'') {
      single = true;
    } else if (c == '\\' && i + 1 < line.size() && line[i + 1] == '\'') {
      ++i;
    } else if (c == ')') {
      ++i;
      word += "<file>";
      return std::nullopt;
    } else if (std::string_view(" \t\"$`;&|<>(\\").find(c) != std::string_view::npos) {
      return "an expansion or separator inside $(cat ...)";
    }
  }
  return "an unterminated $(cat ...)";
}

}  // namespace detail

/// The words of `line`, or what is unsafe in it.
inline std::optional<std::string> split_words(std::string_view line, std::vector<ShellWord>& words) {
  std::size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && line[i] == ' ') ++i;
    if (i >= line.size())
      break;
    bool matched = false;
    for (std::string_view op : {"&&", "2>/dev/null", "|"}) {
      if (!matched && line.substr(i, op.size()) == op && (i + op.size() == line.size() || line[i + op.size()] == ' ')) {
        words.push_back({std::string(op), false, true});
        i += op.size();
        matched = true;
      }
    }
    if (matched)
      continue;
    ShellWord word;
    while (i < line.size() && line[i] != ' ') {
      const char c = line[i];
      if (c == '\'') {
        const auto end = line.find('\'', i + 1);
        if (end == std::string_view::npos)
          return "an unterminated single quote";
        word.text += line.substr(i + 1, end - i - 1);
        word.quoted = true;
        i = end + 1;
      } else if (c == '"') {
        word.quoted = true;
        for (++i;;) {
          if (i >= line.size())
            return "an unterminated double quote";
          if (line[i] == '"') {
            ++i;
            break;
          }
          const auto constant =
              std::find_if(detail::constant_expansions.begin(), detail::constant_expansions.end(),
                           [&](const std::string& text) { return line.substr(i, text.size()) == text; });
          if (constant != detail::constant_expansions.end()) {
            word.text += "<expansion>";
            i += constant->size();
          } else if (line[i] == '$') {
            if (auto problem = detail::read_cat(line, i, word.text))
              return problem;
          } else if (line[i] == '`' || line[i] == '\\') {
            return "a backquote or backslash inside double quotes";
          } else {
            word.text += line[i++];
          }
        }
      } else if (c == '\\') {
        if (i + 1 >= line.size() || line[i + 1] != '\'')
          return "a backslash outside quotes";
        word.text += '\'';
        i += 2;
      } else if (std::string_view("$`;&|<>(){}*?[]~#!\t\n").find(c) != std::string_view::npos) {
        return std::string("'") + c + "' outside quotes";
      } else {
        word.text += c;
        ++i;
      }
    }
    words.push_back(std::move(word));
  }
  return std::nullopt;
}

namespace detail {

// What a program other than ibmcloud, ceplan and curl may be given: jq and sed only ceplan's own
// filters, rm only files named after a secret in the working directory.
inline std::optional<std::string> unsafe_operand(const std::string& program, const ShellWord& w) {
  static const std::set<std::string, std::less<>> filters{
      ".payload", ".certificate, (.intermediate // empty)", ".private_key", ".username", ".password", "s/\\\\n/\\n/g"};
  if (program == "jq" || program == "sed")
    return filters.contains(w.text) ? std::nullopt
                                    : std::optional<std::string>("a filter ceplan does not print: " + w.text);
  static const std::vector<std::string> extensions{".env", ".crt", ".key", ".apikey", ".username", ".password"};
  const bool secret_file =
      w.text.find('/') == std::string::npos && !w.text.empty() && w.text.front() != '.' &&
      std::any_of(extensions.begin(), extensions.end(), [&](const std::string& e) { return w.text.ends_with(e); });
  return secret_file ? std::nullopt : std::optional<std::string>("a file that is not a secret's: " + w.text);
}

}  // namespace detail

/// What is unsafe in the printed command `line`, or nullopt.
inline std::optional<std::string> unsafe_command(std::string_view line) {
  // A Secrets Manager read: its subshell and its redirection into a secret's file are ceplan's.
  if (line.starts_with(detail::secret_read_head)) {
    std::string_view inner = line.substr(detail::secret_read_head.size());
    if (inner.ends_with(" &&"))
      inner.remove_suffix(3);
    const auto redirect = inner.rfind(" > ");
    if (!inner.ends_with(")") || redirect == std::string_view::npos)
      return "a subshell that is not a Secrets Manager read";
    std::vector<ShellWord> file;
    if (auto problem = split_words(inner.substr(redirect + 3, inner.size() - redirect - 4), file))
      return problem;
    if (file.size() != 1 || file.front().op)
      return "a redirection that is not one file";
    if (auto problem = detail::unsafe_operand("rm", file.front()))
      return problem;
    return unsafe_command(inner.substr(0, redirect));
  }
  std::vector<ShellWord> words;
  if (auto problem = split_words(line, words))
    return problem;
  static const std::set<std::string, std::less<>> programs{"ibmcloud", "ceplan", "curl", "echo", "openssl",
                                                           "sleep",    "jq",     "sed",  "rm"};
  static const std::set<std::string, std::less<>> subcommands{"target",        "ce",
                                                              "project",       "create",
                                                              "select",        "get",
                                                              "secret",        "update",
                                                              "configmap",     "application",
                                                              "job",           "jobrun",
                                                              "submit",        "list",
                                                              "subscription",  "cron",
                                                              "delete",        "domainmapping",
                                                              "s_client",      "x509",
                                                              "runbook",       "secrets-manager",
                                                              "secret-by-name"};
  static const std::set<std::string, std::less<>> with_value{"-r",
                                                             "-g",
                                                             "--name",
                                                             "--format",
                                                             "--cert-chain-file",
                                                             "--private-key-file",
                                                             "--server",
                                                             "--username",
                                                             "--password-from-file",
                                                             "--key-path",
                                                             "--from-env-file",
                                                             "--env-from-secret",
                                                             "--env-from-configmap",
                                                             "--max-scale",
                                                             "--port",
                                                             "--cpu",
                                                             "--memory",
                                                             "--visibility",
                                                             "--image",
                                                             "--min-scale",
                                                             "--registry-secret",
                                                             "--output",
                                                             "--job",
                                                             "--destination",
                                                             "--destination-type",
                                                             "--schedule",
                                                             "--time-zone",
                                                             "--domain-name",
                                                             "--target",
                                                             "--tls-secret",
                                                             "-connect",
                                                             "-servername",
                                                             "--restore-to",
                                                             "--from",
                                                             "--secret-type",
                                                             "--secret-group-name",
                                                             "--service-url"};
  static const std::set<std::string, std::less<>> switches{"--access-key-id-prompt",
                                                           "--secret-access-key-prompt",
                                                           "--force",
                                                           "--ignore-not-found",
                                                           "-fsS",
                                                           "-noout",
                                                           "-enddate",
                                                           "-er",
                                                           "-f"};
  bool at_start = true;
  std::string program;
  bool in_flags = false;
  bool file_named = false;  // ceplan runbook FILE
  for (std::size_t k = 0; k < words.size(); ++k) {
    const ShellWord& w = words[k];
    if (w.op) {
      at_start = true;
      continue;
    }
    if (at_start) {
      if (w.quoted || !programs.contains(w.text))
        return "a command that is not ceplan's: " + w.text;
      program = w.text;
      at_start = false;
      in_flags = false;
      file_named = false;
      continue;
    }
    if (program == "ceplan" && !in_flags && !file_named && k > 0 && words[k - 1].text == "runbook") {
      file_named = true;
      if (w.text.empty() || (w.text.front() == '-' && w.text != "-"))
        return "a file name that reads as an option: " + w.text;
      continue;
    }
    if (!w.text.empty() && w.text.front() == '-') {
      in_flags = true;
      if (w.quoted || (!with_value.contains(w.text) && !switches.contains(w.text)))
        return "an option ceplan does not print: " + w.text;
      if (with_value.contains(w.text)) {
        if (k + 1 >= words.size() || words[k + 1].op)
          return "an option without its value: " + w.text;
        const ShellWord& value = words[++k];
        if (!value.text.empty() && value.text.front() == '-')
          return "an option's value that reads as an option: " + value.text;
      }
      continue;
    }
    if (program == "curl") {
      const std::string_view url = w.text;
      if (url.substr(0, 8) != "https://" ||
          url.substr(8, url.find_first_of("/?#", 8) - 8).find('@') != std::string_view::npos)
        return "a URL whose host is not the domain: " + w.text;
    } else if (program == "jq" || program == "sed" || program == "rm") {
      if (auto problem = detail::unsafe_operand(program, w))
        return problem;
    } else if (program == "sleep") {
      if (w.text.empty() || w.text.find_first_not_of("0123456789") != std::string::npos)
        return "a sleep that is not a number: " + w.text;
    } else if (in_flags || w.quoted || !subcommands.contains(w.text)) {
      return "a word that is no subcommand or option value: " + w.text;
    }
  }
  return std::nullopt;
}

}  // namespace fuzz
