// dsl::format: the procedure and its top-level groups in canonical layout.

#include "dojang/dsl/format.hpp"

#include <algorithm>

#include "dojang/dsl/parse.hpp"
#include "dojang/dsl/text_width.hpp"
#include "format_formatter.hpp"

namespace dojang::dsl {

namespace detail {

namespace {

// A type wider than this does not widen the `required` column of the fields block: it is
// followed by a single blank instead.
constexpr std::size_t kMaxAlignedType = 16;

std::string hit_name(ast::HitPolicy hit) {
  switch (hit) {
    case ast::HitPolicy::First:
      return "first";
    case ast::HitPolicy::Unique:
      return "unique";
    case ast::HitPolicy::Collect:
      return "collect";
  }
  return "first";
}

enum class ItemKind { Role, Field, Let, Table, Start, UnitFrom, State };

struct Item {
  std::uint32_t offset = 0;
  ItemKind kind = ItemKind::State;
  std::size_t index = 0;
};

bool one_line_final(const ast::State& s) {
  return s.kind == ast::StateKind::Final && !s.has_body;
}

}  // namespace

std::string pad(std::string text, std::size_t width) {
  std::size_t const w = display_width(text);
  if (w < width) text.append(width - w, ' ');
  return text;
}

std::optional<Anchor> Formatter::header(std::uint32_t begin, std::uint32_t after,
                                        std::size_t within) const {
  if (auto brace = m_scan.after(after, "{", within)) return Anchor{begin, brace->end()};
  return std::nullopt;
}

std::uint32_t Formatter::end_of(std::uint32_t end) const {
  std::size_t const i = m_scan.first_at_or_after(end);
  if (i == 0) return end;
  return std::min(end, m_scan.token(i - 1).end());
}

std::optional<Anchor> Formatter::closing(const ast::Node& n) const {
  std::uint32_t const end = end_of(n.end());
  if (end == 0 || end > m_source.size() || m_source[end - 1] != '}') return std::nullopt;
  return Anchor{end - 1, end};
}

void Formatter::close(int indent, std::optional<Anchor> anchor) {
  m_out.line(indent, "}", anchor, true);
}

std::string Formatter::run(const ast::Workflow& wf) {
  std::string head = "workflow " + wf.name.text;
  if (!wf.label.empty()) head += " " + quote(wf.label);
  m_out.line(0, head + " {", header(wf.offset, wf.name.end(), 2));

  std::vector<Item> items;
  for (std::size_t i = 0; i < wf.roles.size(); ++i) {
    items.push_back({wf.roles[i].offset, ItemKind::Role, i});
  }
  for (std::size_t i = 0; i < wf.fields.size(); ++i) {
    items.push_back({wf.fields[i].offset, ItemKind::Field, i});
  }
  for (std::size_t i = 0; i < wf.lets.size(); ++i) {
    items.push_back({wf.lets[i].offset, ItemKind::Let, i});
  }
  for (std::size_t i = 0; i < wf.tables.size(); ++i) {
    items.push_back({wf.tables[i].offset, ItemKind::Table, i});
  }
  if (wf.start) items.push_back({wf.start->offset, ItemKind::Start, 0});
  if (wf.unit_from) items.push_back({wf.unit_from->offset, ItemKind::UnitFrom, 0});
  for (std::size_t i = 0; i < wf.states.size(); ++i) {
    items.push_back({wf.states[i].offset, ItemKind::State, i});
  }
  std::stable_sort(items.begin(), items.end(),
                   [](const Item& a, const Item& b) { return a.offset < b.offset; });

  // Groups: a run of roles, of fields, of lets or of one-line finals; or one table, start or
  // state. A blank line between groups.
  std::size_t i = 0;
  bool first = true;
  while (i < items.size()) {
    if (!first) m_out.blank();
    first = false;
    Item const& item = items[i];
    auto const run_of = [&](auto&& same) {
      std::size_t j = i;
      while (j < items.size() && same(items[j])) ++j;
      return j;
    };
    auto const kind_is = [](ItemKind k) { return [k](const Item& it) { return it.kind == k; }; };
    switch (item.kind) {
      case ItemKind::Role: {
        std::size_t const j = run_of(kind_is(ItemKind::Role));
        std::vector<const ast::Role*> run;
        for (; i < j; ++i) run.push_back(&wf.roles[items[i].index]);
        roles(run);
        break;
      }
      case ItemKind::Field: {
        std::size_t const j = run_of(kind_is(ItemKind::Field));
        std::vector<const ast::Field*> run;
        for (; i < j; ++i) run.push_back(&wf.fields[items[i].index]);
        fields(run);
        break;
      }
      case ItemKind::Let: {
        std::size_t const j = run_of(kind_is(ItemKind::Let));
        for (; i < j; ++i) let(wf.lets[items[i].index]);
        break;
      }
      case ItemKind::Table:
        table(wf.tables[item.index]);
        ++i;
        break;
      case ItemKind::Start:
        start(*wf.start);
        ++i;
        break;
      case ItemKind::UnitFrom: {
        auto const word = m_scan.before(wf.unit_from->offset, "unit");
        m_out.line(1, "unit from " + wf.unit_from->text,
                   Anchor{word ? word->offset : wf.unit_from->offset, wf.unit_from->end()});
        ++i;
        break;
      }
      case ItemKind::State:
        if (one_line_final(wf.states[item.index])) {
          std::size_t const j = run_of([&](const Item& it) {
            return it.kind == ItemKind::State && one_line_final(wf.states[it.index]);
          });
          std::vector<const ast::State*> run;
          for (; i < j; ++i) run.push_back(&wf.states[items[i].index]);
          finals(run);
        } else {
          state(wf.states[item.index]);
          ++i;
        }
        break;
    }
  }
  close(0, closing(wf));
  return m_out.render(m_scan.comments());
}

void Formatter::roles(const std::vector<const ast::Role*>& run) {
  std::optional<Anchor> head;
  if (auto brace = m_scan.before(run.front()->offset, "{")) {
    if (auto word = m_scan.before(brace->offset, "roles"))
      head = Anchor{word->offset, brace->end()};
  }
  m_out.line(1, "roles {", head);
  std::size_t name_width = 0;
  for (const ast::Role* r : run) name_width = std::max(name_width, display_width(r->name.text));
  for (const ast::Role* r : run) {
    std::string text =
        r->label.empty() ? r->name.text : pad(r->name.text, name_width) + " " + quote(r->label);
    if (r->scope == ast::RoleScope::Unit) text += " in unit";
    if (r->scope == ast::RoleScope::UnitAndBelow) text += " in unit and below";
    m_out.line(2, std::move(text), node(*r));
  }
  std::optional<Anchor> end;
  if (auto brace = m_scan.after(end_of(run.back()->end()), "}"))
    end = Anchor{brace->offset, brace->end()};
  close(1, end);
}

void Formatter::fields(const std::vector<const ast::Field*>& run) {
  std::optional<Anchor> head;
  if (auto brace = m_scan.before(run.front()->offset, "{")) {
    if (auto word = m_scan.before(brace->offset, "fields")) {
      head = Anchor{word->offset, brace->end()};
    }
  }
  m_out.line(1, "fields {", head);
  std::size_t name_width = 0, label_width = 0, required_column = 0;
  for (const ast::Field* f : run) {
    name_width = std::max(name_width, display_width(f->name.text));
    if (!f->label.empty()) label_width = std::max(label_width, display_width(quote(f->label)));
    std::size_t const type_width = display_width(print_type(f->type, m_source));
    if (f->required && type_width <= kMaxAlignedType) {
      required_column = std::max(required_column, type_width);
    }
  }
  for (const ast::Field* f : run) {
    std::string text = pad(f->name.text, name_width) + " ";
    if (label_width > 0) text += pad(f->label.empty() ? "" : quote(f->label), label_width) + "  ";
    std::string const type = print_type(f->type, m_source);
    if (f->required) {
      text += pad(type, required_column) + " required";
    } else {
      text += type;
    }
    m_out.line(2, std::move(text), node(*f));
  }
  std::optional<Anchor> end;
  if (auto brace = m_scan.after(end_of(run.back()->end()), "}"))
    end = Anchor{brace->offset, brace->end()};
  close(1, end);
}

void Formatter::let(const ast::Let& let) {
  m_out.line(1, "let " + let.name.text + " = " + (let.value ? print_expr(*let.value) : "null"),
             node(let));
}

void Formatter::start(const ast::Name& target) {
  auto const word = m_scan.before(target.offset, "start");
  m_out.line(1, "start " + target.text, Anchor{word ? word->offset : target.offset, target.end()});
}

void Formatter::table(const ast::Table& t) {
  std::string head = "table " + t.name.text;
  if (!t.label.empty()) head += " " + quote(t.label);
  head += " hit " + hit_name(t.hit) + " {";
  m_out.line(1, std::move(head), header(t.offset, t.hit_pos.end(), 1));

  std::string given = "given ";
  for (std::size_t i = 0; i < t.inputs.size(); ++i) {
    if (i > 0) given += ", ";
    given += print_expr(*t.inputs[i]);
  }
  std::optional<Anchor> given_anchor;
  if (!t.inputs.empty()) {
    auto const word = m_scan.before(t.inputs.front()->offset, "given");
    given_anchor =
        Anchor{word ? word->offset : t.inputs.front()->offset, end_of(t.inputs.back()->end())};
  }
  m_out.line(2, std::move(given), given_anchor);

  std::string yields = "yields ";
  for (std::size_t i = 0; i < t.outputs.size(); ++i) {
    if (i > 0) yields += ", ";
    yields += t.outputs[i].name.text + " " + print_type(t.outputs[i].type, m_source);
  }
  std::optional<Anchor> yields_anchor;
  if (!t.outputs.empty()) {
    auto const word = m_scan.before(t.outputs.front().offset, "yields");
    yields_anchor =
        Anchor{word ? word->offset : t.outputs.front().offset, end_of(t.outputs.back().end())};
  }
  m_out.line(2, std::move(yields), yields_anchor);

  // The `->` of the rows in one column.
  std::vector<std::string> cells;
  std::size_t width = 0;
  for (const ast::Row& row : t.rows) {
    std::string text;
    for (std::size_t i = 0; i < row.cells.size(); ++i) {
      if (i > 0) text += ", ";
      text += print_cell(row.cells[i]);
    }
    width = std::max(width, display_width(text));
    cells.push_back(std::move(text));
  }
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    std::string text = "row " + pad(cells[r], width) + " ->";
    for (std::size_t i = 0; i < t.rows[r].outputs.size(); ++i) {
      text += i > 0 ? ", " : " ";
      text += print_expr(*t.rows[r].outputs[i]);
    }
    m_out.line(2, std::move(text), node(t.rows[r]));
  }
  close(1, closing(t));
}

}  // namespace detail

std::string format(const SourceFile& file, const ast::Workflow& workflow) {
  detail::Formatter formatter(file.text());
  return formatter.run(workflow);
}

std::optional<std::string> format_text(const SourceFile& file,
                                       std::vector<Diagnostic>* diagnostics) {
  ParseResult parsed = parse(file);
  if (diagnostics != nullptr) *diagnostics = parsed.diagnostics;
  if (!parsed.workflow) return std::nullopt;
  return format(file, *parsed.workflow);
}

}  // namespace dojang::dsl
