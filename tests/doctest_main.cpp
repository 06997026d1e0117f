// The one main() shared by every doctest binary (compiled once, linked into each).
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
