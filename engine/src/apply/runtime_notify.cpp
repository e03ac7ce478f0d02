// Notification text: {field}, {let} and {table.output} replaced by the instance's values, as
// people read them (money: 1,000,000원).

#include "apply/runtime_detail.hpp"

namespace dojang::engine::detail {

namespace {

Index slot_named(const Definition& def, std::string_view name) {
  for (const FieldDef& f : def.fields) {
    if (f.name == name) return f.slot;
  }
  for (const LetDef& l : def.lets) {
    if (l.name == name) return l.slot;
  }
  const std::size_t dot = name.find('.');
  if (dot == std::string_view::npos) return kNone;
  for (const TableDef& t : def.tables) {
    if (t.name != name.substr(0, dot)) continue;
    for (const TableOutput& o : t.outputs) {
      if (o.name == name.substr(dot + 1)) return o.slot;
    }
  }
  return kNone;
}

// The kind of the field in `slot`; Text for a slot that holds no field (a let, a table output).
FieldKind field_kind(const Definition& def, Index slot) {
  for (const FieldDef& f : def.fields) {
    if (f.slot == slot) return f.type.kind;
  }
  return FieldKind::Text;
}

// Whether the slot holds money: a money field (`kind`: the slot's field kind) or a money output.
bool is_money_slot(const Definition& def, Index slot, FieldKind kind) {
  if (kind == FieldKind::Money) return true;
  for (const TableDef& t : def.tables) {
    for (const TableOutput& o : t.outputs) {
      if (o.slot == slot) return o.type.kind == FieldKind::Money;
    }
  }
  return false;  // a let holds money already when it is worked out from money
}

}  // namespace

std::string fill_message(const Definition& def, const Instance& instance, std::string_view message,
                         const Organisation* org) {
  std::string out;
  std::size_t at = 0;
  while (at < message.size()) {
    const std::size_t open = message.find('{', at);
    const std::size_t close = open == std::string_view::npos ? open : message.find('}', open + 1);
    if (close == std::string_view::npos) {
      out += message.substr(at);
      break;
    }
    out += message.substr(at, open - at);
    const std::string_view name = message.substr(open + 1, close - open - 1);
    const Index slot = slot_named(def, name);
    if (slot == kNone) {
      out += message.substr(open, close - open + 1);  // not a value: left as written
    } else {
      const Value v = slot < instance.slots.size() ? instance.slots[slot] : Value{};
      const FieldKind kind = field_kind(def, slot);
      const Value shown = is_money_slot(def, slot, kind) ? as_money_value(v) : v;
      // Money as 1,000,000원; a message that writes the unit itself ("{amount}원") gets it once.
      const Decimal* m = shown.as_money();
      const std::string* text = shown.as_text();
      const Unit* unit =
          org != nullptr && text != nullptr && kind == FieldKind::Unit ? org->find(*text) : nullptr;
      if (unit != nullptr) {
        out += unit->name;
      } else if (m != nullptr && message.substr(close + 1).starts_with("원")) {
        out += m->grouped();
      } else {
        out += plain(shown);
      }
    }
    at = close + 1;
  }
  return out;
}

std::optional<Notification> returned_notice(const Definition& def, const Instance& before,
                                            const Instance& after, const HistoryEvent& event) {
  if (event.kind != "return" || after.state != def.start || before.state == def.start ||
      before.state >= def.states.size())
    return std::nullopt;
  const std::string& owner = after.submitter;
  if (owner.empty() || owner == kSystem || event.actor == owner || event.on_behalf_of == owner)
    return std::nullopt;
  const StateDef& from = def.states[before.state];
  std::string message = (def.label.empty() ? def.name : def.label) + " " + after.id + "이(가) " +
                        (from.label.empty() ? from.name : from.label) + "에서 반려되었습니다";
  if (!event.comment.empty()) message += ": " + event.comment;
  return Notification{std::string(kWaitingPerson) + owner, std::move(message)};
}

}  // namespace dojang::engine::detail
