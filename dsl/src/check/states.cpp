// States and what happens in them: actions, timers, committee reviews, decision routes.

#include <algorithm>

#include "check/lowering.hpp"
#include "dojang/dsl/suggest.hpp"

namespace dojang::dsl::detail {

void Checker::check_states() {
  for (engine::Index si = 0; si < m_state_ast.size(); ++si) {
    ast::State const& s = *m_state_ast[si];
    engine::StateDef& def = m_def.states[si];
    check_rank_placement(si, s);
    if (s.kind == ast::StateKind::Final) {
      bool const only_ranks =
          !s.ranks.empty() && s.actions.empty() && s.timers.empty() && s.reviews.empty();
      if (s.has_body && !only_ranks) {  // a ranking there has its own diagnostic
        error(s.name,
              "final state '" + s.name.text +
                  "' cannot have actions, timers or reviews: a final state ends the procedure");
      }
      continue;
    }
    if (s.kind == ast::StateKind::Decision) {
      check_routes(si, s, def);
      continue;
    }
    def.actions.resize(s.actions.size());
    for (std::size_t i = 0; i < s.actions.size(); ++i)
      check_action(si, s.actions[i], def.actions[i]);
    check_same_name_actions(s);
    for (auto const& t : s.timers) {
      engine::TimerDef timer;
      check_timer(si, t, timer);
      def.timers.push_back(std::move(timer));
    }
    for (std::size_t i = 0; i < s.reviews.size(); ++i) {
      if (i > 0) {
        error(s.reviews[i],
              "state '" + s.name.text + "' already holds a review; one review per state");
        continue;
      }
      def.review.emplace();
      check_review(si, s.reviews[i], *def.review);
    }
  }
}

void Checker::check_action(engine::Index si, const ast::Action& a, engine::ActionDef& out) {
  out.name = a.name.text;
  out.line = line_of(a.offset);
  bool const actor_ok = resolve_actor(a.role, a.head, out.by);
  switch (a.target_kind) {
    case ast::TargetKind::None:
      out.target_kind = engine::ActionDef::Target::Stay;
      break;
    case ast::TargetKind::State:
      out.target_kind = engine::ActionDef::Target::State;
      out.target = resolve_state(a.target);
      break;
    case ast::TargetKind::ReturnTo:
      out.target_kind = engine::ActionDef::Target::State;
      out.target = resolve_state(a.target);
      out.is_return = true;
      break;
    case ast::TargetKind::ReturnToPrevious:
      out.target_kind = engine::ActionDef::Target::Previous;
      out.is_return = true;
      break;
  }
  // A send-back always says why.
  out.with_comment = a.with_comment || out.is_return;
  ExprContext cx;
  cx.state = si;
  if (a.guard) {
    // (Kept in a buffer of the checker: a message part like this one is too long to be held
    // in place, and only an error would read it.)
    m_what.assign("the guard of '").append(a.name.text).append("'");
    Typed g = check_bool(*a.guard, cx, m_what);
    if (g.ok) {
      if (!g.outcomes.can_be_true) {
        warning(*a.guard,
                "the guard of '" + a.name.text + "' can never hold: '" + source_of(*a.guard) + "'");
      } else if (!g.outcomes.can_be_false) {
        warning(*a.guard, "the guard of '" + a.name.text +
                              "' always holds when its values are set: '" + source_of(*a.guard) +
                              "'");
      }
      out.guard = engine::Expression::compile(g.ir);
      slots_read(g.ir, out.guard_slots);
    }
    out.guard_source = source_of(*a.guard, 200);
  }
  auto const fields = [&](const std::vector<ast::Name>& names, std::vector<engine::Index>& into,
                          const char* clause) {
    for (auto const& n : names) {
      engine::Index const f = resolve_field(n);
      if (f == engine::kNone) continue;
      if (std::find(into.begin(), into.end(), f) != into.end()) {
        warning(n, "field '" + n.text + "' is listed twice after '" + clause + "'");
        continue;
      }
      into.push_back(f);
    }
  };
  fields(a.requires_fields, out.requires_fields, "requires");
  fields(a.sets, out.sets, "sets");
  out.not_by_submitter = a.not_by_submitter;
  if (a.not_by_submitter && actor_ok && out.by.kind == engine::Actor::Kind::Submitter) {
    error(a.role,
          "'" + a.name.text +
              "' is taken by the submitter and 'not by submitter' at once: nobody could take it");
  }
  out.recallable = a.recallable;
  if (a.recallable && out.target_kind == engine::ActionDef::Target::State &&
      out.target != engine::kNone && m_def.states[out.target].kind == engine::StateKind::Final) {
    error(a.name, "'recallable' cannot apply: '" + a.name.text +
                      "' ends the procedure, and nothing is taken back from a final state");
  }
  if (a.recallable && out.target_kind != engine::ActionDef::Target::State) {
    error(a.name, "'recallable' needs a next state: the item can only be recalled from where '" +
                      a.name.text + "' sends it");
  }
  if (a.window)
    out.window = engine::Window{a.window->from_month, a.window->from_day, a.window->to_month,
                                a.window->to_day};
  for (auto const& n : a.notifies) check_notify(n, out.notifies);
  for (auto const& start : a.starts) check_start(start, cx, out.starts);
}

// `start WORKFLOW with field = expr, ...`: the expressions are this procedure's; the fields are
// the other procedure's, checked when this one is deployed (the other may change meanwhile).
void Checker::check_start(const ast::StartOther& s, const ExprContext& cx,
                          std::vector<engine::StartDef>& out) {
  engine::StartDef def;
  def.workflow = s.workflow.text;
  for (auto const& [field, value] : s.assignments) {
    bool const twice = std::any_of(def.assignments.begin(), def.assignments.end(),
                                   [&](auto const& given) { return given.field == field.text; });
    Typed t = check(*value, cx);
    if (twice) {
      error(field, "'" + field.text + "' is given twice in 'start " + s.workflow.text + "'");
      continue;
    }
    if (!t.ok) continue;
    if (t.ir.type == engine::Type::Duration || t.ir.type == engine::Type::List) {
      error(*value, "'" + field.text + "' of '" + s.workflow.text + "' cannot take " +
                        type_name(t.ir.type) + ": give text, a number, true/false, a date or null");
      continue;
    }
    def.assignments.push_back(
        {field.text, engine::Expression::compile(t.ir), source_of(*value, 200)});
  }
  out.push_back(std::move(def));
}

void Checker::check_same_name_actions(const ast::State& s) {
  for (std::size_t i = 0; i < s.actions.size(); ++i) {
    auto const& later = s.actions[i];
    for (std::size_t j = 0; j < i; ++j) {
      auto const& earlier = s.actions[j];
      // A guard or a calendar window lets a later action of the same name apply instead.
      if (earlier.name.text != later.name.text || earlier.role.text != later.role.text ||
          earlier.guard || earlier.window)
        continue;
      warning(later.name, "'" + later.name.text + "' by " + later.role.text +
                              " is never chosen: the '" + earlier.name.text + "' on line " +
                              std::to_string(m_file.position(earlier.offset).line) +
                              " has no guard and always applies first");
      break;
    }
  }
}

void Checker::check_notify(const ast::Notify& n, std::vector<engine::NotifyDef>& out) {
  engine::NotifyDef def;
  if (resolve_actor(n.role, n.head, def.to) && def.to.kind == engine::Actor::Kind::Anyone)
    error(n.role, "'notify anyone' would tell everyone in the office: notify a role, the "
                  "submitter, a head of a unit or a person field");
  def.message = n.message;
  // Placeholders: {field}, {value} or {table.output}.
  std::string const& m = n.message;
  for (std::size_t open = m.find('{'); open != std::string::npos; open = m.find('{', open + 1)) {
    std::size_t const close = m.find('}', open);
    if (close == std::string::npos) {
      error(n.message_pos,
            "'{' in the message is not closed: write {field} to insert a field's value");
      break;
    }
    std::string const name = m.substr(open + 1, close - open - 1);
    std::string const head = name.substr(0, name.find('.'));
    bool known = m_fields.contains(name) || m_lets.contains(name);
    if (!known && name.find('.') != std::string::npos) {
      if (auto it = m_tables.find(head); it != m_tables.end()) {
        std::string const member = name.substr(head.size() + 1);
        auto const& outputs = m_def.tables[it->second].outputs;
        known = std::any_of(outputs.begin(), outputs.end(),
                            [&](auto const& o) { return o.name == member; });
      }
    }
    if (!known) {
      std::vector<std::string> names;
      for (auto const& [k, v] : m_fields) names.push_back(k);
      for (auto const& [k, v] : m_lets) names.push_back(k);
      std::string message = "the message refers to '{" + name + "}', which is not a field or value";
      if (auto best = did_you_mean(name, names)) message += " (did you mean '{" + *best + "}'?)";
      error(n.message_pos, std::move(message));
    }
  }
  out.push_back(std::move(def));
}

void Checker::check_timer(engine::Index si, const ast::Timer& t, engine::TimerDef& out) {
  out.kind = t.kind == ast::TimerKind::Deadline ? engine::TimerDef::Kind::Deadline
                                                : engine::TimerDef::Kind::After;
  char const* word = t.kind == ast::TimerKind::Deadline ? "deadline" : "after";
  if (t.delay->kind != ast::ExprKind::Duration) {
    error(*t.delay, std::string("'") + word + "' needs a duration such as 14d, 3h or 2w");
  } else {
    Typed d = check(*t.delay, ExprContext{});
    if (auto const* v = d.constant ? d.constant->as_duration() : nullptr) out.delay = *v;
    if (out.delay.seconds <= 0)
      error(*t.delay, std::string("a '") + word + "' of zero never waits; give a duration above 0");
  }
  for (auto const& n : t.notifies) check_notify(n, out.notifies);
  if (t.kind == ast::TimerKind::After) {
    out.target = resolve_state(t.target);
    return;
  }
  if (t.target.text.empty()) return;
  auto const& actions = m_state_ast[si]->actions;
  for (std::size_t i = 0; i < actions.size(); ++i) {
    if (actions[i].name.text == t.target.text) {
      out.action = static_cast<engine::Index>(i);
      if (!actions[i].requires_fields.empty() || !actions[i].sets.empty()) {
        warning(t.target, "the deadline fires '" + t.target.text +
                              "' as the system, which supplies no field values; it is refused "
                              "while the fields it requires are empty");
      }
      return;
    }
  }
  std::vector<std::string> names;
  for (auto const& a : actions) names.push_back(a.name.text);
  std::string message = "the deadline fires '" + t.target.text + "', but state '" +
                        m_state_ast[si]->name.text + "' has no such action";
  if (auto best = did_you_mean(t.target.text, names)) message += " (did you mean '" + *best + "'?)";
  error(t.target, std::move(message));
}

void Checker::check_review(engine::Index si, const ast::Review& r, engine::ReviewDef& out) {
  for (std::size_t b = 0; b < m_blocks.size(); ++b) {
    if (m_blocks[b].review == &r) out.block = static_cast<engine::Index>(b);
  }
  (void)si;
  out.role = resolve_role(r.role);
  if (r.quorum < 1 || r.quorum > 1000) {
    error(r.quorum_pos, "a quorum must be between 1 and 1000 reviewers");
  }
  out.quorum = static_cast<int>(std::clamp<std::int64_t>(r.quorum, 1, 1000));
  out.vote = r.vote;
  out.blind = r.blind;
  if (r.blind && r.quorum == 1) {
    error(r.quorum_pos, "a blind review with quorum 1 hides nothing: every review reaches the "
                        "quorum; use quorum 2 or more, or leave out 'blind'");
  }
  if (r.criteria.empty() && !r.vote) {
    error(r, "the review by " + r.role.text +
                 " asks nothing: add 'criterion NAME \"label\" score LO..HI' lines or 'vote'");
  }
  for (auto const& c : r.criteria) {
    if (std::any_of(out.criteria.begin(), out.criteria.end(),
                    [&](auto const& x) { return x.name == c.name.text; })) {
      error(c.name, "criterion '" + c.name.text + "' is declared twice");
      continue;
    }
    if (c.type.kind != ast::TypeKind::Score) {
      error(c.type,
            "criterion '" + c.name.text + "' must be a score with a range, e.g. score 0..40");
      continue;
    }
    engine::FieldType const type = field_type(c.type, c.name.text);
    out.criteria.push_back(
        {c.name.text, c.label.empty() ? c.name.text : c.label, type.lo, type.hi, type.whole});
  }
  if (r.then_target) out.then_target = resolve_state(*r.then_target);
}

void Checker::check_routes(engine::Index si, const ast::State& s, engine::StateDef& out) {
  bool has_else = false;
  ExprContext cx;
  cx.state = si;
  if (s.routes.empty())
    error(s.name, "decision '" + s.name.text + "' has no routes: add '-> STATE when ...' lines");
  for (std::size_t i = 0; i < s.routes.size(); ++i) {
    auto const& r = s.routes[i];
    engine::RouteDef route;
    route.target = resolve_state(r.target);
    if (r.otherwise) {
      if (has_else) error(r, "decision '" + s.name.text + "' has two 'else' routes");
      if (i + 1 != s.routes.size())
        error(r, "'else' must be the last route: the routes after it are never taken");
      has_else = true;
    } else {
      Typed g = check_bool(*r.guard, cx, "a route's condition");
      if (g.ok) {
        if (!g.outcomes.can_be_true)
          warning(*r.guard,
                  "this route is never taken: '" + source_of(*r.guard) + "' can never hold");
        route.guard = engine::Expression::compile(g.ir);
        slots_read(g.ir, route.guard_slots);
      }
      route.guard_source = source_of(*r.guard, 200);
    }
    out.routes.push_back(std::move(route));
  }
  if (!s.routes.empty() && !has_else) {
    warning(s.name, "decision '" + s.name.text +
                        "' has no 'else': an item waits here when no route applies");
  }
}

}  // namespace dojang::dsl::detail
