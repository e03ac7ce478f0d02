// Orders to start other procedures: written with their step (step_write.cpp calls
// insert_start_orders in the step's transaction), listed while pending, marked once the item is
// started. The values are kept as JSON: [[field, value], ...] in the order of the `start` clause.

#include "store_starts.hpp"

#include <boost/json/array.hpp>

#include "connection.hpp"
#include "dojang/store/store.hpp"
#include "json_codec.hpp"
#include "sql_rows.hpp"
#include "transaction.hpp"

namespace dojang::store {
namespace detail {
namespace {

std::string encode_start_values(const engine::StartOrder& order) {
  boost::json::array items;
  for (const auto& [field, value] : order.values)
    items.push_back(boost::json::array{boost::json::value(field), encode_value(value)});
  return canonical(items);
}

Decoded<std::vector<std::pair<std::string, engine::Value>>> decode_start_values(
    std::string_view text) {
  auto json = parse_json(text);
  if (!json) return std::unexpected(json.error());
  const boost::json::array* items = json->if_array();
  if (items == nullptr) return std::unexpected(std::string("the values are not a list"));
  std::vector<std::pair<std::string, engine::Value>> out;
  for (const boost::json::value& item : *items) {
    const boost::json::array* pair = item.if_array();
    if (pair == nullptr || pair->size() != 2 || !pair->at(0).is_string())
      return std::unexpected(std::string("a value is not a [field, value] pair"));
    auto value = decode_value(pair->at(1));
    if (!value) return std::unexpected(value.error());
    out.emplace_back(std::string(pair->at(0).as_string()), std::move(*value));
  }
  return out;
}

}  // namespace

void insert_start_orders(soci::session& sql, const engine::Step& step) {
  if (step.starts.empty()) return;
  const std::string& id = step.instance.id;
  long long seq = step.event.seq, at = step.event.at.seconds;
  for (std::size_t i = 0; i < step.starts.size(); ++i) {
    const engine::StartOrder& order = step.starts[i];
    int n = static_cast<int>(i);
    const std::string values = encode_start_values(order);
    sql << "INSERT INTO start_orders (instance, seq, n, workflow, field_values, created_at)"
           " VALUES (:i, :s, :n, :w, :v, :a)",
        soci::use(id), soci::use(seq), soci::use(n), soci::use(order.workflow), soci::use(values),
        soci::use(at);
  }
}

}  // namespace detail

namespace {

using Rows = std::vector<StartOrderRow>;

// Runs a SELECT of start_orders' columns (in table order) with the given tail and parameters.
Result<void> select_orders(detail::Connection& db, const std::string& tail,
                           const std::function<void(soci::statement&)>& bind, Rows& out) {
  std::string instance, workflow, values, started;
  long long seq = 0, created = 0;
  int n = 0;
  soci::indicator started_ind = soci::i_null;
  std::string bad;
  detail::for_each_row(
      db.sql(),
      "SELECT instance, seq, n, workflow, field_values, created_at, started_instance"
      " FROM start_orders " +
          tail,
      [&](soci::statement& st) {
        st.exchange(soci::into(instance));
        st.exchange(soci::into(seq));
        st.exchange(soci::into(n));
        st.exchange(soci::into(workflow));
        st.exchange(soci::into(values));
        st.exchange(soci::into(created));
        st.exchange(soci::into(started, started_ind));
        bind(st);
      },
      [&] {
        auto decoded = detail::decode_start_values(values);
        if (!decoded) {
          if (bad.empty()) {
            bad = "start order " + std::to_string(n) + " of event " + std::to_string(seq) +
                  " of '" + instance + "' cannot be read: " + decoded.error();
          }
          return;
        }
        StartOrderRow row;
        row.instance = instance;
        row.seq = seq;
        row.n = n;
        row.order = engine::StartOrder{workflow, std::move(*decoded)};
        row.created_at = engine::Date{created};
        if (started_ind == soci::i_ok) row.started_instance = started;
        out.push_back(std::move(row));
      });
  if (!bad.empty()) return std::unexpected(Error{Error::Code::Internal, bad});
  return {};
}

}  // namespace

Result<std::vector<StartOrderRow>> Store::pending_starts(const std::optional<std::string>& instance,
                                                         int limit) {
  return m_db->produce<Rows>([&](Rows& out) -> Result<void> {
    if (limit <= 0) return {};
    std::string id = instance.value_or("");
    const std::string tail = std::string("WHERE started_instance IS NULL") +
                             (instance ? " AND instance = :i" : "") +
                             " ORDER BY created_at, instance, seq, n LIMIT :l";
    return select_orders(
        *m_db, tail,
        [&](soci::statement& st) {
          if (instance) st.exchange(soci::use(id));
          st.exchange(soci::use(limit));
        },
        out);
  });
}

Result<std::vector<StartOrderRow>> Store::start_orders(const std::string& instance) {
  return m_db->produce<Rows>([&](Rows& out) -> Result<void> {
    std::string id = instance;
    return select_orders(
        *m_db, "WHERE instance = :i ORDER BY seq, n",
        [&](soci::statement& st) { st.exchange(soci::use(id)); }, out);
  });
}

Result<void> Store::mark_started(const std::string& instance, std::int64_t seq, int n,
                                 const std::string& started_instance) {
  return m_db->run([&]() -> Result<void> {
    soci::session& sql = m_db->sql();
    std::string id = instance, started = started_instance;
    long long s = seq;
    int number = n;
    soci::statement update =
        (sql.prepare << "UPDATE start_orders SET started_instance = :st WHERE instance = :i"
                        " AND seq = :s AND n = :n AND started_instance IS NULL",
         soci::use(started), soci::use(id), soci::use(s), soci::use(number));
    if (detail::changed_rows(update) == 1) return {};
    std::string current;
    soci::indicator ind = soci::i_null;
    sql << "SELECT started_instance FROM start_orders WHERE instance = :i AND seq = :s AND n = :n",
        soci::into(current, ind), soci::use(id), soci::use(s), soci::use(number);
    const std::string which = "start order " + std::to_string(n) + " of event " +
                              std::to_string(seq) + " of '" + instance + "'";
    if (!sql.got_data()) return std::unexpected(Error{Error::Code::NotFound, "no " + which});
    if (ind == soci::i_ok && current == started_instance) return {};  // recorded already
    return std::unexpected(
        Error{Error::Code::Conflict,
              which + " has started '" + current + "' already, not '" + started_instance + "'"});
  });
}

}  // namespace dojang::store
