// Structural comparison of syntax trees: every field but the byte ranges.

#include "ast_equal.hpp"

#include <functional>
#include <optional>
#include <sstream>
#include <vector>

namespace dojang::dsl::testing {

namespace {

using namespace ast;

// Walks two trees side by side; the first difference is kept with its path.
class Compare {
 public:
  std::optional<std::string> difference;

  template <typename T>
  void value(const std::string& path, const T& a, const T& b) {
    if (difference || a == b) return;
    std::ostringstream s;
    s << path << ": ";
    if constexpr (std::is_enum_v<T>) {
      s << static_cast<long long>(a) << " != " << static_cast<long long>(b);
    } else if constexpr (std::is_same_v<T, bool>) {
      s << (a ? "true" : "false") << " != " << (b ? "true" : "false");
    } else if constexpr (std::is_same_v<T, std::string> || std::is_same_v<T, std::string_view>) {
      s << "\"" << a << "\" != \"" << b << "\"";
    } else {
      s << a << " != " << b;
    }
    difference = s.str();
  }

  template <typename List, typename F>  // a std::vector or a std::span
  void list(const std::string& path, const List& a, const List& b, F each) {
    if (difference) return;
    value(path + ".size", a.size(), b.size());
    for (std::size_t i = 0; i < a.size() && !difference; ++i) {
      each(path + "[" + std::to_string(i) + "]", a[i], b[i]);
    }
  }

  template <typename T, typename F>
  void optional(const std::string& path, const std::optional<T>& a, const std::optional<T>& b,
                F each) {
    if (difference) return;
    value(path + ".has_value", a.has_value(), b.has_value());
    if (a && b) each(path, *a, *b);
  }

  void name(const std::string& path, const Name& a, const Name& b) { value(path, a.text, b.text); }

  void names(const std::string& path, const std::vector<Name>& a, const std::vector<Name>& b) {
    list(path, a, b, [this](const std::string& p, const Name& x, const Name& y) { name(p, x, y); });
  }

  void expr(const std::string& path, const ExprPtr& a, const ExprPtr& b) {
    expr(path, a.get(), b.get());
  }

  void expr(const std::string& path, const Expr* a, const Expr* b) {
    if (difference) return;
    value(path + ".null", a == nullptr, b == nullptr);
    if (!a || !b) return;
    value(path + ".kind", a->kind, b->kind);
    value(path + ".text", a->text, b->text);
    if (a->kind != ExprKind::Duration) value(path + ".member", a->member, b->member);
    value(path + ".number", a->number, b->number);
    value(path + ".count", a->count, b->count);
    value(path + ".flag", a->flag, b->flag);
    list(path + ".args", a->args, b->args,
         [this](const std::string& p, const Expr* x, const Expr* y) { expr(p, x, y); });
    list(path + ".weights", a->weights, b->weights,
         [this](const std::string& p, const Weight& x, const Weight& y) {
           name(p + ".name", x.name, y.name);
           value(p + ".weight", x.weight, y.weight);
           value(p + ".weight_text", x.weight_text, y.weight_text);
         });
  }

  void type(const std::string& path, const TypeSpec& a, const TypeSpec& b) {
    value(path + ".kind", a.kind, b.kind);
    names(path + ".values", a.values, b.values);
    value(path + ".lo", a.lo, b.lo);
    value(path + ".hi", a.hi, b.hi);
    value(path + ".lo_text", a.lo_text, b.lo_text);
    value(path + ".hi_text", a.hi_text, b.hi_text);
  }

  void notifies(const std::string& path, const std::vector<Notify>& a,
                const std::vector<Notify>& b) {
    list(path, a, b, [this](const std::string& p, const Notify& x, const Notify& y) {
      name(p + ".role", x.role, y.role);
      value(p + ".message", x.message, y.message);
    });
  }

