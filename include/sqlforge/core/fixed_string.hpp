#pragma once
// A string usable as a template argument: labels (`as<"n">()`), table names in traits,
// column type overrides. Structural type, so equal strings make equal types.
#include <cstddef>
#include <string_view>

namespace sqlforge {

template <std::size_t N>
struct fixed_string {
    char data[N]{};  // includes the terminating '\0'

    constexpr fixed_string(const char (&s)[N]) {
        for (std::size_t i = 0; i < N; ++i) data[i] = s[i];
    }
    static constexpr std::size_t size() { return N - 1; }
    constexpr std::string_view view() const { return {data, N - 1}; }
    constexpr operator std::string_view() const { return view(); }

    template <std::size_t M>
    constexpr bool operator==(const fixed_string<M>& o) const {
        return view() == o.view();
    }
};

}  // namespace sqlforge
