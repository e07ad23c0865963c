// The ceplan command. Every error of a run ends in the one catch below, which maps it to an
// exit code: 0 clean, 1 findings (set by the command), 2 cannot run.
#include <exception>
#include <iostream>

#include "cli/app.hpp"

int main(int argc, char** argv) {
  try {
    return ceplan::cli::run(argc, argv);
  } catch (const std::exception& error) {
    ceplan::cli::print_error(error, std::cerr);
    return ceplan::cli::exit_cannot_run;
  }
}
