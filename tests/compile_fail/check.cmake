# Compile-fail check for one tests/compile_fail/<name>.cpp, run by CTest as
#   cmake -DCXX=<compiler> -DSOURCE=<file.cpp> -DINCLUDES=<a|b> -DSYSTEM_INCLUDES=<a|b>
#         -DDEFINES=<A=1|B=1> -DFLAGS=<-std=c++20|-Wall|...> -P check.cmake
# (lists are joined with '|').
#
# The file's first line is   // expect: <text>
# and the file holds a valid form plus the wrong form guarded by #ifdef SQLFORGE_COMPILE_FAIL.
#   (a) compiled with -fsyntax-only WITHOUT SQLFORGE_COMPILE_FAIL it must compile: this proves
#       the test can only fail because of the guarded line;
#   (b) compiled WITH -DSQLFORGE_COMPILE_FAIL it must fail, and the compiler's output must
#       contain <text> (e.g. the static_assert message "sqlforge: ...").
# Otherwise it prints the first 40 lines of what the compiler said and fails.
cmake_minimum_required(VERSION 3.20)

foreach(var IN ITEMS CXX SOURCE)
    if(NOT DEFINED ${var} OR "${${var}}" STREQUAL "")
        message(FATAL_ERROR "check.cmake: -D${var}=... is required")
    endif()
endforeach()

foreach(var IN ITEMS INCLUDES SYSTEM_INCLUDES DEFINES FLAGS)
    if(NOT DEFINED ${var})
        set(${var} "")
    endif()
    string(REPLACE "|" ";" ${var} "${${var}}")
endforeach()

get_filename_component(name "${SOURCE}" NAME)

# --- the expectation: first line "// expect: <text>" ---------------------------------------
file(STRINGS "${SOURCE}" first_line LIMIT_COUNT 1)
if(NOT first_line MATCHES "^//[ \t]*expect:[ \t]*(.*[^ \t\r])[ \t\r]*$")
    message(FATAL_ERROR "${name}: the first line must be '// expect: <text the compiler must print>', got: '${first_line}'")
endif()
set(expected "${CMAKE_MATCH_1}")
# file(STRINGS) returns a list, so a ';' in the line comes back escaped as "\;": undo that,
# the text is matched as written (several messages hold a ';').
string(REPLACE "\\;" ";" expected "${expected}")

set(cmd "${CXX}" ${FLAGS})
foreach(d IN LISTS DEFINES)
    if(NOT d STREQUAL "")
        list(APPEND cmd "-D${d}")
    endif()
endforeach()
foreach(d IN LISTS INCLUDES)
    if(NOT d STREQUAL "")
        list(APPEND cmd "-I${d}")
    endif()
endforeach()
foreach(d IN LISTS SYSTEM_INCLUDES)
    if(NOT d STREQUAL "")
        list(APPEND cmd -isystem "${d}")
    endif()
endforeach()
list(APPEND cmd -fsyntax-only)

# The precompiled <sqlforge/dsl.hpp> (tests/CMakeLists.txt), when it was built: g++ takes it
# through -include of the header beside it (and falls back to the header if it does not fit),
# clang++ through -include-pch. Without it the tests only take longer.
if(DEFINED PCH AND NOT PCH STREQUAL "" AND EXISTS "${PCH}")
    if(COMPILER_ID MATCHES "Clang")
        list(APPEND cmd -include-pch "${PCH}")
    else()
        list(APPEND cmd -include "${PCH_HEADER}")
    endif()
endif()

function(show_output what output)
    # first 40 lines, cut by offset (a list split would also split at every ';')
    set(rest "${output}")
    set(shown "")
    set(n 0)
    while(n LESS 40 AND NOT rest STREQUAL "")
        string(FIND "${rest}" "\n" nl)
        if(nl EQUAL -1)
            string(APPEND shown "${rest}\n")
            set(rest "")
        else()
            math(EXPR after "${nl} + 1")
            string(SUBSTRING "${rest}" 0 ${after} line)
            string(SUBSTRING "${rest}" ${after} -1 rest)
            string(APPEND shown "${line}")
        endif()
        math(EXPR n "${n} + 1")
    endwhile()
    if(NOT rest STREQUAL "")
        string(APPEND shown "... (output cut after 40 lines)\n")
    endif()
    message("---- ${what} (first 40 lines) ----\n${shown}----")
endfunction()

# --- (a) without the macro: must compile --------------------------------------------------
execute_process(COMMAND ${cmd} "${SOURCE}"
    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
if(NOT rc EQUAL 0)
    list(JOIN cmd " " cmd_text)
    message("command: ${cmd_text} ${SOURCE}")
    show_output("compiler output without SQLFORGE_COMPILE_FAIL" "${out}")
    message(FATAL_ERROR
        "${name}: FAILED phase (a): the file must compile without SQLFORGE_COMPILE_FAIL "
        "(exit code ${rc}); fix the valid form first, so that only the guarded line can fail")
endif()

# --- (b) with the macro: must fail, with the expected text --------------------------------
execute_process(COMMAND ${cmd} -DSQLFORGE_COMPILE_FAIL "${SOURCE}"
    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
if(rc EQUAL 0)
    list(JOIN cmd " " cmd_text)
    message("command: ${cmd_text} -DSQLFORGE_COMPILE_FAIL ${SOURCE}")
    show_output("compiler output with SQLFORGE_COMPILE_FAIL" "${out}")
    message(FATAL_ERROR
        "${name}: FAILED phase (b): the file compiled with SQLFORGE_COMPILE_FAIL, but must not "
        "(expected: '${expected}')")
endif()
string(FIND "${out}" "${expected}" at)
if(at EQUAL -1)
    list(JOIN cmd " " cmd_text)
    message("command: ${cmd_text} -DSQLFORGE_COMPILE_FAIL ${SOURCE}")
    show_output("compiler output with SQLFORGE_COMPILE_FAIL" "${out}")
    message(FATAL_ERROR
        "${name}: FAILED phase (b): compilation failed as it should (exit code ${rc}), but the "
        "output does not contain the expected text '${expected}'")
endif()

message("${name}: OK: compiles without SQLFORGE_COMPILE_FAIL; with it, fails with '${expected}'")
