#pragma once
// sf::retry_on_deadlock(engine, fn, attempts): runs fn(session&) in a fresh session and
// commits; when the database gave up on the transaction because of another one -- MySQL
// deadlock (1213) or lock wait timeout (1205), SQLite SQLITE_BUSY (after its busy timeout,
// any extended BUSY code) -- the transaction is rolled back and the whole of fn runs again
// in a new session, up to `attempts` times in all, with a short growing pause between tries.
// Any other error, and the last attempt's, propagates. fn must be safe to run again: it sees
// a fresh session each time and should not keep results of a failed attempt.
//
//   sf::retry_on_deadlock(engine, [&](sf::session& s) {
//       s.execute(sf::update<Account>().set(account::balance = account::balance - 10).where(account::id == 1));
//       s.execute(sf::update<Account>().set(account::balance = account::balance + 10).where(account::id == 2));
//   });
#include <sqlforge/orm/errors.hpp>
#include <sqlforge/orm/session.hpp>

#include <chrono>
#include <concepts>
#include <functional>
#include <string>
#include <thread>
#include <type_traits>
#include <utility>

namespace sqlforge {

namespace detail {

// Did the database abort the transaction because another one held what it needed?
inline bool is_transient_conflict(backend_kind kind, const operational_error& e) noexcept {
    if (kind == backend_kind::mysql) return e.code() == 1213 || e.code() == 1205;
    return (e.code() & 0xff) == 5;  // SQLITE_BUSY and its extended codes (BUSY_SNAPSHOT ...)
}

}  // namespace detail

template <class F>
    requires std::invocable<F&, session&>
std::invoke_result_t<F&, session&> retry_on_deadlock(const engine& e, F&& fn, int attempts = 3) {
    if (attempts < 1)
        throw argument_error("sqlforge: retry_on_deadlock needs attempts >= 1, not " + std::to_string(attempts));
    for (int attempt = 1;; ++attempt) {
        session s{e};
        try {
            if constexpr (std::is_void_v<std::invoke_result_t<F&, session&>>) {
                std::invoke(fn, s);
                s.commit();
                return;
            } else {
                auto r = std::invoke(fn, s);
                s.commit();
                return r;
            }
        } catch (const operational_error& err) {
            if (attempt >= attempts || !detail::is_transient_conflict(e.kind(), err)) throw;
        }
        s.close();
        std::this_thread::sleep_for(std::chrono::milliseconds(5 * attempt));
    }
}

}  // namespace sqlforge
