# SPDX-License-Identifier: GPL-3.0-or-later
# Finds the libraries Comb links, the same way on Debian, MSYS2 (Windows) and Homebrew (macOS),
# so those builds need no patches (docs/building.md). CMake's own packages where every platform
# has one (Boost, SQLite3, nlohmann_json, CLI11, ZLIB); pkg-config for the rest, falling back to
# the library's CMake package where it has one (vcpkg, Conan). Either way each of the rest is the
# imported target PkgConfig::NAME that the targets link.
find_package(PkgConfig REQUIRED)
find_package(Threads REQUIRED)
find_package(Boost 1.74 REQUIRED)
find_package(SQLite3 REQUIRED)
find_package(nlohmann_json 3 REQUIRED)
find_package(CLI11 REQUIRED)
find_package(ZLIB REQUIRED)

# Homebrew keeps keg-only formulae (icu4c) out of pkg-config's default path.
if(APPLE)
  find_program(BREW_PROGRAM brew)
  if(BREW_PROGRAM)
    foreach(keg icu4c)
      execute_process(COMMAND ${BREW_PROGRAM} --prefix ${keg} OUTPUT_VARIABLE prefix
                      OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET RESULT_VARIABLE rc)
      if(rc EQUAL 0 AND EXISTS "${prefix}/lib/pkgconfig")
        set(ENV{PKG_CONFIG_PATH} "${prefix}/lib/pkgconfig:$ENV{PKG_CONFIG_PATH}")
      endif()
    endforeach()
  endif()
endif()

# comb_find(NAME "MODULES" [CONFIG PACKAGE [COMPONENTS...] TARGETS...] DEBIAN pkg MSYS2 pkg BREW formula):
# PkgConfig::NAME from the pkg-config MODULES, else from find_package(PACKAGE CONFIG)'s TARGETS.
macro(comb_find name modules)
  cmake_parse_arguments(CF "" "CONFIG;DEBIAN;MSYS2;BREW" "TARGETS;COMPONENTS" ${ARGN})
  pkg_check_modules(${name} QUIET IMPORTED_TARGET ${modules})
  if(NOT ${name}_FOUND AND CF_CONFIG)
    if(CF_COMPONENTS)
      find_package(${CF_CONFIG} QUIET COMPONENTS ${CF_COMPONENTS})
    else()
      find_package(${CF_CONFIG} QUIET)
    endif()
    set(cf_found TRUE)
    foreach(t IN LISTS CF_TARGETS)
      if(NOT TARGET ${t})
        set(cf_found FALSE)
      endif()
    endforeach()
    if(cf_found)
      add_library(PkgConfig::${name} INTERFACE IMPORTED)
      target_link_libraries(PkgConfig::${name} INTERFACE ${CF_TARGETS})
      set(${name}_FOUND TRUE)
      message(STATUS "${modules}: from the CMake package ${CF_CONFIG}")
    endif()
  endif()
  if(NOT ${name}_FOUND)
    message(FATAL_ERROR "Comb needs ${modules} (pkg-config). Install it: Debian ${CF_DEBIAN}, "
                        "MSYS2 ${CF_MSYS2}, Homebrew ${CF_BREW}; or set PKG_CONFIG_PATH or "
                        "CMAKE_PREFIX_PATH to where it is. See docs/building.md.")
  endif()
endmacro()

comb_find(XAPIAN "xapian-core" DEBIAN libxapian-dev MSYS2 mingw-w64-ucrt-x86_64-xapian-core BREW xapian)
comb_find(PUGIXML "pugixml" CONFIG pugixml TARGETS pugixml::pugixml
          DEBIAN libpugixml-dev MSYS2 mingw-w64-ucrt-x86_64-pugixml BREW pugixml)
comb_find(LIBZIP "libzip" CONFIG libzip TARGETS libzip::zip
          DEBIAN libzip-dev MSYS2 mingw-w64-ucrt-x86_64-libzip BREW libzip)
comb_find(POPPLER_CPP "poppler-cpp" DEBIAN libpoppler-cpp-dev MSYS2 mingw-w64-ucrt-x86_64-poppler BREW poppler)
comb_find(XLSXWRITER "xlsxwriter" DEBIAN libxlsxwriter-dev MSYS2 mingw-w64-ucrt-x86_64-libxlsxwriter BREW libxlsxwriter)
comb_find(UCHARDET "uchardet" DEBIAN libuchardet-dev MSYS2 mingw-w64-ucrt-x86_64-uchardet BREW uchardet)
comb_find(ICU "icu-uc;icu-i18n" CONFIG ICU COMPONENTS uc i18n TARGETS ICU::uc ICU::i18n
          DEBIAN libicu-dev MSYS2 mingw-w64-ucrt-x86_64-icu BREW icu4c)

# jemalloc as the programs' allocator (issue 17): Xapian's index writer allocates and frees
# millions of small map nodes and strings; with glibc's malloc that was ~15 % of an index
# build's CPU (malloc, free, malloc_consolidate), with jemalloc the build takes ~20 % less CPU
# (bench/PROFILE.md). Optional: without it (or with the sanitizers, which bring their own
# allocator) the programs use the C library's malloc. Linked into executables only
# (comb, comb-gui, comb_bench), through comb_malloc.
option(COMB_JEMALLOC "Link the programs with jemalloc when it is installed" ON)
add_library(comb_malloc INTERFACE)
if(COMB_JEMALLOC AND NOT COMB_SANITIZE AND NOT COMB_FUZZ)
  pkg_check_modules(JEMALLOC QUIET IMPORTED_TARGET jemalloc)
  if(JEMALLOC_FOUND)
    target_link_libraries(comb_malloc INTERFACE PkgConfig::JEMALLOC)
    message(STATUS "jemalloc: the programs' allocator")
  else()
    message(STATUS "jemalloc: not found (Debian libjemalloc-dev); the programs use malloc")
  endif()
endif()
