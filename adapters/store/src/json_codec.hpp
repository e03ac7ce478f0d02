#pragma once
// The JSON the store keeps: engine Values, an Instance's body, a HistoryEvent's payload and the
// whole event (for the hash and the idempotency copy). Values are typed: null, true/false,
// numbers, "text", [lists], {"date": seconds}, {"duration": seconds}, money as its canonical
// text {"money": "1000000.5"} (base::Decimal::to_string: no grouping, no trailing zeros, so
// that the hash of an event with money is defined once); a number that a JSON reader would not
// give back bit for bit is written {"number": "text"}. A plain number stays a number when read,
// also in a money field of a store written before money was exact: the engine reads it as money
// (engine::as_money_value), and its stored events keep their bytes and their hashes. Objects are
// written with sorted keys and no spaces (canonical), so equal content gives equal text.

#include <boost/json/value.hpp>

#include <expected>
#include <string>
#include <string_view>
#include <vector>

#include "dojang/engine/runtime.hpp"

namespace dojang::store::detail {

template <class T>
using Decoded = std::expected<T, std::string>;  // the error says what is wrong, in words

[[nodiscard]] boost::json::value encode_value(const engine::Value& value);
[[nodiscard]] Decoded<engine::Value> decode_value(const boost::json::value& json);
[[nodiscard]] boost::json::array encode_values(const std::vector<engine::Value>& values);
[[nodiscard]] Decoded<std::vector<engine::Value>> decode_values(const boost::json::array& items);

// Sorted keys, no whitespace, numbers as encode_value chose them.
[[nodiscard]] std::string canonical(const boost::json::value& json);
[[nodiscard]] Decoded<boost::json::value> parse_json(std::string_view text);

// instances.body: slots, reviews, trail, recall (the columns and the timer rows hold the rest).
[[nodiscard]] std::string encode_body(const engine::Instance& instance);
[[nodiscard]] Decoded<bool> decode_body(std::string_view text, engine::Instance& instance);

// history.payload: route, changes, notes (the columns hold the rest).
[[nodiscard]] std::string encode_payload(const engine::HistoryEvent& event);
[[nodiscard]] Decoded<bool> decode_payload(std::string_view text, engine::HistoryEvent& event);

// The whole event of an instance, as hashed and as copied under an idempotency key.
[[nodiscard]] boost::json::value encode_event(const std::string& instance,
                                              const engine::HistoryEvent& event);

// What an idempotency key keeps: the event, its hash and the request's fingerprint (when given).
[[nodiscard]] std::string key_result(const std::string& instance, const engine::HistoryEvent& event,
                                     const std::string& hash, const std::string& fingerprint);
[[nodiscard]] Decoded<engine::HistoryEvent> decode_event(const boost::json::value& json);

}  // namespace dojang::store::detail
