// Functions, aggregates over reviews and lists, weighted scores and k-of-n approval.

#include <algorithm>
#include <cmath>

#include "check/lowering.hpp"
#include "dojang/dsl/suggest.hpp"

namespace dojang::dsl::detail {

namespace {

const std::vector<std::string>& function_names() {
  static const std::vector<std::string> kNames = {"now",      "days_between", "len", "contains",
                                                  "coalesce", "round",        "abs", "min",
                                                  "max",      "avg",          "sum", "count"};
  return kNames;
}

std::string plural(std::size_t n, const char* word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

}  // namespace

engine::Index Checker::review_block_for(const ast::Expr& e, const ExprContext& cx) {
  if (m_blocks.empty()) {
    error(e,
          "'" + source_of(e) +
              "' needs a committee review: no state has a 'review by ROLE quorum N { ... }' block");
    return engine::kNone;
  }
  for (std::size_t i = 0; i < m_blocks.size(); ++i) {
    if (m_blocks[i].state == cx.state && cx.state != engine::kNone)
      return static_cast<engine::Index>(i);
  }
  if (m_blocks.size() == 1) return 0;
  error(e, "'" + source_of(e) + "' is ambiguous: " + std::to_string(m_blocks.size()) +
               " states hold reviews; use it in the state that holds the review");
  return engine::kNone;
}

Typed Checker::check_aggregate(const ast::Expr& e, const ExprContext& cx, std::string_view fn) {
  Typed t;
  auto const& arg = *e.args[0];
  if (arg.kind == ast::ExprKind::Ref && arg.text == "reviews") {
    if (fn == "count") {
      if (!arg.member.empty()) {
        error(e, "count(reviews) counts reviews; write count(reviews) without '." +
                     std::string(arg.member) + "'");
        return failed();
      }
      engine::Index const block = review_block_for(e, cx);
      if (block == engine::kNone) return failed();
      t.ir = make_op(Op::ReviewCount, Type::Number, {});
      t.ir.block = block;
      t.range = {0, std::numeric_limits<double>::infinity()};
      return t;
    }
    if (m_blocks.empty()) {
      error(
          e,
          "'" + source_of(e) +
              "' needs a committee review: no state has a 'review by ROLE quorum N { ... }' block");
      return failed();
    }
    if (arg.member.empty()) {
      error(arg, std::string(fn) + "() needs a criterion: write " + std::string(fn) +
                     "(reviews.CRITERION)");
      return failed();
    }
    // The block that declares the criterion: the state's own first, else the only one.
    std::vector<engine::Index> owners;
    for (std::size_t b = 0; b < m_blocks.size(); ++b) {
      for (auto const& c : m_blocks[b].review->criteria) {
        if (c.name.text == arg.member) owners.push_back(static_cast<engine::Index>(b));
      }
    }
    engine::Index block = engine::kNone;
    for (auto b : owners) {
      if (m_blocks[b].state == cx.state) block = b;
    }
    if (block == engine::kNone && owners.size() == 1) block = owners[0];
    if (block == engine::kNone) {
      if (owners.empty()) {
        std::vector<std::string> names;
        for (auto const& b : m_blocks) {
          for (auto const& c : b.review->criteria) names.push_back(c.name.text);
        }
        std::string message = "unknown criterion '" + std::string(arg.member) + "'";
        if (auto best = did_you_mean(arg.member, names))
          message += " (did you mean '" + *best + "'?)";
        error(arg.member_pos, std::move(message));
      } else {
        error(arg.member_pos,
              "criterion '" + std::string(arg.member) +
                  "' is declared by several reviews; use it in the state that holds the review");
      }
      return failed();
    }
    auto const& criteria = m_blocks[block].review->criteria;
    auto const it = std::find_if(criteria.begin(), criteria.end(),
                                 [&](auto const& c) { return c.name.text == arg.member; });
    Op const op = fn == "avg"   ? Op::ReviewAvg
                  : fn == "sum" ? Op::ReviewSum
                  : fn == "min" ? Op::ReviewMin
                                : Op::ReviewMax;
    t.ir = make_op(op, Type::Number, {});
    t.ir.block = block;
    t.ir.index = static_cast<std::uint32_t>(it - criteria.begin());
    if (fn != "sum") t.range = {it->type.lo, it->type.hi};
    return t;
  }
  Typed list = check(arg, cx);
  if (!list.ok) return failed();
  if (list.ir.type != Type::List) {
    error(arg, std::string(fn) + "() of one value needs reviews.CRITERION or a list, but '" +
                   source_of(arg) + "' is " + type_name(list.ir.type));
    return failed();
  }
  Op const op = fn == "avg"   ? Op::ListAvg
                : fn == "sum" ? Op::ListSum
                : fn == "min" ? Op::ListMin
                : fn == "max" ? Op::ListMax
                              : Op::ListCount;
  // A list written of money ([budget, spent]) sums to money, exactly.
  auto const& items = list.ir.args;
  bool const money_list =
      list.ir.op == Op::MakeList && op != Op::ListCount &&
      std::any_of(items.begin(), items.end(), [](const Ir& i) { return i.type == Type::Money; }) &&
      std::all_of(items.begin(), items.end(),
                  [](const Ir& i) { return i.type == Type::Money || i.type == Type::Null; });
  t.ir = make_op(op, money_list ? Type::Money : Type::Number, irs(std::move(list.ir)));
  return t;
}

Typed Checker::check_call(const ast::Expr& e, const ExprContext& cx) {
  std::string const fn(e.text);
  auto const& names = function_names();
  if (std::find(names.begin(), names.end(), fn) == names.end()) {
    std::string message = "unknown function '" + fn + "'";
    if (auto best = did_you_mean(fn, names)) message += " (did you mean '" + *best + "'?)";
    error(e, std::move(message),
          {"functions: now, days_between, len, contains, coalesce, round, abs, min, max, avg, sum, "
           "count"});
    return failed();
  }
  std::size_t const n = e.args.size();
  auto const arity = [&](std::size_t want, const char* how) {
    if (n == want) return true;
    error(e, fn + "() takes " + how + ", but is given " + plural(n, "argument"));
    return false;
  };
  if ((fn == "avg" || fn == "sum" || fn == "count") || ((fn == "min" || fn == "max") && n == 1)) {
    if (!arity(1, fn == "count" ? "one argument: reviews or a list"
                                : "one argument: reviews.CRITERION or a list"))
      return failed();
    return check_aggregate(e, cx, fn);
  }
  std::vector<Typed> args;
  for (auto const& a : e.args) {
    args.push_back(check(*a, cx));
    if (!args.back().ok) return failed();
  }
  auto const want = [&](std::size_t i, std::initializer_list<Type> types, const char* what) {
    Type const got = args[i].ir.type;
    if (got == Type::Null || std::find(types.begin(), types.end(), got) != types.end()) return true;
    error(*e.args[i],
          fn + "() needs " + what + ", but '" + source_of(*e.args[i]) + "' is " + type_name(got));
    return false;
  };
  Typed t;
  std::vector<Ir> irs;
  auto const take = [&] {
    for (auto& a : args) irs.push_back(std::move(a.ir));
  };
  if (fn == "now") {
    if (!arity(0, "no arguments")) return failed();
    t.ir = make_op(Op::Now, Type::Date, {});
  } else if (fn == "days_between") {
    if (!arity(2, "two dates") || !want(0, {Type::Date}, "a date") ||
        !want(1, {Type::Date}, "a date"))
      return failed();
    take();
    t.ir = make_op(Op::DaysBetween, Type::Number, std::move(irs));
  } else if (fn == "len") {
    if (!arity(1, "one text or list") || !want(0, {Type::Text, Type::List}, "text or a list"))
      return failed();
    take();
    t.range = {0, std::numeric_limits<double>::infinity()};
    t.ir = make_op(Op::Len, Type::Number, std::move(irs));
  } else if (fn == "contains") {
    if (!arity(2, "two arguments: contains(text, part) or contains(list, value)") ||
        !want(0, {Type::Text, Type::List}, "text or a list")) {
      return failed();
    }
    if (args[0].ir.type == Type::Text && !want(1, {Type::Text}, "text to look for"))
      return failed();
    take();
    t.ir = make_op(Op::Contains, Type::Bool, std::move(irs));
  } else if (fn == "coalesce") {
    if (n < 2) {
      error(e, "coalesce() takes two or more arguments and gives the first that is not null");
      return failed();
    }
    Type type = Type::Null;
    for (std::size_t i = 0; i < n; ++i) {
      Type const ti = args[i].ir.type;
      if (ti == Type::Null) continue;
      if (type != Type::Null && ti != type) {
        error(*e.args[i], "coalesce() needs arguments of one kind: '" + source_of(*e.args[i]) +
                              "' is " + type_name(ti) + ", the ones before are " + type_name(type));
        return failed();
      }
      type = ti;
    }
    t.range = args[0].range;
    for (auto const& a : args)
      t.range = {std::min(t.range.lo, a.range.lo), std::max(t.range.hi, a.range.hi)};
    take();
    t.ir = make_op(Op::Coalesce, type, std::move(irs));
  } else if (fn == "round") {
    if (!arity(2, "a number and the digits to keep, e.g. round(x, 1)") ||
        !want(0, {Type::Number, Type::Money}, "a number or money") ||
        !want(1, {Type::Number}, "a number of digits")) {
      return failed();
    }
    t.range = {std::floor(args[0].range.lo), std::ceil(args[0].range.hi)};
    Type const type = args[0].ir.type == Type::Money ? Type::Money : Type::Number;
    take();
    t.ir = make_op(Op::Round, type, std::move(irs));
  } else if (fn == "abs") {
    if (!arity(1, "one number") || !want(0, {Type::Number, Type::Money}, "a number or money"))
      return failed();
    Range const r = args[0].range;
    t.range = {r.lo >= 0 ? r.lo : (r.hi <= 0 ? -r.hi : 0),
               std::max(std::abs(r.lo), std::abs(r.hi))};
    Type const type = args[0].ir.type == Type::Money ? Type::Money : Type::Number;
    take();
    t.ir = make_op(Op::Abs, type, std::move(irs));
  } else {  // min, max of several values: numbers, or money (with numbers taken as money)
    bool money = false;
    for (std::size_t i = 0; i < n; ++i) {
      if (!want(i, {Type::Number, Type::Money}, "numbers or money")) return failed();
      money = money || args[i].ir.type == Type::Money;
    }
    t.range = args[0].range;
    for (auto const& a : args) {
      t.range = fn == "min"
                    ? Range{std::min(t.range.lo, a.range.lo), std::min(t.range.hi, a.range.hi)}
                    : Range{std::max(t.range.lo, a.range.lo), std::max(t.range.hi, a.range.hi)};
    }
    take();
    t.ir = make_op(fn == "min" ? Op::Min : Op::Max, money ? Type::Money : Type::Number,
                   std::move(irs));
  }
  return t;
}

Typed Checker::check_weighted(const ast::Expr& e) {
  Typed t;
  double total = 0;
  Range range{0, 0};
  std::vector<Ir> terms;
  bool ok = true;
  std::vector<std::string> seen;
  for (auto const& w : e.weights) {
    total += w.weight;
    if (std::find(seen.begin(), seen.end(), w.name.text) != seen.end()) {
      error(w.name, "'" + w.name.text + "' is weighted twice");
      ok = false;
      continue;
    }
    seen.push_back(w.name.text);
    auto it = m_fields.find(w.name.text);
    if (it == m_fields.end()) {
      unknown_name(w.name, "score", m_fields);
      ok = false;
      continue;
    }
    auto const& f = m_def.fields[it->second];
    if (f.type.kind != engine::FieldKind::Score) {
      error(w.name, "'" + f.name +
                        "' is not a score: weighted { } takes fields declared as 'score LO..HI'");
      ok = false;
      continue;
    }
    if (w.weight <= 0) {
      error(w.weight_pos, "the weight of '" + f.name + "' must be above 0");
      ok = false;
    }
    range.lo += f.type.lo * w.weight;
    range.hi += f.type.hi * w.weight;
    Ir term = make_op(
        Op::Mul, Type::Number,
        irs(make_slot(f.slot, Type::Number), make_const(engine::Value(w.weight), Type::Number)));
    term.offset = w.name.offset;
    term.length = w.weight_pos.end() - w.name.offset;
    terms.push_back(std::move(term));
  }
  if (ok && std::abs(total - 1.0) > 1e-9) {
    error(e, "the weights add up to " + number_text(total) + "; they must add up to 1");
    ok = false;
  }
  if (!ok || terms.empty()) return failed();
  Ir sum = std::move(terms[0]);
  for (std::size_t i = 1; i < terms.size(); ++i) {
    sum = make_op(Op::Add, Type::Number, irs(std::move(sum), std::move(terms[i])));
    sum.offset = e.offset;
    sum.length = e.length;
  }
  t.ir = std::move(sum);
  t.range = range;
  return t;
}

Typed Checker::check_approve(const ast::Expr& e, const ExprContext& cx) {
  engine::Index const block = review_block_for(e, cx);
  if (block == engine::kNone) return failed();
  auto const& review = *m_blocks[block].review;
  if (!review.vote) {
    error(e, "'" + source_of(e) + "' counts approving votes, but the review by " +
                 review.role.text + " has no 'vote': add 'vote' to the review block");
    return failed();
  }
  Typed t;
  if (e.text == "all") {
    t.ir = make_op(Op::ApproveAll, Type::Bool, {});
    t.ir.n = static_cast<std::int32_t>(review.quorum);
  } else if (e.text == "any") {
    t.ir = make_op(Op::ApproveAny, Type::Bool, {});
  } else {
    auto const k = static_cast<std::int64_t>(e.number);
    if (k < 1 || k > e.count) {
      error(e, "'" + source_of(e) +
                   "' cannot be met: the first number must be between 1 and the second");
      return failed();
    }
    if (e.count > 1000) {
      error(e, "'" + source_of(e) + "' asks for more than 1000 reviews");
      return failed();
    }
    t.ir = make_op(Op::ApproveKofN, Type::Bool, {});
    t.ir.k = static_cast<std::int32_t>(k);
    t.ir.n = static_cast<std::int32_t>(e.count);
  }
  t.ir.block = block;
  return t;
}

}  // namespace dojang::dsl::detail
