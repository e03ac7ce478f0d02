// dsl::format: states, decisions, finals and what they contain.

#include <algorithm>
#include <cstdio>

#include "dojang/dsl/text_width.hpp"
#include "format_formatter.hpp"

namespace dojang::dsl::detail {

namespace {

std::string join_names(const std::vector<ast::Name>& names) {
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += ", ";
    out += names[i].text;
  }
  return out;
}

std::string month_day(int month, int day) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%02d-%02d", month, day);
  return buf;
}

// The actor or recipient as written: a name, or `head of ...`.
std::string actor_text(const ast::Name& role, ast::HeadOf head) {
  switch (head) {
    case ast::HeadOf::None:
      break;
    case ast::HeadOf::Unit:
      return "head of unit";
    case ast::HeadOf::ParentUnit:
      return "head of parent unit";
    case ast::HeadOf::SubmitterUnit:
      return "head of submitter unit";
  }
  return role.text;
}

std::string notifies(const std::vector<ast::Notify>& list) {
  std::string out;
  for (const ast::Notify& n : list)
    out += " notify " + actor_text(n.role, n.head) + " " + quote(n.message);
  return out;
}

std::string state_head(const ast::State& s) {
  std::string head;
  switch (s.kind) {
    case ast::StateKind::Normal:
      head = "state ";
      break;
    case ast::StateKind::Decision:
      head = "decision ";
      break;
    case ast::StateKind::Final:
      head = "final ";
      break;
  }
  head += s.name.text;
  if (!s.label.empty()) head += " " + quote(s.label);
  return head;
}

}  // namespace

void Formatter::state(const ast::State& s) {
  m_out.line(1, state_head(s) + " {", header(s.offset, s.name.end(), 2));
  // Actions, timers, reviews and rankings in the order of the source.
  struct Entry {
    std::uint32_t offset;
    int kind;
    std::size_t index;
  };
  std::vector<Entry> entries;
  for (std::size_t i = 0; i < s.actions.size(); ++i) entries.push_back({s.actions[i].offset, 0, i});
  for (std::size_t i = 0; i < s.timers.size(); ++i) entries.push_back({s.timers[i].offset, 1, i});
  for (std::size_t i = 0; i < s.reviews.size(); ++i) entries.push_back({s.reviews[i].offset, 2, i});
  for (std::size_t i = 0; i < s.ranks.size(); ++i) entries.push_back({s.ranks[i].offset, 3, i});
  std::stable_sort(entries.begin(), entries.end(),
                   [](const Entry& a, const Entry& b) { return a.offset < b.offset; });
  for (const Entry& e : entries) {
    if (e.kind == 0) {
      action(s.actions[e.index], 2);
    } else if (e.kind == 1) {
      timer(s.timers[e.index], 2);
    } else if (e.kind == 2) {
      review(s.reviews[e.index], 2);
    } else {
      rank(s.ranks[e.index], 2);
    }
  }
  routes(s.routes, 2);
  close(1, closing(s));
}

void Formatter::finals(const std::vector<const ast::State*>& run) {
  std::size_t width = 0;
  for (const ast::State* s : run) {
    if (!s->label.empty()) width = std::max(width, display_width(s->name.text));
  }
  for (const ast::State* s : run) {
    std::string text = "final " + s->name.text;
    if (!s->label.empty()) text = "final " + pad(s->name.text, width) + " " + quote(s->label);
    m_out.line(1, std::move(text), node(*s));
  }
}

void Formatter::action(const ast::Action& a, int indent) {
  std::string text = "on " + a.name.text + " by " + actor_text(a.role, a.head);
  switch (a.target_kind) {
    case ast::TargetKind::None:
      break;
    case ast::TargetKind::State:
      text += " -> " + a.target.text;
      break;
    case ast::TargetKind::ReturnTo:
      text += " return_to " + a.target.text;
      break;
    case ast::TargetKind::ReturnToPrevious:
      text += " return_to previous";
      break;
  }
  if (a.guard) text += " when " + print_expr(*a.guard);
  if (!a.requires_fields.empty()) text += " requires " + join_names(a.requires_fields);
  if (!a.sets.empty()) text += " sets " + join_names(a.sets);
  if (a.with_comment) text += " with comment";
  if (a.not_by_submitter) text += " not by submitter";
  if (a.recallable) text += " recallable";
  if (a.window) {
    text += " open " + month_day(a.window->from_month, a.window->from_day) + " .. " +
            month_day(a.window->to_month, a.window->to_day);
  }
  text += notifies(a.notifies);
  for (const ast::StartOther& start : a.starts) {
    text += " start " + start.workflow.text;
    for (std::size_t i = 0; i < start.assignments.size(); ++i) {
      auto const& [field, value] = start.assignments[i];
      text += i == 0 ? " with " : ", ";
      text += field.text + " = " + (value ? print_expr(*value) : "null");
    }
  }
  m_out.line(indent, std::move(text), node(a));
}

void Formatter::timer(const ast::Timer& t, int indent) {
  std::string const delay = t.delay ? print_expr(*t.delay) : "0d";
  std::string text;
  if (t.kind == ast::TimerKind::After) {
    text = "after " + delay + " -> " + t.target.text;
  } else {
    text = "deadline " + delay + " ->";
    if (!t.target.text.empty()) text += " " + t.target.text;
  }
  text += notifies(t.notifies);
  m_out.line(indent, std::move(text), node(t));
}