  void action(const std::string& p, const Action& a, const Action& b) {
    name(p + ".name", a.name, b.name);
    name(p + ".role", a.role, b.role);
    value(p + ".target_kind", a.target_kind, b.target_kind);
    name(p + ".target", a.target, b.target);
    expr(p + ".guard", a.guard, b.guard);
    names(p + ".requires", a.requires_fields, b.requires_fields);
    names(p + ".sets", a.sets, b.sets);
    value(p + ".with_comment", a.with_comment, b.with_comment);
    value(p + ".not_by_submitter", a.not_by_submitter, b.not_by_submitter);
    value(p + ".recallable", a.recallable, b.recallable);
    optional(p + ".window", a.window, b.window,
             [this](const std::string& q, const Window& x, const Window& y) {
               value(q + ".from_month", x.from_month, y.from_month);
               value(q + ".from_day", x.from_day, y.from_day);
               value(q + ".to_month", x.to_month, y.to_month);
               value(q + ".to_day", x.to_day, y.to_day);
             });
    notifies(p + ".notifies", a.notifies, b.notifies);
    list(p + ".starts", a.starts, b.starts,
         [this](const std::string& q, const StartOther& x, const StartOther& y) {
           name(q + ".workflow", x.workflow, y.workflow);
           list(q + ".assignments", x.assignments, y.assignments,
                [this](const std::string& r, const std::pair<Name, ExprPtr>& u,
                       const std::pair<Name, ExprPtr>& v) {
                  name(r + ".field", u.first, v.first);
                  expr(r + ".value", u.second, v.second);
                });
         });
  }

  void state(const std::string& p, const State& a, const State& b) {
    value(p + ".kind", a.kind, b.kind);
    name(p + ".name", a.name, b.name);
    value(p + ".label", a.label, b.label);
    value(p + ".has_body", a.has_body, b.has_body);
    list(p + ".actions", a.actions, b.actions,
         [this](const std::string& q, const Action& x, const Action& y) { action(q, x, y); });
    list(p + ".timers", a.timers, b.timers,
         [this](const std::string& q, const Timer& x, const Timer& y) {
           value(q + ".kind", x.kind, y.kind);
           expr(q + ".delay", x.delay, y.delay);
           name(q + ".target", x.target, y.target);
           notifies(q + ".notifies", x.notifies, y.notifies);
         });
    list(p + ".reviews", a.reviews, b.reviews,
         [this](const std::string& q, const Review& x, const Review& y) {
           name(q + ".role", x.role, y.role);
           value(q + ".quorum", x.quorum, y.quorum);
           list(q + ".criteria", x.criteria, y.criteria,
                [this](const std::string& r, const Criterion& u, const Criterion& v) {
                  name(r + ".name", u.name, v.name);
                  value(r + ".label", u.label, v.label);
                  type(r + ".type", u.type, v.type);
                });
           value(q + ".vote", x.vote, y.vote);
           value(q + ".blind", x.blind, y.blind);
           optional(q + ".then", x.then_target, y.then_target,
                    [this](const std::string& r, const Name& u, const Name& v) { name(r, u, v); });
         });
    list(p + ".routes", a.routes, b.routes,
         [this](const std::string& q, const Route& x, const Route& y) {
           name(q + ".target", x.target, y.target);
           expr(q + ".guard", x.guard, y.guard);
           value(q + ".otherwise", x.otherwise, y.otherwise);
         });
    list(p + ".ranks", a.ranks, b.ranks,
         [this](const std::string& q, const Rank& x, const Rank& y) { rank(q, x, y); });
  }

