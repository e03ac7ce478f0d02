#pragma once
// The top rule of the grammar: one `workflow NAME "label" { ... }` per file.

#include "grammar/config.hpp"

namespace dojang::dsl::grammar {

struct workflow_file_class;
using workflow_file_type = x3::rule<workflow_file_class, ast::Workflow>;
BOOST_SPIRIT_DECLARE(workflow_file_type)
extern workflow_file_type const workflow_file;

}  // namespace dojang::dsl::grammar
