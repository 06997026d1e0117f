#pragma once
// SQL text is rendered at compile time by a two-pass writer: the first pass only counts
// characters, the second fills a char array of exactly that size. `constexpr std::string`
// does not work on clang 14 + libstdc++ 12, and this was also the cheapest form measured.
#include <cstddef>
#include <string_view>

namespace sqlforge {

// Pass one: how long is the text, how many parameters does it hold.
struct length_counter {
    std::size_t size = 0;
    std::size_t params = 0;
    bool expand_labels = false;  // inside WHERE: a labelled expression is written out in full
    constexpr void put(std::string_view s) { size += s.size(); }
    constexpr void put(char) { ++size; }
    constexpr void put_number(std::size_t n) {
        do { ++size; n /= 10; } while (n != 0);
    }
};

// Pass two: write into a buffer of the length pass one found.
template <std::size_t N>
struct text_buffer {
    char data[N + 1]{};
    std::size_t size = 0;
    std::size_t params = 0;
    bool expand_labels = false;
    constexpr void put(std::string_view s) {
        for (char c : s) data[size++] = c;
    }
    constexpr void put(char c) { data[size++] = c; }
    constexpr void put_number(std::size_t n) {
        char digits[20]{};
        int k = 0;
        do { digits[k++] = static_cast<char>('0' + n % 10); n /= 10; } while (n != 0);
        while (k > 0) data[size++] = digits[--k];
    }
    constexpr std::string_view view() const { return {data, size}; }
};

// Renders `Node` for `Dialect` once per program; the text lives in static storage, so its
// address is a stable key for the per-connection statement cache.
template <class Dialect, class Node>
struct rendered {
    static constexpr length_counter measure() {
        length_counter c;
        Node::template render<Dialect>(c);
        return c;
    }
    static constexpr std::size_t size = measure().size;
    static constexpr std::size_t param_count = measure().params;
    static constexpr text_buffer<size> text = [] {
        text_buffer<size> b;
        Node::template render<Dialect>(b);
        return b;
    }();
    static constexpr std::string_view view() { return text.view(); }
};

template <class Dialect, class Node>
constexpr std::string_view sql_text() {
    return rendered<Dialect, Node>::view();
}

}  // namespace sqlforge
