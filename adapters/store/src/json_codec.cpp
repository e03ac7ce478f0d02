// The JSON of engine Values, and the canonical writer every stored JSON goes through.

#include "json_codec.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <bit>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <vector>

namespace dojang::store::detail {
namespace json = boost::json;
namespace {

// Shortest text that gives the same double back (std::to_chars round-trips exactly).
std::string number_text(double d) {
  char buffer[64];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, d);
  return std::string(buffer, end);
}

std::optional<double> as_double(const json::value& v) {
  if (const double* d = v.if_double()) return *d;
  if (const std::int64_t* i = v.if_int64()) return static_cast<double>(*i);
  if (const std::uint64_t* u = v.if_uint64()) return static_cast<double>(*u);
  return std::nullopt;
}

json::parse_options reader_options() {
  json::parse_options options;
  options.allow_invalid_utf8 = true;  // give back whatever bytes were stored
  return options;
}

// Boost.JSON 1.81 does not read every double back exactly; only trust it where it does.
bool json_reads_back(const std::string& text, double d) {
  boost::system::error_code ec;
  json::value back = json::parse(text, ec, {}, reader_options());
  if (ec) return false;
  std::optional<double> read = as_double(back);
  return read && std::bit_cast<std::uint64_t>(*read) == std::bit_cast<std::uint64_t>(d);
}

json::value encode_number(double d) {
  constexpr double kExactIntegers = 9007199254740992.0;  // 2^53
  if (std::isfinite(d) && d == std::trunc(d) && std::fabs(d) <= kExactIntegers &&
      !(d == 0 && std::signbit(d))) {
    return static_cast<std::int64_t>(d);
  }
  std::string text = number_text(d);
  if (json_reads_back(text, d)) return d;
  return json::object{{"number", text}};
}

void write(const json::value& v, std::string& out) {
  switch (v.kind()) {
    case json::kind::null:
      out += "null";
      return;
    case json::kind::bool_:
      out += v.get_bool() ? "true" : "false";
      return;
    case json::kind::int64:
      out += std::to_string(v.get_int64());
      return;
    case json::kind::uint64:
      out += std::to_string(v.get_uint64());
      return;
    case json::kind::double_:
      out += number_text(v.get_double());
      return;
    case json::kind::string:
      out += json::serialize(v.get_string());
      return;
    case json::kind::array: {
      out += '[';
      bool first = true;
      for (const json::value& item : v.get_array()) {
        if (!first) out += ',';
        first = false;
        write(item, out);
      }
      out += ']';
      return;
    }
    case json::kind::object: {
      std::vector<const json::key_value_pair*> members;
      for (const json::key_value_pair& member : v.get_object()) members.push_back(&member);
      std::sort(members.begin(), members.end(),
                [](auto* a, auto* b) { return a->key() < b->key(); });
      out += '{';
      bool first = true;
      for (const json::key_value_pair* member : members) {
        if (!first) out += ',';
        first = false;
        out += json::serialize(member->key());
        out += ':';
        write(member->value(), out);
      }
      out += '}';
      return;
    }
  }
}

}  // namespace

json::array encode_values(const std::vector<engine::Value>& values) {
  json::array out;
  for (const engine::Value& v : values) out.push_back(encode_value(v));
  return out;
}

Decoded<std::vector<engine::Value>> decode_values(const json::array& items) {
  std::vector<engine::Value> out;
  for (const json::value& item : items) {
    Decoded<engine::Value> v = decode_value(item);
    if (!v) return std::unexpected(v.error());
    out.push_back(std::move(*v));
  }
  return out;
}

json::value encode_value(const engine::Value& value) {
  const engine::Value::Storage& s = value.storage();
  if (value.is_null()) return nullptr;
  if (const bool* b = std::get_if<bool>(&s)) return *b;
  if (const double* d = std::get_if<double>(&s)) return encode_number(*d);
  if (const std::string* t = std::get_if<std::string>(&s)) return json::string(*t);
  if (const engine::Date* d = std::get_if<engine::Date>(&s)) {
    return json::object{{"date", d->seconds}};
  }
  if (const engine::Duration* d = std::get_if<engine::Duration>(&s)) {
    return json::object{{"duration", d->seconds}};
  }
  // Money as its canonical text, never a double: {"money": "1000000.5"}.
  if (const engine::Decimal* m = value.as_money()) return json::object{{"money", m->to_string()}};
  const engine::ValueList* list = value.as_list();
  return list == nullptr ? json::array{} : encode_values(*list);
}

Decoded<engine::Value> decode_value(const json::value& v) {
  switch (v.kind()) {
    case json::kind::null:
      return engine::Value();
    case json::kind::bool_:
      return engine::Value(v.get_bool());
    case json::kind::int64:
    case json::kind::uint64:
    case json::kind::double_:
      return engine::Value(*as_double(v));
    case json::kind::string:
      return engine::Value(std::string(v.get_string()));
    case json::kind::array: {
      Decoded<std::vector<engine::Value>> items = decode_values(v.get_array());
      if (!items) return std::unexpected(items.error());
      return engine::Value(std::move(*items));
    }
    case json::kind::object:
      break;
  }
  const json::object& o = v.get_object();
  if (o.size() == 1) {
    const json::key_value_pair& only = *o.begin();
    const std::int64_t* seconds = only.value().if_int64();
    if (only.key() == "date" && seconds) return engine::Value(engine::Date{*seconds});
    if (only.key() == "duration" && seconds) return engine::Value(engine::Duration{*seconds});
    const json::string* text = only.value().if_string();
    if (only.key() == "money" && text) {
      const auto m = engine::Decimal::parse(*text);
      if (m && m->to_string() == *text) return engine::Value(*m);  // canonical text only
    }
    if (only.key() == "number" && text) {
      double d = 0;
      auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), d);
      if (ec == std::errc() && end == text->data() + text->size()) return engine::Value(d);
    }
  }
  return std::unexpected(
      "a value is not one of null, true, false, a number, text, a list, "
      "{\"date\": n}, {\"duration\": n}, {\"number\": \"n\"}, {\"money\": \"n\"}: " +
      json::serialize(v));
}

std::string canonical(const json::value& v) {
  std::string out;
  write(v, out);
  return out;
}

Decoded<json::value> parse_json(std::string_view text) {
  boost::system::error_code ec;
  json::value v = json::parse(text, ec, {}, reader_options());
  if (ec) return std::unexpected("not valid JSON (" + ec.message() + ")");
  return v;
}

std::string key_result(const std::string& instance, const engine::HistoryEvent& event,
                       const std::string& hash, const std::string& fingerprint) {
  boost::json::object o{{"event", encode_event(instance, event)}, {"hash", hash}};
  if (!fingerprint.empty()) o["fingerprint"] = fingerprint;
  return canonical(o);
}

}  // namespace dojang::store::detail
