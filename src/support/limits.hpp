#pragma once
// Bounds on input, so that no file, however large or hostile, can exhaust memory or the stack.

#include <cstddef>

namespace ceplan {

/// Limits every loader enforces; each is a command-line flag.
struct InputLimits {
  std::size_t max_file_size = std::size_t{8} << 20;  ///< bytes in one file (--max-file-size)
  std::size_t max_depth = 64;                        ///< nested sequences and mappings (--max-depth)
  std::size_t max_nodes = 2'000'000;                 ///< nodes, counting alias copies (--max-nodes)
};

}  // namespace ceplan
