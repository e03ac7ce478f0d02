#pragma once
// The syntax tree of a .flow file, as parsed. Every node carries its byte range in the source.
// Names are not resolved here: that is the checker's job.

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace dojang::dsl::ast {

// A byte range in the source text.
struct Node {
  std::uint32_t offset = 0;
  std::uint32_t length = 0;
  [[nodiscard]] std::uint32_t end() const { return offset + length; }
};

// An identifier where it is written (a state, role, field, action name...).
struct Name : Node {
  std::string text;
};

// ---------------------------------------------------------------- expressions

struct Expr;
using ExprPtr = std::shared_ptr<const Expr>;

enum class ExprKind : std::uint8_t {
  Number,  // number, text = as written
  String,  // text = the unquoted content
  Bool,    // flag
  Null,
  Date,      // text = YYYY-MM-DD
  Duration,  // number = amount, unit in text: "d" "h" "m" "w"
  Ref,       // a name, or name.member (reviews.x, table.output): text = name, member = member
  Call,      // text = function name, args
  Unary,     // text = "-" or "not", args[0]
  Binary,    // text = operator (+ - * / == != < <= > >= and or in), args[0], args[1]
  If,        // args = cond, then, else
  List,      // [a, b, ...]
  Weighted,  // weighted { a: 0.25, ... }: weights
  Approve,   // `k of n approve` (number=k, count=n), `all approve` (text="all"), `any approve`
             // (text="any")
};

struct Weight {
  Name name;
  Node weight_pos;
  double weight = 0;
  std::string weight_text;
};

// An expression node. Compact and trivially destructible: its texts and children live in
// storage that the parse keeps with the tree (an arena, see grammar/config.hpp), alive as long
// as any ExprPtr to the root of an expression of that parse. `text` and `member` view that
// storage; `args` are the children, in order.
struct Expr : Node {
  ExprKind kind = ExprKind::Null;
  bool flag = false;
  std::uint32_t depth = 1;  // of the tree below and including this node
  std::string_view text;
  std::string_view member;
  Node member_pos;
  double number = 0;
  std::int64_t count = 0;
  std::span<const Expr* const> args;
  std::span<const Weight> weights;
};

// ---------------------------------------------------------------- declarations

// `ROLE "label"`, `ROLE "label" in unit`, `ROLE "label" in unit and below`.
enum class RoleScope : std::uint8_t { Office, Unit, UnitAndBelow };

struct Role : Node {
  Name name;
  std::string label;
  RoleScope scope = RoleScope::Office;
};

// `head of unit`, `head of parent unit`, `head of submitter unit`: an actor or recipient that
// is the head of a unit. None: the name written is a role, a person field or a word (submitter).
enum class HeadOf : std::uint8_t { None, Unit, ParentUnit, SubmitterUnit };

// Count: a whole number, 0 or more (an engine::FieldKind::Number that is whole).
enum class TypeKind : std::uint8_t {
  Text,
  Number,
  Count,
  Money,
  Bool,
  Date,
  OneOf,
  Score,
  Person,
  Unit
};

struct TypeSpec : Node {
  TypeKind kind = TypeKind::Text;
  std::vector<Name> values;  // one_of: the values (identifiers, or quoted text kept as written)
  double lo = 0, hi = 0;     // score lo..hi
  std::string lo_text, hi_text;
};

struct Field : Node {
  Name name;
  std::string label;  // optional
  TypeSpec type;
  bool required = false;
};

struct Let : Node {
  Name name;
  ExprPtr value;
};

// `open 01-01 .. 02-28`
struct Window : Node {
  int from_month = 0, from_day = 0, to_month = 0, to_day = 0;
};

// `notify ROLE "message {field}"` (or `notify submitter`, `notify FIELD`, `notify head of unit`)
struct Notify : Node {
  Name role;         // the name written (for a head: the words `head of ...`, text "head")
  HeadOf head = HeadOf::None;
  std::string message;
  Node message_pos;
};

// `start WORKFLOW with field = expr, ...`: start another procedure (used by later issues).
struct StartOther : Node {
  Name workflow;
  std::vector<std::pair<Name, ExprPtr>> assignments;
};

enum class TargetKind : std::uint8_t { None, State, ReturnTo, ReturnToPrevious };

struct Action : Node {
  Name name;
  Name role;  // "submitter" and "anyone" are words of the language, kept as written
  HeadOf head = HeadOf::None;  // `by head of ...` (role then spans the words, text "head")
  TargetKind target_kind = TargetKind::None;
  Name target;
  ExprPtr guard;  // `when`, may be null
  std::vector<Name> requires_fields;
  std::vector<Name> sets;
  bool with_comment = false;
  bool not_by_submitter = false;
  bool recallable = false;
  std::optional<Window> window;
  std::vector<Notify> notifies;
  std::vector<StartOther> starts;
};

enum class TimerKind : std::uint8_t { Deadline, After };

struct Timer : Node {
  TimerKind kind = TimerKind::Deadline;
  ExprPtr delay;  // a duration literal
  Name target;    // After: a state; Deadline: an action of the state (may be empty)
  std::vector<Notify> notifies;
};

struct Criterion : Node {
  Name name;
  std::string label;
  TypeSpec type;  // a score
};

struct Review : Node {
  Name role;
  std::int64_t quorum = 1;
  Node quorum_pos;
  bool blind = false;  // `quorum N blind`
  std::vector<Criterion> criteria;
  bool vote = false;
  std::optional<Name> then_target;
};

struct Route : Node {  // a branch of a decision state: `-> target when guard` / `else -> target`
  Name target;
  ExprPtr guard;  // null for else
  bool otherwise = false;
};

// `rank NAME by ROLE [per FIELD] "label" { ... }`: one decision across the items waiting in a
// state (see engine::RankingDef). The clauses may come in any order and are kept as written
// (the checker refuses repeats; the formatter prints them in the canonical order).
struct RankKey : Node {
  ExprPtr expr;
  bool descending = true;  // `desc` (the default) or `asc`
};

struct RankOrder : Node {  // `order EXPR [desc|asc], ...`
  std::vector<RankKey> keys;
};

struct RankBand : Node {  // `top N -> STATE`, `next N -> STATE`, `rest -> STATE`
  enum class Kind : std::uint8_t { Top, Next, Rest } kind = Kind::Top;
  std::int64_t count = 0;  // Top, Next: as written, clamped to 0..1001
  std::string count_text;
  Node count_pos;
  Name target;
};

struct RankDate : Node {  // `at MM-DD`: the two numbers as written (checked by the checker)
  int month = 0, day = 0;
};

struct Rank : Node {
  Name name;
  Name role;
  std::optional<Name> group;  // `per FIELD`
  std::string label;
  std::vector<RankOrder> orders;
  std::vector<Name> ties;           // `ties share|refuse|earliest`: the rule's word
  std::vector<Name> while_scoring;  // `while scoring refuse|wait`: the rule's word
  std::vector<Name> place_fields;   // `place into FIELD`
  std::vector<RankBand> bands;
  std::vector<RankDate> at;
};

enum class StateKind : std::uint8_t { Normal, Decision, Final };

struct State : Node {
  StateKind kind = StateKind::Normal;
  Name name;
  std::string label;
  bool has_body = false;  // a final written with a { } body
  std::vector<Action> actions;
  std::vector<Timer> timers;
  std::vector<Review> reviews;
  std::vector<Route> routes;
  std::vector<Rank> ranks;
};

enum class HitPolicy : std::uint8_t { First, Unique, Collect };

// One cell of a table row: `-`, `>= e`, `< e`, `lo .. hi`, `lo ..< hi`, `in [a, b]`, or `e`.
struct Cell : Node {
  enum class Kind : std::uint8_t { Any, Compare, Range, In, Equal } kind = Kind::Any;
  std::string op;  // Compare: < <= > >= != ; Range: ".." or "..<"
  ExprPtr a, b;    // Compare/Equal: a; Range: a..b; In: a is a List
};

struct Row : Node {
  std::vector<Cell> cells;
  std::vector<ExprPtr> outputs;
};

struct TableOutput : Node {
  Name name;
  TypeSpec type;
};

struct Table : Node {
  Name name;
  std::string label;
  HitPolicy hit = HitPolicy::First;
  Node hit_pos;
  std::vector<ExprPtr> inputs;
  std::vector<TableOutput> outputs;
  std::vector<Row> rows;
};

struct Workflow : Node {
  Name name;
  std::string label;
  std::vector<Role> roles;
  std::vector<Field> fields;
  std::vector<Let> lets;
  std::vector<Table> tables;
  std::optional<Name> start;
  std::optional<Name> unit_from;  // `unit from FIELD`
  std::vector<State> states;
};

}  // namespace dojang::dsl::ast
