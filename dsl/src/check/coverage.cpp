// Gaps and overlaps of `unique` decision tables.

#include "check/lowering.hpp"
#include "dojang/engine/table_coverage.hpp"

namespace dojang::dsl::detail {

void Checker::table_coverage(engine::Index ti, const std::vector<Typed>& inputs,
                             const std::vector<std::vector<engine::CellTest>>& rows) {
  auto const& table = m_ast.tables[ti];
  std::vector<engine::ColumnDomain> columns;
  for (std::size_t c = 0; c < inputs.size(); ++c) {
    engine::ColumnDomain d;
    d.name = source_of(*table.inputs[c], 30);
    Typed const& in = inputs[c];
    switch (in.ir.type) {
      case Type::Number:
      case Type::Money:  // cells compare it with number literals
        d.kind = engine::ColumnDomain::Kind::Number;
        d.range.lo = in.range.lo;
        d.range.hi = in.range.hi;
        break;
      case Type::Bool:
        d.kind = engine::ColumnDomain::Kind::Bool;
        d.values = {"false", "true"};
        break;
      case Type::Text:
        if (in.declared && in.declared->kind == engine::FieldKind::OneOf) {
          d.kind = engine::ColumnDomain::Kind::Enum;
          d.values = in.declared->values;
        } else {
          d.kind = engine::ColumnDomain::Kind::Text;
        }
        break;
      default:
        return;  // dates, durations, lists: not analysed
    }
    columns.push_back(std::move(d));
  }
  engine::TableCoverage const cov = engine::analyse_table(columns, rows);
  for (std::size_t i = 0; i < cov.overlaps.size(); ++i) {
    auto const [first, second] = cov.overlaps[i];
    error(table.rows[second],
          "rows " + std::to_string(first + 1) + " and " + std::to_string(second + 1) +
              " of unique table '" + table.name.text + "' both match " + cov.overlap_examples[i],
          {"a 'unique' table needs exactly one row for every input; use 'hit first' if the first "
           "match should win"});
  }
  if (cov.complete && !cov.gaps.empty()) {
    std::vector<std::string> notes;
    for (auto const& g : cov.gaps) notes.push_back("no row for " + g);
    warning(table.name,
            "unique table '" + table.name.text +
                "' has gaps: for some inputs no row matches and its results are null",
            std::move(notes));
  }
}

}  // namespace dojang::dsl::detail
