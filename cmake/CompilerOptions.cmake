set(CMAKE_CXX_STANDARD 20)
set(CMAKE_CXX_STANDARD_REQUIRED ON)
set(CMAKE_CXX_EXTENSIONS OFF)
set(CMAKE_EXPORT_COMPILE_COMMANDS ON)

if(NOT CMAKE_BUILD_TYPE AND NOT CMAKE_CONFIGURATION_TYPES)
  set(CMAKE_BUILD_TYPE RelWithDebInfo CACHE STRING "Build type" FORCE)
endif()

option(CEPLAN_WERROR "Treat compiler warnings as errors" OFF)
set(CEPLAN_SANITIZE "" CACHE STRING "Sanitizers to build with, e.g. address,undefined")

# Applied to ceplan's own targets only, never to the libraries it uses.
add_library(ceplan_warnings INTERFACE)
target_compile_options(ceplan_warnings INTERFACE -Wall -Wextra -Wpedantic -Wshadow -Wconversion
                       -Wno-sign-conversion $<$<BOOL:${CEPLAN_WERROR}>:-Werror>)

if(CEPLAN_FUZZ)
  # Coverage instrumentation for everything ceplan compiles; the targets add the fuzzer main.
  add_compile_options(-fsanitize=fuzzer-no-link)
endif()

if(CEPLAN_SANITIZE)
  add_compile_options(-fsanitize=${CEPLAN_SANITIZE} -fno-omit-frame-pointer -fno-sanitize-recover=all)
  add_link_options(-fsanitize=${CEPLAN_SANITIZE})
endif()

# A compiler cache, when one is installed (scripts/install-deps.sh installs it): the test script
# builds the same sources three times (dev, asan, fuzz), and every later run of it rebuilds only
# what changed.
find_program(CEPLAN_CCACHE ccache)
if(CEPLAN_CCACHE AND NOT CMAKE_CXX_COMPILER_LAUNCHER)
  set(CMAKE_CXX_COMPILER_LAUNCHER ${CEPLAN_CCACHE})
endif()