  void rank(const std::string& p, const Rank& a, const Rank& b) {
    name(p + ".name", a.name, b.name);
    name(p + ".role", a.role, b.role);
    optional(p + ".group", a.group, b.group,
             [this](const std::string& q, const Name& x, const Name& y) { name(q, x, y); });
    value(p + ".label", a.label, b.label);
    list(p + ".orders", a.orders, b.orders,
         [this](const std::string& q, const RankOrder& x, const RankOrder& y) {
           list(q + ".keys", x.keys, y.keys,
                [this](const std::string& r, const RankKey& u, const RankKey& v) {
                  expr(r + ".expr", u.expr, v.expr);
                  value(r + ".descending", u.descending, v.descending);
                });
         });
    names(p + ".ties", a.ties, b.ties);
    names(p + ".while_scoring", a.while_scoring, b.while_scoring);
    names(p + ".place_fields", a.place_fields, b.place_fields);
    list(p + ".bands", a.bands, b.bands,
         [this](const std::string& q, const RankBand& x, const RankBand& y) {
           value(q + ".kind", x.kind, y.kind);
           value(q + ".count", x.count, y.count);
           value(q + ".count_text", x.count_text, y.count_text);
           name(q + ".target", x.target, y.target);
         });
    list(p + ".at", a.at, b.at, [this](const std::string& q, const RankDate& x, const RankDate& y) {
      value(q + ".month", x.month, y.month);
      value(q + ".day", x.day, y.day);
    });
  }

  void table(const std::string& p, const Table& a, const Table& b) {
    name(p + ".name", a.name, b.name);
    value(p + ".label", a.label, b.label);
    value(p + ".hit", a.hit, b.hit);
    list(p + ".inputs", a.inputs, b.inputs,
         [this](const std::string& q, const ExprPtr& x, const ExprPtr& y) { expr(q, x, y); });
    list(p + ".outputs", a.outputs, b.outputs,
         [this](const std::string& q, const TableOutput& x, const TableOutput& y) {
           name(q + ".name", x.name, y.name);
           type(q + ".type", x.type, y.type);
         });
    list(p + ".rows", a.rows, b.rows, [this](const std::string& q, const Row& x, const Row& y) {
      list(q + ".cells", x.cells, y.cells,
           [this](const std::string& r, const Cell& u, const Cell& v) {
             value(r + ".kind", u.kind, v.kind);
             value(r + ".op", u.op, v.op);
             expr(r + ".a", u.a, v.a);
             expr(r + ".b", u.b, v.b);
           });
      list(q + ".outputs", x.outputs, y.outputs,
           [this](const std::string& r, const ExprPtr& u, const ExprPtr& v) { expr(r, u, v); });
    });
  }

  void workflow(const Workflow& a, const Workflow& b) {
    name("name", a.name, b.name);
    value("label", a.label, b.label);
    list("roles", a.roles, b.roles, [this](const std::string& p, const Role& x, const Role& y) {
      name(p + ".name", x.name, y.name);
      value(p + ".label", x.label, y.label);
    });
    list("fields", a.fields, b.fields,
         [this](const std::string& p, const Field& x, const Field& y) {
           name(p + ".name", x.name, y.name);
           value(p + ".label", x.label, y.label);
           type(p + ".type", x.type, y.type);
           value(p + ".required", x.required, y.required);
         });
    list("lets", a.lets, b.lets, [this](const std::string& p, const Let& x, const Let& y) {
      name(p + ".name", x.name, y.name);
      expr(p + ".value", x.value, y.value);
    });
    list("tables", a.tables, b.tables,
         [this](const std::string& p, const Table& x, const Table& y) { table(p, x, y); });
    optional("start", a.start, b.start,
             [this](const std::string& p, const Name& x, const Name& y) { name(p, x, y); });
    list("states", a.states, b.states,
         [this](const std::string& p, const State& x, const State& y) { state(p, x, y); });
  }
};

bool report(const Compare& c, std::string* why) {
  if (why != nullptr) *why = c.difference.value_or("");
  return !c.difference.has_value();
}

}  // namespace

bool ast_equal(const ast::Workflow& a, const ast::Workflow& b, std::string* why) {
  Compare c;
  c.workflow(a, b);
  return report(c, why);
}

bool expr_equal(const ast::ExprPtr& a, const ast::ExprPtr& b, std::string* why) {
  Compare c;
  c.expr("expr", a, b);
  return report(c, why);
}

}  // namespace dojang::dsl::testing
