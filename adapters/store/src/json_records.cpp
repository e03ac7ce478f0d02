// The JSON of records: an instance's body, an event's payload, a whole event.

#include <boost/json.hpp>

#include <cstdint>

#include "json_codec.hpp"

namespace dojang::store::detail {
namespace json = boost::json;
namespace {

// Reads the members of one object; remembers the first thing that is wrong.
class Reader {
 public:
  Reader(const json::value& v, std::string what) : m_what(std::move(what)) {
    m_object = v.if_object();
    if (m_object == nullptr) fail("is not an object");
  }

  const json::value* any(std::string_view key) {
    if (m_object == nullptr) return nullptr;
    const json::value* v = m_object->if_contains(key);
    if (v == nullptr) fail("has no \"" + std::string(key) + "\"");
    return v;
  }
  std::string text(std::string_view key) {
    const json::value* v = any(key);
    if (v == nullptr) return {};
    if (const json::string* s = v->if_string()) return std::string(*s);
    fail("\"" + std::string(key) + "\" is not text");
    return {};
  }
  std::int64_t integer(std::string_view key) {
    const json::value* v = any(key);
    if (v == nullptr) return 0;
    if (const std::int64_t* i = v->if_int64()) return *i;
    if (const std::uint64_t* u = v->if_uint64(); u && *u <= INT64_MAX) {
      return static_cast<std::int64_t>(*u);
    }
    fail("\"" + std::string(key) + "\" is not an integer");
    return 0;
  }
  const json::array& array(std::string_view key) {
    static const json::array kEmpty;
    const json::value* v = any(key);
    if (v == nullptr) return kEmpty;
    if (const json::array* a = v->if_array()) return *a;
    fail("\"" + std::string(key) + "\" is not a list");
    return kEmpty;
  }
  void fail(const std::string& why) {
    if (m_error.empty()) m_error = m_what + " " + why;
  }
  [[nodiscard]] bool ok() const { return m_error.empty(); }
  [[nodiscard]] const std::string& error() const { return m_error; }

