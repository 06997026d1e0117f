// expect: sqlforge: harness self-test
// Proves the compile-fail harness itself (tests/compile_fail/check.cmake), without any
// sqlforge header: the valid form must compile, the guarded form must fail with the message
// on the first line.
//
// Convention for every file in this folder: line 1 is "// expect: <text>", the text the
// compiler must print (our static_assert messages all start with "sqlforge: "); the wrong
// form sits under #ifdef SQLFORGE_COMPILE_FAIL, everything else must compile cleanly with
// the project's warning flags.
#include <type_traits>

template <class T>
constexpr bool check_integral() {
    static_assert(std::is_integral_v<T>, "sqlforge: harness self-test");
    return true;
}

static_assert(check_integral<int>());            // valid form

#ifdef SQLFORGE_COMPILE_FAIL
static_assert(check_integral<const char*>());    // wrong form: must trip the message above
#endif
