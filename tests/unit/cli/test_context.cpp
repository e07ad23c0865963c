#include <catch2/catch.hpp>

#include "cli/context.hpp"

TEST_CASE("colour follows --color, and never goes into a file") {
  ceplan::cli::Context context;
  context.color = "always";
  CHECK(context.use_color());
  context.color = "never";
  CHECK_FALSE(context.use_color());
  context.color = "auto";
  context.output_path = "report.txt";
  CHECK_FALSE(context.use_color());
}

TEST_CASE("choice options record their values for completion") {
  ceplan::cli::Context context;
  CLI::App app{"test", "ceplan"};
  CLI::App* command = app.add_subcommand("validate", "v");
  std::string format;
  ceplan::cli::add_format_option(context, *command, format, {"text", "json"});
  CHECK(format == "text");
  CHECK(context.choices.at("validate --format") == std::vector<std::string>{"text", "json"});
}

TEST_CASE("without --catalog the embedded catalog is used") {
  const ceplan::cli::Context context;
  CHECK(context.catalog().source() == "data/regions.yaml (embedded)");
}