void Formatter::review(const ast::Review& r, int indent) {
  std::optional<Anchor> const head = header(r.offset, r.quorum_pos.end(), r.blind ? 2 : 1);
  m_out.line(indent,
             "review by " + r.role.text + " quorum " + std::to_string(r.quorum) +
                 (r.blind ? " blind {" : " {"),
             head);
  std::size_t name_width = 0, label_width = 0;
  for (const ast::Criterion& c : r.criteria) {
    name_width = std::max(name_width, display_width(c.name.text));
    if (!c.label.empty()) label_width = std::max(label_width, display_width(quote(c.label)));
  }
  for (const ast::Criterion& c : r.criteria) {
    std::string text = "criterion " + pad(c.name.text, name_width) + " ";
    if (label_width > 0) text += pad(c.label.empty() ? "" : quote(c.label), label_width) + "  ";
    m_out.line(indent + 1, text + print_type(c.type, m_source), node(c));
  }
  if (r.vote) {
    // The first `vote` word of the block (not a criterion or a target named vote).
    std::optional<Anchor> where;
    std::size_t i = m_scan.first_at_or_after(head ? head->end : r.offset);
    for (; i < m_scan.token_count() && m_scan.token(i).offset < r.end(); ++i) {
      Token const& t = m_scan.token(i);
      std::string_view const previous = i > 0 ? m_scan.spelling(m_scan.token(i - 1)) : "";
      if (m_scan.spelling(t) == "vote" && previous != "criterion" && previous != "->") {
        where = Anchor{t.offset, t.end()};
        break;
      }
    }
    m_out.line(indent + 1, "vote", where);
  }
  if (r.then_target) {
    ast::Name const& target = *r.then_target;
    std::uint32_t begin = target.offset;
    if (auto arrow = m_scan.before(target.offset, "->")) {
      if (auto word = m_scan.before(arrow->offset, "then")) begin = word->offset;
    }
    m_out.line(indent + 1, "then -> " + target.text, Anchor{begin, target.end()});
  }
  close(indent, closing(r));
}

void Formatter::routes(const std::vector<ast::Route>& list, int indent) {
  std::size_t width = 0;
  for (const ast::Route& r : list) {
    if (!r.otherwise) width = std::max(width, display_width(r.target.text));
  }
  for (const ast::Route& r : list) {
    std::string text = r.otherwise || !r.guard
                           ? "else -> " + r.target.text
                           : "-> " + pad(r.target.text, width) + " when " + print_expr(*r.guard);
    m_out.line(indent, std::move(text), node(r));
  }
}

// The clauses of a ranking in the canonical order: order, ties, while scoring, place, bands (their
// `->` in one column), at. Repeated clauses (an error the checker reports) are kept, each kind
// together.
void Formatter::rank(const ast::Rank& r, int indent) {
  std::string head = "rank " + r.name.text + " by " + r.role.text;
  if (r.group) head += " per " + r.group->text;
  if (!r.label.empty()) head += " " + quote(r.label);
  m_out.line(indent, head + " {", header(r.offset, r.group ? r.group->end() : r.role.end(), 2));
  for (const ast::RankOrder& o : r.orders) {
    std::string text = "order ";
    for (std::size_t i = 0; i < o.keys.size(); ++i) {
      if (i > 0) text += ", ";
      text += print_expr(*o.keys[i].expr) + (o.keys[i].descending ? " desc" : " asc");
    }
    m_out.line(indent + 1, std::move(text), node(o));
  }
  for (const ast::Name& word : r.ties) {
    auto const ties = m_scan.before(word.offset, "ties");
    m_out.line(indent + 1, "ties " + word.text,
               Anchor{ties ? ties->offset : word.offset, word.end()});
  }
  for (const ast::Name& word : r.while_scoring) {
    std::uint32_t begin = word.offset;
    if (auto scoring = m_scan.before(word.offset, "scoring")) {
      begin = scoring->offset;
      if (auto w = m_scan.before(scoring->offset, "while")) begin = w->offset;
    }
    m_out.line(indent + 1, "while scoring " + word.text, Anchor{begin, word.end()});
  }
  for (const ast::Name& field : r.place_fields) {
    std::uint32_t begin = field.offset;
    if (auto into = m_scan.before(field.offset, "into")) {
      begin = into->offset;
      if (auto place = m_scan.before(into->offset, "place")) begin = place->offset;
    }
    m_out.line(indent + 1, "place into " + field.text, Anchor{begin, field.end()});
  }
  auto const band_head = [](const ast::RankBand& b) {
    switch (b.kind) {
      case ast::RankBand::Kind::Top:
        return "top " + b.count_text;
      case ast::RankBand::Kind::Next:
        return "next " + b.count_text;
      case ast::RankBand::Kind::Rest:
        break;
    }
    return std::string("rest");
  };
  std::size_t width = 0;
  for (const ast::RankBand& b : r.bands) width = std::max(width, band_head(b).size());
  for (const ast::RankBand& b : r.bands) {
    m_out.line(indent + 1, pad(band_head(b), width) + " -> " + b.target.text, node(b));
  }
  for (const ast::RankDate& d : r.at) {
    m_out.line(indent + 1, "at " + month_day(d.month, d.day), node(d));
  }
  close(indent, closing(r));
}

}  // namespace dojang::dsl::detail
