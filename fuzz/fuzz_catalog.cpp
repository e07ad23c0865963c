// libFuzzer target: a region catalog through the loader and every query and renderer.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "budget.hpp"
#include "catalog/catalog_loader.hpp"
#include "catalog/embedded_catalog.hpp"
#include "render/catalog.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const fuzz::Meter meter(fuzz::input_budget, size);
  try {
    const ceplan::Catalog catalog = ceplan::load_catalog(text, "c.yaml");
    const auto all = catalog.select({});
    for (auto format : {ceplan::render::CatalogFormat::text, ceplan::render::CatalogFormat::json,
                        ceplan::render::CatalogFormat::yaml}) {
      (void)ceplan::render::regions(all, format);
      (void)ceplan::render::backup_endpoints(all, format);
      for (const ceplan::Region* region : all) {
        (void)ceplan::render::region(*region, format);
      }
    }
    for (const std::string& geography : catalog.geographies()) {
      (void)catalog.select({geography, {}});
    }
  } catch (const ceplan::InputError& error) {
    (void)error.what();
  }
  meter.check();
  return 0;
}
