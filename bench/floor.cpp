// The benchmark's floor: what any tool must do to read a deploy file with yaml-cpp — load it
// (YAML::LoadFile) and visit every node. ceplan validate is measured against this.
#include <cstdio>

#include <yaml-cpp/yaml.h>

namespace {

std::size_t visit(const YAML::Node& node) {
  std::size_t count = 1;
  if (node.IsMap()) {
    for (const auto& entry : node) count += visit(entry.first) + visit(entry.second);
  } else if (node.IsSequence()) {
    for (const auto& item : node) count += visit(item);
  } else if (node.IsScalar()) {
    count += node.Scalar().empty() ? 0 : 0;
  }
  return count;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: ceplan_floor FILE\n");
    return 2;
  }
  std::printf("%zu nodes\n", visit(YAML::LoadFile(argv[1])));
  return 0;
}
