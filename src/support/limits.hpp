#pragma once
// Bounds on input, so that no file, however large or hostile, can exhaust memory or the stack.

#include <cstddef>

namespace ceplan {

/// Limits every loader enforces; each is a command-line flag.
struct InputLimits {
  std::size_t max_file_size = std::size_t{8} << 20;  ///< bytes in one file (--max-file-size)
  std::size_t max_depth = 64;                        ///< nested sequences and mappings (--max-depth)
  /// Nodes, counting alias copies (--max-nodes). Code Engine caps a project at 40 apps, 100 jobs,
  /// 100 secrets and 100 config maps (docs/performance.md): a real deploy file has a few thousand
  /// nodes, and half a million keep any 8 MiB input near 200 MB.
  std::size_t max_nodes = 500'000;
};

}  // namespace ceplan
