#pragma once
// Everything: the query language, the ORM session, and every backend this build found.
#include <sqlforge/dsl.hpp>
#include <sqlforge/orm/backends.hpp>
#include <sqlforge/orm/connection.hpp>
#include <sqlforge/orm/create_all.hpp>
#include <sqlforge/orm/engine.hpp>
#include <sqlforge/orm/errors.hpp>
#include <sqlforge/orm/query.hpp>
#include <sqlforge/orm/query_impl.hpp>
#include <sqlforge/orm/result.hpp>
#include <sqlforge/orm/session.hpp>
#include <sqlforge/orm/table_view.hpp>
#include <sqlforge/orm/text.hpp>
#include <sqlforge/orm/url.hpp>
#include <sqlforge/stmt/by_key.hpp>
