#pragma once
// Shared by the reliability tests (issue 8): scratch directories, child processes (fork, a
// pipe of 8-byte records back to the parent), resident memory, pool leak checks, and the
// knobs that the test command or a person running them by hand can turn through the
// environment (SQLFORGE_CRASH_KILLS, SQLFORGE_LOAD_SECONDS, ...).
//
// Every table here starts with rel_, so these tests can share the MariaDB test database with
// the rest of the suite while ctest runs binaries in parallel.
#include "../integration/backends.hpp"

#include <chrono>
#include <cerrno>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <random>
#include <string>
#include <system_error>
#include <thread>
#include <vector>

#include <fcntl.h>
#include <poll.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

namespace reltest {

namespace sf = sqlforge;
using clock_type = std::chrono::steady_clock;
using namespace std::chrono_literals;

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
inline constexpr bool sanitized = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
inline constexpr bool sanitized = true;
#else
inline constexpr bool sanitized = false;
#endif
#else
inline constexpr bool sanitized = false;
#endif

inline long long ms_since(clock_type::time_point t0) {
    return std::chrono::duration_cast<std::chrono::milliseconds>(clock_type::now() - t0).count();
}

// A whole number from the environment, or `fallback` when unset; a malformed value fails.
inline long env_number(const char* name, long fallback) {
    const char* v = std::getenv(name);
    if (!v || !*v) return fallback;
    char* end = nullptr;
    const long n = std::strtol(v, &end, 10);
    if (*end != '\0' || n < 0) FAIL(name << "=" << v << " is not a whole number >= 0");
    return n;
}

// The seed of a test's random choices: SQLFORGE_RELIABILITY_SEED, else from the clock; the
// test prints it, so a failing run can be replayed.
inline std::uint64_t seed() {
    const long s = env_number("SQLFORGE_RELIABILITY_SEED", -1);
    if (s >= 0) return static_cast<std::uint64_t>(s);
    return static_cast<std::uint64_t>(clock_type::now().time_since_epoch().count());
}

// A directory of its own under the system temp dir, removed with everything in it.
struct scratch_dir {
    std::filesystem::path path;
    explicit scratch_dir(const char* tag) {
        std::random_device rd;
        std::string name = "sqlforge_rel_";
        name += tag;
        name += '_';
        name += std::to_string(rd());
        path = std::filesystem::temp_directory_path() / name;
        std::filesystem::remove_all(path);
        std::filesystem::create_directories(path);
    }
    scratch_dir(const scratch_dir&) = delete;
    scratch_dir& operator=(const scratch_dir&) = delete;
    ~scratch_dir() {
        std::error_code ec;
        std::filesystem::remove_all(path, ec);
    }
};

// A SQLite file database URL in `dir` with journal mode `mode` (WAL or DELETE) set on the
// file (journal_mode=WAL persists in the file) and the busy timeout in ms.
inline std::string sqlite_file_url(const std::filesystem::path& file, const char* mode, int timeout_ms) {
    std::string url = "sqlite:///";
    url += file.string();
    url += "?timeout=";
    url += std::to_string(timeout_ms);
#if SQLFORGE_HAS_SQLITE
    auto setup = sf::create_engine(url, {.null_pool = true});
    auto c = setup.acquire();
    std::string pragma = "PRAGMA journal_mode=";
    pragma += mode;
    std::get<sf::backend::sqlite::connection>(*c).exec(pragma);
    setup.release(std::move(c));
#else
    (void)mode;
#endif
    return url;
}

// Opened minus closed is what is open now: idle plus checked out; nothing checked out.
inline void check_no_leak(const sf::engine& e) {
    const auto st = e.pool_status();
    CHECK(st.checked_out == 0);
    CHECK(st.opened - st.closed == st.idle);
}

// Resident set size of this process in bytes (/proc/self/statm, second field).
inline std::size_t rss_bytes() {
    std::ifstream in("/proc/self/statm");
    std::size_t total = 0, resident = 0;
    in >> total >> resident;
    return resident * static_cast<std::size_t>(sysconf(_SC_PAGESIZE));
}

// ---- child processes -----------------------------------------------------------------------

// A forked child that runs `body(write_fd)` and _exit()s; the parent reads 8-byte records the
// child writes to the pipe. fork() happens while the parent runs one thread only (the tests
// start their threads after forking), and the child never touches a connection of the parent.
class child_process {
public:
    explicit child_process(const std::function<int(int)>& body) {
        int fds[2];
        REQUIRE(::pipe(fds) == 0);
        std::fflush(nullptr);
        pid_ = ::fork();
        REQUIRE(pid_ >= 0);
        if (pid_ == 0) {
            ::close(fds[0]);
            int rc = 99;
            try {
                rc = body(fds[1]);
            } catch (const std::exception& ex) {
                std::fprintf(stderr, "child process %d failed: %s\n", static_cast<int>(::getpid()), ex.what());
                rc = 98;
            } catch (...) {
                rc = 98;
            }
            ::_exit(rc);  // no atexit handlers, no destructors of the parent's objects
        }
        ::close(fds[1]);
        fd_ = fds[0];
    }
    child_process(const child_process&) = delete;
    child_process& operator=(const child_process&) = delete;
    ~child_process() {
        if (pid_ > 0) {
            ::kill(pid_, SIGKILL);
            wait();
        }
        if (fd_ >= 0) ::close(fd_);
    }

    // Reads one record; false at end of file (the child exited) or after `timeout`.
    bool read(std::int64_t& out, std::chrono::milliseconds timeout) {
        char* p = reinterpret_cast<char*>(&out);
        std::size_t got = 0;
        const auto deadline = clock_type::now() + timeout;
        while (got < sizeof out) {
            const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - clock_type::now());
            if (left.count() <= 0) return false;
            pollfd pfd{fd_, POLLIN, 0};
            const int pr = ::poll(&pfd, 1, static_cast<int>(left.count()));
            if (pr < 0 && errno == EINTR) continue;
            if (pr <= 0) return false;
            const ssize_t n = ::read(fd_, p + got, sizeof out - got);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) return false;
            got += static_cast<std::size_t>(n);
        }
        return true;
    }

    // Every record until the child's end of the pipe closes (it exited or was killed).
    std::vector<std::int64_t> read_all() {
        std::vector<std::int64_t> out;
        std::int64_t v = 0;
        while (read(v, 60s)) out.push_back(v);
        return out;
    }

    void kill_now() {
        if (pid_ > 0) ::kill(pid_, SIGKILL);
    }

    // Waits for the child; its wait status.
    int wait() {
        int status = 0;
        if (pid_ > 0) {
            while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
            }
            pid_ = -1;
            status_ = status;
        }
        return status_;
    }

    pid_t pid() const noexcept { return pid_; }

private:
    pid_t pid_ = -1;
    int fd_ = -1;
    int status_ = 0;
};

// For the child: writes one record (8 bytes are written at once on a pipe).
inline bool send(int fd, std::int64_t v) {
    return ::write(fd, &v, sizeof v) == static_cast<ssize_t>(sizeof v);
}

}  // namespace reltest
