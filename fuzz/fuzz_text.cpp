// libFuzzer target: the named-parameter parser of sf::text() (include/sqlforge/orm/text.hpp).
// Any input either builds a text or throws sqlforge::argument_error. For a text that was
// built, each backend's form is checked: its slots point at its names, the names are unique
// and each is a word; check() accepts exactly one value per name and refuses a missing, an
// unknown or a repeated one with argument_error (or, for a form that does not parse under
// that backend's quoting rule, refuses everything with argument_error).
#include <sqlforge/orm/text.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace sf = sqlforge;

namespace {

[[noreturn]] void broken() { __builtin_trap(); }

template <class F>
bool throws_argument_error(F&& f) {
    try {
        f();
    } catch (const sf::argument_error&) {
        return true;
    }
    return false;
}

void check_form(const sf::text& t, sf::backend_kind k) {
    const auto& f = t.form(k);
    if (t.placeholder_count(k) != f.slots.size()) broken();
    for (std::uint32_t s : f.slots)
        if (s >= f.names.size()) broken();
    for (std::size_t i = 0; i < f.names.size(); ++i) {
        if (f.names[i].empty()) broken();
        for (char c : f.names[i])
            if (!sf::detail::is_word_byte(c)) broken();
        for (std::size_t j = 0; j < i; ++j)
            if (f.names[i] == f.names[j]) broken();
    }
    // Every `?` of the form is one slot, unless it sits inside quotes or a comment (kept as written).
    std::size_t marks = 0;
    for (char c : f.sql) marks += c == '?' ? 1 : 0;
    if (marks < f.slots.size()) broken();

    sf::params exact;
    for (const std::string& n : f.names) exact.push_back({n, 1});
    if (!f.error.empty()) {
        if (!throws_argument_error([&] { t.check(exact, k); })) broken();
        return;
    }
    if (throws_argument_error([&] { t.check(exact, k); })) broken();
    if (!f.names.empty()) {
        sf::params missing(exact.begin() + 1, exact.end());
        if (!throws_argument_error([&] { t.check(missing, k); })) broken();
        sf::params twice = exact;
        twice.push_back(exact.front());
        if (!throws_argument_error([&] { t.check(twice, k); })) broken();
    }
    sf::params unknown = exact;
    unknown.push_back({"no such parameter \x01", std::nullopt});
    if (!throws_argument_error([&] { t.check(unknown, k); })) broken();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view sql(reinterpret_cast<const char*>(data), size);
    try {
        const sf::text t{sql};
        if (t.original() != sql) broken();
        check_form(t, sf::backend_kind::sqlite);
        check_form(t, sf::backend_kind::mysql);
        const sf::text copy = t;  // copyable, same forms
        if (copy.sql(sf::backend_kind::mysql) != t.sql(sf::backend_kind::mysql)) broken();
    } catch (const sf::argument_error& e) {
        if (std::string_view(e.what()).substr(0, 10) != "sqlforge: ") broken();
    }
    return 0;
}
