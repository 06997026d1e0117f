#pragma once
// Models shared by the integration tests.
#include <sqlforge/sqlforge.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace test {

struct Job {
    std::int64_t id;
    std::string name;
    int status;
    std::optional<std::string> note;
};

// Every scalar type the schema layer maps, nullable and not.
struct AllTypes {
    std::int64_t id;
    std::int8_t i8;
    std::int16_t i16;
    std::int32_t i32;
    std::int64_t i64;
    std::uint8_t u8;
    std::uint16_t u16;
    std::uint32_t u32;
    std::uint64_t u64;
    bool flag;
    float f;
    double d;
    std::string text;
    std::vector<std::byte> blob;
    std::optional<std::int32_t> maybe_int;
    std::optional<double> maybe_double;
    std::optional<std::string> maybe_text;
    std::optional<bool> maybe_flag;
};

struct Tag {
    std::int64_t id;
    std::string label;
};

}  // namespace test

template <>
struct sqlforge::table_traits<test::Tag> {
    static constexpr std::tuple constraints{sqlforge::unique<&test::Tag::label>{}};
};

namespace sf = sqlforge;
SQLFORGE_COLUMNS(job, test::Job, id, name, status, note)
SQLFORGE_COLUMNS(tag, test::Tag, id, label)
SQLFORGE_COLUMNS(all_types, test::AllTypes, id, i8, i32, i64, u64, text, maybe_int, maybe_text)
