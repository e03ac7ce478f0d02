#pragma once
// The schema, as numbered migrations per backend, and the code that applies the missing ones.

#include "connection.hpp"

namespace dojang::store::detail {

// The schema version this program writes.
[[nodiscard]] int latest_schema_version();

// Creates the schema or applies the migrations the database lacks, in one transaction, and
// returns the version. Schema when the database is newer than this program.
[[nodiscard]] Result<int> migrate(Connection& db);

}  // namespace dojang::store::detail
