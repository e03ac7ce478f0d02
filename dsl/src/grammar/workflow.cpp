// The declarations of a procedure: roles, fields, lets, tables, states and their actions.

#include "grammar/workflow.hpp"

#include <algorithm>

#include "grammar/describe.hpp"
#include "grammar/expression.hpp"
#include "grammar/month_day.hpp"
#include "grammar/names.hpp"
#include "grammar/rank.hpp"

namespace dojang::dsl::grammar {

namespace {

using namespace ast;

ExprPtr share(std::shared_ptr<Expr>&& e) {
  return std::move(e);
}

constexpr month_day_parser<true> month_day{};

auto const string_text = name_text;

DOJANG_NAME_RULE(workflow_name, "a procedure name")
DOJANG_NAME_RULE(role_name, "a role name")
DOJANG_NAME_RULE(field_name, "a field name")
DOJANG_NAME_RULE(let_name, "a name for the value")
DOJANG_NAME_RULE(state_name, "a state name")
DOJANG_NAME_RULE(action_name, "an action name")
DOJANG_NAME_RULE(table_name, "a table name")
DOJANG_NAME_RULE(output_name, "an output name")
DOJANG_NAME_RULE(criterion_name, "a criterion name")
DOJANG_NAME_RULE(hit_name, "a hit policy (first, unique or collect)")
#undef DOJANG_NAME_RULE

struct enum_value_class : annotate {};
x3::rule<enum_value_class, Name> const enum_value = "a value (a name or text in quotes)";
auto const enum_value_def = located[identifier[name_text] | quoted[string_text]];
struct message_class : annotate {};
x3::rule<message_class, Name> const message = "a message in double quotes";
auto const message_def = located[quoted[string_text]];
// ---- types
auto type_kind(TypeKind k) {
  return [k](auto& ctx) { x3::_val(ctx).kind = k; };
}
auto const score_bounds = [](auto& ctx) {
  auto& a = x3::_attr(ctx);
  Expr const& lo = *boost::fusion::at_c<0>(a);
  Expr const& hi = *boost::fusion::at_c<1>(a);
  if (lo.kind != ExprKind::Number || hi.kind != ExprKind::Number) {
    Expr const& bad = lo.kind != ExprKind::Number ? lo : hi;
    throw SyntaxError{state_of(ctx).begin + bad.offset, bad.length,
                      "a score range is written like 0..20"};
  }
  TypeSpec& t = x3::_val(ctx);
  t.kind = TypeKind::Score;
  t.lo = lo.number;
  t.hi = hi.number;
  t.lo_text = lo.text;
  t.hi_text = hi.text;
};

struct type_class : annotate {};
x3::rule<type_class, TypeSpec> const type_spec =
    "a type (text, number, count, money, bool, date, person, unit, one_of(...) or score LO..HI)";
auto const type_spec_def =
    located[kw("text")[type_kind(TypeKind::Text)] | kw("number")[type_kind(TypeKind::Number)] |
            kw("person")[type_kind(TypeKind::Person)] | kw("unit")[type_kind(TypeKind::Unit)] |
            kw("count")[type_kind(TypeKind::Count)] | kw("money")[type_kind(TypeKind::Money)] |
            kw("bool")[type_kind(TypeKind::Bool)] | kw("date")[type_kind(TypeKind::Date)] |
            (kw("one_of")[type_kind(TypeKind::OneOf)] > '(' >
             (enum_value[push(&TypeSpec::values)] % ',') > ')') |
            (kw("score") > literal > ".." > literal)[score_bounds]];
// ---- roles and fields
struct role_class : annotate {};
x3::rule<role_class, Role> const role = "a role";
auto role_scope(RoleScope k) {
  return [k](auto& ctx) { x3::_val(ctx).scope = k; };
}
auto const role_def =
    located[role_name[set(&Role::name)] >> -quoted[set(&Role::label)] >>
            -((kw("in") > kw("unit"))[role_scope(RoleScope::Unit)] >>
              -(kw("and") > kw("below"))[role_scope(RoleScope::UnitAndBelow)])];
struct field_class : annotate {};
x3::rule<field_class, Field> const field = "a field";
auto const field_def =
    located[(field_name[set(&Field::name)] >> -quoted[set(&Field::label)]) >
            (type_spec[set(&Field::type)] >> -kw("required")[flag(&Field::required)])];
x3::rule<struct roles_end_class> const roles_end = "a role name or '}'";
auto const roles_end_def = x3::lit('}');
x3::rule<struct fields_end_class> const fields_end = "a field name or '}'";
auto const fields_end_def = x3::lit('}');

// ---- expressions as shared pointers
auto set_expr(ExprPtr Let::*m) {
  return [m](auto& ctx) { x3::_val(ctx).*m = share(std::move(x3::_attr(ctx))); };
}

struct let_class : annotate {};
x3::rule<let_class, Let> const let_decl = "a let";
auto const let_decl_def =
    located[kw("let") > let_name[set(&Let::name)] > '=' > expression[set_expr(&Let::value)]];
// ---- actions
struct window_class : annotate {};
x3::rule<window_class, Window> const window = "a window";
auto const window_def = located[(kw("open") > month_day > ".." > month_day)[([](auto& ctx) {
  auto& a = x3::_attr(ctx);
  Window& w = x3::_val(ctx);
  w.from_month = boost::fusion::at_c<0>(a).first;
  w.from_day = boost::fusion::at_c<0>(a).second;
  w.to_month = boost::fusion::at_c<1>(a).first;
  w.to_day = boost::fusion::at_c<1>(a).second;
})]];
// `head of unit`, `head of parent unit`, `head of submitter unit`: the Name's text is "head"
// and its range the words; which head is in the caller's `head` member (head_of_words).
auto head_words(HeadOf k) {
  return [k](auto& ctx) {
    x3::_val(ctx).text = k == HeadOf::Unit         ? "head of unit"
                         : k == HeadOf::ParentUnit ? "head of parent unit"
                                                   : "head of submitter unit";
  };
}
struct head_ref_class : annotate {};
x3::rule<head_ref_class, Name> const head_ref = "head of unit";
auto const head_ref_def =
    located[(kw("head") >> kw("of")) > (kw("unit")[head_words(HeadOf::Unit)] |
                                        (kw("parent") > kw("unit"))[head_words(HeadOf::ParentUnit)] |
                                        (kw("submitter") > kw("unit"))[head_words(HeadOf::SubmitterUnit)])];
x3::rule<struct actor_ref_class, Name> const actor_ref =
    "a role, submitter, anyone, a person field or head of unit";
auto const actor_ref_def = head_ref | role_name;
// Sets `role` (and `head`) of an Action or a Notify from a head_ref or a name.
template <typename T>
auto set_actor() {
  return [](auto& ctx) {
    T& to = x3::_val(ctx);
    to.role = std::move(x3::_attr(ctx));
    to.head = to.role.text == "head of unit"          ? HeadOf::Unit
              : to.role.text == "head of parent unit" ? HeadOf::ParentUnit
              : to.role.text == "head of submitter unit" ? HeadOf::SubmitterUnit
                                                         : HeadOf::None;
    if (to.head != HeadOf::None) to.role.text = "head";
  };
}

struct notify_class : annotate {};
x3::rule<notify_class, Notify> const notify = "notify ROLE \"message\"";
auto const notify_def =
    located[kw("notify") > actor_ref[set_actor<Notify>()] > message[([](auto& ctx) {
              x3::_val(ctx).message = x3::_attr(ctx).text;
              x3::_val(ctx).message_pos = x3::_attr(ctx);
            })]];
struct assignment_class : annotate {};
x3::rule<assignment_class, std::pair<Name, ExprPtr>> const assignment = "field = value";
auto const assignment_def = located[(field_name >> '=' >> expression)[([](auto& ctx) {
  auto& a = x3::_attr(ctx);
  x3::_val(ctx).first = std::move(boost::fusion::at_c<0>(a));
  x3::_val(ctx).second = share(std::move(boost::fusion::at_c<1>(a)));
})]];
struct start_other_class : annotate {};
x3::rule<start_other_class, StartOther> const start_other = "start PROCEDURE";
auto const start_other_def =
    located[kw("start") > workflow_name[set(&StartOther::workflow)] >>
            -(kw("with") >> (assignment[push(&StartOther::assignments)] % ','))];
auto target_kind(TargetKind k) {
  return [k](auto& ctx) { x3::_val(ctx).target_kind = k; };
}

auto const action_clause =
    (kw("when") >
     expression)[([](auto& ctx) { x3::_val(ctx).guard = share(std::move(x3::_attr(ctx))); })] |
    (kw("requires") > (field_name % ','))[set(&Action::requires_fields)] |
    (kw("sets") > (field_name % ','))[set(&Action::sets)] |
    (kw("with") > kw("comment"))[flag(&Action::with_comment)] |
    (kw("not") > kw("by") > kw("submitter"))[flag(&Action::not_by_submitter)] |
    kw("recallable")[flag(&Action::recallable)] |
    window[([](auto& ctx) { x3::_val(ctx).window = std::move(x3::_attr(ctx)); })] |
    notify[push(&Action::notifies)] | start_other[push(&Action::starts)];

auto const action_target =
    (x3::lit("->") > state_name)[set(&Action::target)][target_kind(TargetKind::State)] |
    (kw("return_to") > (kw("previous")[target_kind(TargetKind::ReturnToPrevious)] |
                        state_name[set(&Action::target)][target_kind(TargetKind::ReturnTo)]));

struct action_class : annotate {};
x3::rule<action_class, Action> const action = "an action";
auto const action_def = located[kw("on") > action_name[set(&Action::name)] > kw("by") >
                                actor_ref[set_actor<Action>()] >> -action_target >>
                                *action_clause];
// ---- timers
auto const set_delay = [](auto& ctx) { x3::_val(ctx).delay = share(std::move(x3::_attr(ctx))); };

x3::rule<struct deadline_effect_class, Timer> const deadline_effect =
    "an action of this state or notify ROLE \"message\"";
auto const deadline_effect_def =
    +notify[push(&Timer::notifies)] |
    (action_name[set(&Timer::target)] >> *notify[push(&Timer::notifies)]);

struct timer_class : annotate {};
x3::rule<timer_class, Timer> const deadline = "a deadline";
auto const deadline_def =
    located[kw("deadline") > literal[set_delay] > "->" > deadline_effect[([](auto& ctx) {
              x3::_val(ctx).target = std::move(x3::_attr(ctx).target);
              x3::_val(ctx).notifies = std::move(x3::_attr(ctx).notifies);
            })]];
struct after_class : annotate {};
x3::rule<after_class, Timer> const after = "an after";
auto const after_def =
    located[kw("after")[([](auto& ctx) { x3::_val(ctx).kind = TimerKind::After; })] >
            literal[set_delay] > "->" > state_name[set(&Timer::target)]];
// ---- committee review
struct criterion_class : annotate {};
x3::rule<criterion_class, Criterion> const criterion = "a criterion";
auto const criterion_def =
    located[kw("criterion") > criterion_name[set(&Criterion::name)] >>
            -quoted[set(&Criterion::label)] > type_spec[set(&Criterion::type)]];
x3::rule<struct review_end_class> const review_end = "'criterion', 'vote', 'then' or '}'";
auto const review_end_def = x3::lit('}');

struct review_class : annotate {};
x3::rule<review_class, Review> const review = "a review";
auto const review_def =
    located[kw("review") > kw("by") > role_name[set(&Review::role)] > kw("quorum") >
            literal[([](auto& ctx) {
              Expr const& n = *x3::_attr(ctx);
              if (n.kind != ExprKind::Number || n.text.find('.') != std::string::npos) {
                throw SyntaxError{state_of(ctx).begin + n.offset, n.length,
                                  "a quorum is a whole number of reviewers"};
              }
              // Above 1000 the checker refuses it; keep the conversion in range.
              x3::_val(ctx).quorum = static_cast<std::int64_t>(std::min(n.number, 1001.0));
              x3::_val(ctx).quorum_pos = n;
            })] >> -kw("blind")[flag(&Review::blind)] > '{' > *(criterion[push(&Review::criteria)] | kw("vote")[flag(&Review::vote)] |
                          (kw("then") > "->" > state_name)[([](auto& ctx) {
                            x3::_val(ctx).then_target = std::move(x3::_attr(ctx));
                          })]) > review_end];
// ---- states
x3::rule<struct state_end_class> const state_end =
    "'on', 'deadline', 'after', 'review', 'rank' or '}'";
auto const state_end_def = x3::lit('}');

auto const state_item = action[push(&State::actions)] | deadline[push(&State::timers)] |
                        after[push(&State::timers)] | review[push(&State::reviews)] |
                        rank_block[push(&State::ranks)];

auto state_kind(StateKind k) {
  return [k](auto& ctx) { x3::_val(ctx).kind = k; };
}

struct state_class : annotate {};
x3::rule<state_class, State> const state = "a state";
auto const state_def = located[kw("state") > state_name[set(&State::name)] >>
                               -quoted[set(&State::label)] > '{' > *state_item > state_end];
struct route_class : annotate {};
x3::rule<route_class, Route> const route = "a route";
auto const route_def =
    located[(x3::lit("->") > state_name[set(&Route::target)] > kw("when") >
             expression[(
                 [](auto& ctx) { x3::_val(ctx).guard = share(std::move(x3::_attr(ctx))); })]) |
            (kw("else")[flag(&Route::otherwise)] > "->" > state_name[set(&Route::target)])];
x3::rule<struct decision_end_class> const decision_end =
    "'-> STATE when ...', 'else -> STATE' or '}'";
auto const decision_end_def = x3::lit('}');

struct decision_class : annotate {};
x3::rule<decision_class, State> const decision = "a decision";
auto const decision_def =
    located[kw("decision")[state_kind(StateKind::Decision)] > state_name[set(&State::name)] >>
            -quoted[set(&State::label)] > '{' >
            *(route[push(&State::routes)] | rank_block[push(&State::ranks)]) > decision_end];
struct final_class : annotate {};
x3::rule<final_class, State> const final_state = "a final state";
auto const final_state_def =
    located[kw("final")[state_kind(StateKind::Final)] > state_name[set(&State::name)] >>
            -quoted[set(&State::label)] >>
            -(x3::lit('{')[flag(&State::has_body)] > *state_item > state_end)];
// ---- decision tables
struct cmp_cell_ops_t : x3::symbols<std::string> {
  cmp_cell_ops_t() {
    add("<", "<")("<=", "<=")(">", ">")(">=", ">=")("!=", "!=")("==", "==")("=", "==");
  }
} const cmp_cell_ops;

auto const set_cell_a = [](auto& ctx) { x3::_val(ctx).a = share(std::move(x3::_attr(ctx))); };
auto const set_cell_b = [](auto& ctx) { x3::_val(ctx).b = share(std::move(x3::_attr(ctx))); };
auto cell_kind(Cell::Kind k) {
  return [k](auto& ctx) { x3::_val(ctx).kind = k; };
}
auto cell_op(const char* op) {
  return [op](auto& ctx) { x3::_val(ctx).op = op; };
}

struct cell_class : annotate {};
x3::rule<cell_class, Cell> const cell = "a cell ('-', '>= 90', '80 ..< 90', 'in [...]' or a value)";
auto const cell_def =
    located[(x3::lit('-') >> !x3::lit('>') >> !literal)[cell_kind(Cell::Kind::Any)] |
            (cmp_cell_ops[([](auto& ctx) {
               x3::_val(ctx).kind = Cell::Kind::Compare;
               x3::_val(ctx).op = x3::_attr(ctx);
             })] > expression[set_cell_a]) |
            (kw("in")[cell_kind(Cell::Kind::In)] > expression[set_cell_a]) |
            (expression[set_cell_a][cell_kind(Cell::Kind::Equal)] >>
             -(((x3::lit("..<")[cell_op("..<")] | x3::lit("..")[cell_op("..")]) >
                expression[set_cell_b])[cell_kind(Cell::Kind::Range)]))];
struct row_class : annotate {};
x3::rule<row_class, Row> const row = "a row";
auto const row_def =
    located[kw("row") > (cell[push(&Row::cells)] % ',') > "->" > ((expression[([](auto& ctx) {
                                                                    x3::_val(ctx).outputs.push_back(
                                                                        share(std::move(
                                                                            x3::_attr(ctx))));
                                                                  })]) %
                                                                  ',')];
struct table_output_class : annotate {};
x3::rule<table_output_class, TableOutput> const table_output = "an output (NAME TYPE)";
auto const table_output_def =
    located[output_name[set(&TableOutput::name)] > type_spec[set(&TableOutput::type)]];
x3::rule<struct table_end_class> const table_end = "'row' or '}'";
auto const table_end_def = x3::lit('}');

auto const set_hit = [](auto& ctx) {
  Name const& n = x3::_attr(ctx);
  Table& t = x3::_val(ctx);
  t.hit_pos = n;
  if (n.text == "first") {
    t.hit = HitPolicy::First;
  } else if (n.text == "unique") {
    t.hit = HitPolicy::Unique;
  } else if (n.text == "collect") {
    t.hit = HitPolicy::Collect;
  } else {
    throw SyntaxError{state_of(ctx).begin + n.offset, n.length,
                      "unknown hit policy '" + n.text + "': use first, unique or collect"};
  }
};

struct table_class : annotate {};
x3::rule<table_class, Table> const table = "a table";
auto const table_def =
    located[kw("table") > table_name[set(&Table::name)] >> -quoted[set(&Table::label)] > kw("hit") >
            hit_name[set_hit] > '{' > kw("given") > (expression[([](auto& ctx) {
                                                       x3::_val(ctx).inputs.push_back(
                                                           share(std::move(x3::_attr(ctx))));
                                                     })] %
                                                     ',') > kw("yields") >
            (table_output[push(&Table::outputs)] % ',') > *row[push(&Table::rows)] > table_end];
// ---- the procedure
x3::rule<struct start_class, Name> const start_decl = "start STATE";
auto const start_decl_def = kw("start") > state_name[assign];

x3::rule<struct workflow_end_class> const workflow_end =
    "'state', 'decision', 'final', 'let', 'table', 'start', 'unit from', 'roles', 'fields' or '}'";
auto const workflow_end_def = x3::lit('}');

auto const workflow_item =
    (kw("roles") > '{' > *role[push(&Workflow::roles)] > roles_end) |
    (kw("fields") > '{' > *field[push(&Workflow::fields)] > fields_end) |
    let_decl[push(&Workflow::lets)] | table[push(&Workflow::tables)] |
    start_decl[([](auto& ctx) { x3::_val(ctx).start = std::move(x3::_attr(ctx)); })] |
    (kw("unit") > kw("from") >
     field_name)[([](auto& ctx) { x3::_val(ctx).unit_from = std::move(x3::_attr(ctx)); })] |
    state[push(&Workflow::states)] | decision[push(&Workflow::states)] |
    final_state[push(&Workflow::states)];

struct workflow_class : annotate {};
x3::rule<workflow_class, Workflow> const workflow =
    "a procedure ('workflow NAME \"label\" { ... }')";
auto const workflow_def =
    located[kw("workflow") > workflow_name[set(&Workflow::name)] >> -quoted[set(&Workflow::label)] >
            '{' > *workflow_item > workflow_end];
x3::rule<struct end_of_file_class> const end_of_file = "the end of the file";
auto const end_of_file_def = x3::eoi;

BOOST_SPIRIT_DEFINE(workflow_name, role_name, field_name, let_name, state_name, action_name,
                    table_name, output_name, criterion_name, hit_name, enum_value, message,
                    type_spec, role, field, head_ref, actor_ref, roles_end, fields_end, let_decl, window, notify,
                    assignment, start_other, action, deadline_effect, deadline, after, criterion,
                    review_end, review, state_end, state, route, decision_end, decision,
                    final_state, cell, row, table_output, table_end, table, start_decl,
                    workflow_end, workflow, end_of_file)

}  // namespace

struct workflow_file_class : annotate {};
workflow_file_type const workflow_file = "a procedure";
auto const workflow_file_def = workflow[assign] > end_of_file;
BOOST_SPIRIT_DEFINE(workflow_file)
BOOST_SPIRIT_INSTANTIATE(workflow_file_type, iterator_type, context_type)

}  // namespace dojang::dsl::grammar
