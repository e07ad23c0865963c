#include "cli/live_input.hpp"

#include <algorithm>
#include <filesystem>

#include <fmt/format.h>

#include "cli/io.hpp"
#include "support/spellcheck.hpp"

namespace ceplan::cli {
namespace {

namespace fs = std::filesystem;

[[noreturn]] void refuse(const std::string& message) {
  throw usage_error(message);
}

// The `.json` files and the subdirectories of `directory`, each sorted by name.
struct Listing {
  std::vector<fs::path> files;
  std::vector<fs::path> directories;
};

Listing list(const std::string& directory) {
  std::error_code error;
  if (!fs::is_directory(directory, error))
    refuse(
        fmt::format("{}: not a directory: give the directory that holds a region's export (the JSON files of "
                    "`kubectl get KIND -o json`)",
                    printable(directory)));
  Listing out;
  fs::directory_iterator it(directory, error);
  for (; !error && it != fs::directory_iterator(); it.increment(error)) {
    if (it->is_directory(error))
      out.directories.push_back(it->path());
    else if (it->path().extension() == ".json")
      out.files.push_back(it->path());
    if (out.files.size() > max_export_files || out.directories.size() > max_export_files)
      refuse(fmt::format("{}: more than {} entries to read: is this an export directory?", printable(directory),
                         max_export_files));
  }
  if (error)
    refuse(fmt::format("{}: cannot be read: {}", printable(directory), error.message()));
  std::sort(out.files.begin(), out.files.end());
  std::sort(out.directories.begin(), out.directories.end());
  return out;
}

// The region a directory's export is from: its name, which the catalog must know.
std::string region_of(const fs::path& directory, const Catalog& catalog, const std::string& region_option) {
  fs::path name = directory.filename();
  if (name.empty())
    name = directory.parent_path().filename();
  const std::string id = name.string();
  if (catalog.find(id) != nullptr)
    return id;
  refuse(fmt::format(
      "{}: cannot tell which region this export is from: name the directory after the region "
      "(export/us-south){}{}",
      printable(directory.string()), region_option.empty() ? std::string() : fmt::format(" or give {}", region_option),
      catalog.region_hint(id)));
}

live::RegionExport read_region(const std::vector<fs::path>& files, const std::string& region,
                               const std::string& directory, const Context& context) {
  if (files.empty())
    refuse(fmt::format("{}: holds no .json files: save each `kubectl get KIND -o json` of {} there",
                       printable(directory), region));
  live::RegionReader reader(region, display_name(directory), context.limits);
  for (const fs::path& file : files) {
    const std::string path = file.string();
    reader.add(read_input(path, context.limits.max_file_size), display_name(path));
  }
  return reader.finish();
}

}  // namespace

live::Export read_live_export(const std::vector<std::string>& paths, const std::string& region,
                              const std::string& region_option, const Context& context, const Catalog& catalog) {
  if (!region.empty() && catalog.find(region) == nullptr)
    refuse(fmt::format("{} {}: no such region{}", region_option, printable(excerpt(region)),
                       catalog.region_hint(region, true)));
  if (!region.empty() && paths.size() != 1)
    refuse(fmt::format("{} names the region of a single export directory; name each of several after its region",
                       region_option));
  live::Export out;
  auto add = [&](live::RegionExport&& read) {
    if (out.region(read.region) != nullptr)
      refuse(fmt::format("two exports of {} ({} and {}): give one directory per region", read.region,
                         printable(out.region(read.region)->directory), printable(read.directory)));
    out.regions.push_back(std::move(read));
  };
  for (const std::string& path : paths) {
    const Listing listing = list(path);
    if (!listing.files.empty()) {
      // Naming the region by option is for a single directory only, so only then is it a hint.
      const std::string hint = paths.size() == 1 ? region_option : std::string();
      add(read_region(listing.files, region.empty() ? region_of(path, catalog, hint) : region, path, context));
      continue;
    }
    if (!region.empty())
      refuse(fmt::format("{}: holds no .json files; {} names the region of a single export directory", printable(path),
                         region_option));
    std::size_t found = 0;
    for (const fs::path& directory : listing.directories) {
      if (catalog.find(directory.filename().string()) == nullptr)
        continue;
      ++found;
      add(read_region(list(directory.string()).files, directory.filename().string(), directory.string(), context));
    }
    if (found == 0)
      refuse(fmt::format("{}: holds no .json files and no directory named after a region (us-south/, eu-de/)",
                         printable(path)));
  }
  return out;
}

}  // namespace ceplan::cli