 private:
  const json::object* m_object = nullptr;
  std::string m_what;
  std::string m_error;
};

json::array encode_texts(const std::vector<std::string>& texts) {
  json::array out;
  for (const std::string& t : texts) out.emplace_back(t);
  return out;
}

Decoded<std::vector<std::string>> decode_texts(const json::array& items, std::string_view what) {
  std::vector<std::string> out;
  for (const json::value& item : items) {
    const json::string* s = item.if_string();
    if (s == nullptr) return std::unexpected(std::string(what) + " holds something not text");
    out.emplace_back(*s);
  }
  return out;
}

engine::Index to_index(std::int64_t n) {
  return static_cast<engine::Index>(n);
}

json::object encode_payload_object(const engine::HistoryEvent& event) {
  json::array changes;
  for (const auto& [field, value] : event.changes) {
    changes.push_back(json::object{{"field", field}, {"value", encode_value(value)}});
  }
  return json::object{{"changes", std::move(changes)},
                      {"notes", encode_texts(event.notes)},
                      {"route", encode_texts(event.route)}};
}

Decoded<bool> decode_payload_value(const json::value& payload, engine::HistoryEvent& event) {
  Reader r(payload, "the event payload");
  const json::array& changes = r.array("changes");
  const json::array& notes = r.array("notes");
  const json::array& route = r.array("route");
  if (!r.ok()) return std::unexpected(r.error());
  event.changes.clear();
  for (const json::value& change : changes) {
    Reader c(change, "a change");
    std::string field = c.text("field");
    const json::value* value = c.any("value");
    if (!c.ok()) return std::unexpected(c.error());
    Decoded<engine::Value> v = decode_value(*value);
    if (!v) return std::unexpected(v.error());
    event.changes.emplace_back(std::move(field), std::move(*v));
  }
  Decoded<std::vector<std::string>> n = decode_texts(notes, "notes");
  if (!n) return std::unexpected(n.error());
  Decoded<std::vector<std::string>> rt = decode_texts(route, "route");
  if (!rt) return std::unexpected(rt.error());
  event.notes = std::move(*n);
  event.route = std::move(*rt);
  return true;
}

}  // namespace

std::string encode_body(const engine::Instance& instance) {
  json::array reviews;
  for (const engine::ReviewRecord& review : instance.reviews) {
    json::object r{{"block", review.block},
                   {"reviewer", review.reviewer},
                   {"scores", encode_values(review.scores)},
                   {"vote", encode_value(review.vote)}};
    // Only when set, so that bodies written before these keys read back the same.
    if (!review.on_behalf_of.empty()) r["on_behalf_of"] = review.on_behalf_of;
    if (review.recused) r["recused"] = true;
    reviews.push_back(std::move(r));
  }
  json::array trail;
  for (engine::Index state : instance.trail) trail.emplace_back(state);
  json::value recall = nullptr;
  if (instance.recall) {
    recall = json::object{{"back_to", instance.recall->back_to},
                          {"revision", instance.recall->revision},
                          {"user", instance.recall->user}};
  }
  json::object body{{"recall", std::move(recall)},
                    {"reviews", std::move(reviews)},
                    {"slots", encode_values(instance.slots)},
                    {"trail", std::move(trail)}};
  if (instance.withdrawn) body["withdrawn"] = true;  // only when set, like the review keys
  if (!instance.unit.empty()) body["unit"] = instance.unit;
  if (!instance.drafted_in.empty()) body["drafted_in"] = instance.drafted_in;
  return canonical(body);
}

Decoded<bool> decode_body(std::string_view text, engine::Instance& instance) {
  Decoded<json::value> body = parse_json(text);
  if (!body) return std::unexpected("the instance body is " + body.error());
  Reader r(*body, "the instance body");
  const json::value* recall = r.any("recall");
  const json::array& reviews = r.array("reviews");
  const json::array& slots = r.array("slots");
  const json::array& trail = r.array("trail");
  if (!r.ok()) return std::unexpected(r.error());

  Decoded<std::vector<engine::Value>> values = decode_values(slots);
  if (!values) return std::unexpected(values.error());
  instance.slots = std::move(*values);
  instance.reviews.clear();
  for (const json::value& item : reviews) {
    Reader rv(item, "a review");
    engine::ReviewRecord review;
    review.block = static_cast<std::uint32_t>(rv.integer("block"));
    review.reviewer = rv.text("reviewer");
    if (const json::object* o = item.if_object()) {
      if (const json::value* b = o->if_contains("on_behalf_of"); b && b->is_string())
        review.on_behalf_of = std::string(b->get_string());
      if (const json::value* b = o->if_contains("recused"); b && b->is_bool())
        review.recused = b->get_bool();
    }
    const json::array& scores = rv.array("scores");
    const json::value* vote = rv.any("vote");
    if (!rv.ok()) return std::unexpected(rv.error());
    Decoded<std::vector<engine::Value>> s = decode_values(scores);
    if (!s) return std::unexpected(s.error());
    Decoded<engine::Value> v = decode_value(*vote);
    if (!v) return std::unexpected(v.error());
    review.scores = std::move(*s);
    review.vote = std::move(*v);
    instance.reviews.push_back(std::move(review));
  }
  instance.trail.clear();
  for (const json::value& state : trail) {
    const std::int64_t* i = state.if_int64();
    if (i == nullptr) return std::unexpected("the trail holds something not a state number");
    instance.trail.push_back(to_index(*i));
  }
  instance.withdrawn = false;
  instance.unit.clear();
  instance.drafted_in.clear();
  if (const json::object* o = body->if_object()) {
    if (const json::value* w = o->if_contains("withdrawn"); w && w->is_bool())
      instance.withdrawn = w->get_bool();
    if (const json::value* u = o->if_contains("unit"); u && u->is_string())
      instance.unit = std::string(u->get_string());
    if (const json::value* u = o->if_contains("drafted_in"); u && u->is_string())
      instance.drafted_in = std::string(u->get_string());
  }
  instance.recall.reset();
  if (!recall->is_null()) {
    Reader rc(*recall, "the recall window");
    engine::RecallWindow window;
    window.back_to = to_index(rc.integer("back_to"));
    window.revision = rc.integer("revision");
    window.user = rc.text("user");
    if (!rc.ok()) return std::unexpected(rc.error());
    instance.recall = std::move(window);
  }
  return true;
}

std::string encode_payload(const engine::HistoryEvent& event) {
  return canonical(encode_payload_object(event));
}

Decoded<bool> decode_payload(std::string_view text, engine::HistoryEvent& event) {
  Decoded<json::value> payload = parse_json(text);
  if (!payload) return std::unexpected("the event payload is " + payload.error());
  return decode_payload_value(*payload, event);
}

json::value encode_event(const std::string& instance, const engine::HistoryEvent& event) {
  json::object out = encode_payload_object(event);
  out["action"] = event.action;
  out["actor"] = event.actor;
  out["at"] = event.at.seconds;
  out["comment"] = event.comment;
  out["from"] = event.from;
  out["instance"] = instance;
  out["kind"] = event.kind;
  out["on_behalf_of"] = event.on_behalf_of;
  out["seq"] = event.seq;
  // Only for a reminder, so that the events written before reminders hash as they did.
  if (event.reminder != 0) out["reminder"] = event.reminder;
  out["to"] = event.to;
  return out;
}

Decoded<engine::HistoryEvent> decode_event(const json::value& v) {
  Reader r(v, "the event");
  engine::HistoryEvent event;
  event.action = r.text("action");
  event.actor = r.text("actor");
  event.at = engine::Date{r.integer("at")};
  event.comment = r.text("comment");
  event.from = r.text("from");
  event.kind = r.text("kind");
  event.on_behalf_of = r.text("on_behalf_of");
  event.seq = r.integer("seq");
  event.to = r.text("to");
  if (const json::object* o = v.if_object()) {
    if (const json::value* n = o->if_contains("reminder"); n && n->is_int64())
      event.reminder = n->get_int64();
  }
  if (!r.ok()) return std::unexpected(r.error());
  Decoded<bool> payload = decode_payload_value(v, event);
  if (!payload) return std::unexpected(payload.error());
  return event;
}

}  // namespace dojang::store::detail
