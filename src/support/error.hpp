#pragma once
// The one error type of ceplan: problems with what the user gave us, each at a place in a file.

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace ceplan {

/// A place in a source: 1-based line and column; 0 means "not known".
struct Location {
  int line = 0;    ///< 1-based line, 0 when unknown
  int column = 0;  ///< 1-based column, 0 when unknown
  /// The same place.
  friend bool operator==(const Location&, const Location&) = default;
};

/// A value as a message quotes it: cut after `shown` characters, with "...", so that a hostile
/// file cannot make messages as long as itself.
[[nodiscard]] std::string excerpt(std::string_view value, std::size_t shown = 64);

/// `text` safe to print on a terminal or into a CI log: control characters (C0, DEL, C1), which
/// could move the cursor, colour the screen or start a new line that CI reads as a workflow
/// command (`::error ...`), and invisible format characters (bidi overrides such as U+202E, which
/// show text in another order than it runs, zero-width characters, U+2028) become visible escapes
/// (`\n`, `\x1b`, `\u009b`, `\u202e`); the rest is kept.
/// With `keep_newlines`, for messages ceplan writes on several lines, line feeds stay.
[[nodiscard]] std::string printable(std::string_view text, bool keep_newlines = false);

/// True when `text` holds a character printable() would escape (a newline and a tab included).
[[nodiscard]] bool has_hidden_characters(std::string_view text);

/// One input problem: where it is and what is wrong.
struct Diagnostic {
  std::string source;   ///< file name as the user gave it; empty for the command line
  Location location;    ///< where in the source
  std::string message;  ///< what is wrong, without a trailing full stop

  /// "file:line:column: error: message", leaving out the parts that are not known; the file name
  /// and message are made printable() (a command-line problem, with no file, keeps its lines).
  [[nodiscard]] std::string format() const;
};

/// Thrown by every loader and query for bad input; carries all the problems found, in order.
class InputError : public std::runtime_error {
public:
  /// One problem.
  explicit InputError(Diagnostic diagnostic);
  /// Several problems; `diagnostics` must not be empty.
  explicit InputError(std::vector<Diagnostic> diagnostics);

  /// Every problem, in the order found.
  [[nodiscard]] const std::vector<Diagnostic>& diagnostics() const noexcept { return m_diagnostics; }

private:
  std::vector<Diagnostic> m_diagnostics;
};

/// The one problem at `location` of `source` (a file as the user named it), as an InputError.
[[nodiscard]] InputError input_error(std::string source, Location location, std::string message);
/// A problem of the command line or of the run as a whole, with no file or place.
[[nodiscard]] InputError usage_error(std::string message);

/// Collects problems while a loader keeps going, so that a file's errors are reported together.
class DiagnosticSink {
public:
  /// `source` names the file every diagnostic refers to.
  explicit DiagnosticSink(std::string source) : m_source(std::move(source)) {}

  /// Records a problem at `location`; past the first 100, problems are only counted, so that a
  /// hostile file cannot make the report huge.
  void error(Location location, std::string message);
  /// True once any problem is recorded.
  [[nodiscard]] bool failed() const noexcept { return !m_diagnostics.empty(); }
  /// How many problems a sink shows before it only counts them.
  static constexpr std::size_t max_shown = 100;
  /// Throws InputError with everything recorded, if anything was.
  void throw_if_failed() const;
  /// The source name given at construction.
  [[nodiscard]] const std::string& source() const noexcept { return m_source; }

private:
  std::string m_source;
  std::vector<Diagnostic> m_diagnostics;
  std::size_t m_dropped = 0;
};

}  // namespace ceplan
