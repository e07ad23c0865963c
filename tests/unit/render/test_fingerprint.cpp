#include <catch2/catch.hpp>

#include "render/fingerprint.hpp"

using ceplan::render::FileReport;

namespace {

ceplan::Finding finding(std::string message, int line, const char* rule = "CE202") {
  return {ceplan::find_rule(rule), ceplan::Severity::error, std::move(message), {line, 3}, "f"};
}

}  // namespace

TEST_CASE("the subject keeps quoted names and drops numbers") {
  CHECK(ceplan::render::finding_subject(finding("app 'web2' fails over in up to 1m50s, beyond the RTO of 30s", 1)) ==
        "app 'web2' fails over in up to #m#s, beyond the RTO of #s");
  CHECK(ceplan::render::finding_subject(finding("app 'web' is defined twice (first at line 22)", 1)) ==
        "app 'web' is defined twice (first at line #)");
  CHECK(ceplan::render::finding_subject(finding("availability of 99.9989%", 1)) == "availability of #%");
}

TEST_CASE("fingerprints survive moved lines, changed figures and how the path was typed") {
  const FileReport before{"./deploy/d.yaml", {finding("app 'web' takes 1m", 10)}, {}, "deploy/d.yaml"};
  const FileReport after{"deploy/../deploy/d.yaml", {finding("app 'web' takes 2m", 14)}, {}, "deploy/d.yaml"};
  CHECK(ceplan::render::fingerprints(before) == ceplan::render::fingerprints(after));
  const FileReport other_file{"d.yaml", {finding("app 'web' takes 1m", 10)}, {}, "other/d.yaml"};
  CHECK(ceplan::render::fingerprints(before) != ceplan::render::fingerprints(other_file));
}

TEST_CASE("distinct findings of one file never share a fingerprint") {
  const FileReport report{"d.yaml",
                          {finding("app 'web' takes 1m", 10), finding("app 'web' takes 1m", 20),
                           finding("app 'web' takes 1m", 30, "CE203"), finding("app 'api' takes 1m", 40)}};
  const auto prints = ceplan::render::fingerprints(report);
  REQUIRE(prints.size() == 4);
  CHECK(prints[0].size() == 16);
  for (std::size_t i = 0; i < prints.size(); ++i) {
    for (std::size_t j = i + 1; j < prints.size(); ++j) CHECK(prints[i] != prints[j]);
  }
}
