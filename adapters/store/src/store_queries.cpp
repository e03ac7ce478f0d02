// Lists: inboxes, instances, the outbox.

#include <algorithm>

#include "connection.hpp"
#include "dojang/store/store.hpp"
#include "sql_rows.hpp"

namespace dojang::store {
namespace {

// Binds the columns of kSummaryColumns, in order, and turns a fetched row into a summary.
class SummaryRow {
 public:
  static constexpr const char* kColumns =
      "i.id, i.workflow, i.version, i.state, i.state_name, i.revision, i.updated_at,"
      " i.submitter, i.final, i.unit";

  void bind(soci::statement& st) {
    st.exchange(soci::into(m_row.id));
    st.exchange(soci::into(m_row.workflow));
    st.exchange(soci::into(m_row.version));
    st.exchange(soci::into(m_state));
    st.exchange(soci::into(m_row.state_name));
    st.exchange(soci::into(m_revision));
    st.exchange(soci::into(m_updated));
    st.exchange(soci::into(m_row.submitter));
    st.exchange(soci::into(m_final));
    st.exchange(soci::into(m_row.unit));
  }
  [[nodiscard]] InstanceSummary get() const {
    InstanceSummary out = m_row;
    out.state = static_cast<engine::Index>(m_state);
    out.revision = m_revision;
    out.updated_at = engine::Date{m_updated};
    out.final = m_final != 0;
    return out;
  }

 private:
  InstanceSummary m_row;
  long long m_state = 0, m_revision = 0, m_updated = 0;
  int m_final = 0;
};

}  // namespace

Result<std::vector<InstanceSummary>> Store::inbox(const std::vector<std::string>& roles,
                                                  int limit) {
  using Rows = std::vector<InstanceSummary>;
  return m_db->produce<Rows>([&](Rows& out) -> Result<void> {
    if (roles.empty() || limit <= 0) return {};
    // The newest `limit` items of each role (an index range scan on waiting_by_role each),
    // merged and cut to the newest `limit` overall: the cost follows the inbox, not the
    // number of items in the database. waiting.updated_at equals instances.updated_at (commit
    // writes both). One placeholder per role and limit; the values themselves are bound.
    std::string per_role;
    for (std::size_t i = 0; i < roles.size(); ++i) {
      auto const n = std::to_string(i);
      per_role += (i == 0 ? "" : " UNION ") +
                  std::string("SELECT instance FROM (SELECT w.instance") +
                  " FROM waiting w WHERE w.role = :r" + n +
                  " ORDER BY w.updated_at DESC, w.instance DESC LIMIT :m" + n + ") newest" + n;
    }
    SummaryRow row;
    detail::for_each_row(
        m_db->sql(),
        std::string("SELECT ") + SummaryRow::kColumns + " FROM instances i WHERE i.id IN (" +
            per_role + ") ORDER BY i.updated_at DESC, i.id DESC LIMIT :n",
        [&](soci::statement& st) {
          row.bind(st);
          for (const std::string& role : roles) {
            st.exchange(soci::use(role));
            st.exchange(soci::use(limit));
          }
          st.exchange(soci::use(limit));
        },
        [&] { out.push_back(row.get()); });
    return {};
  });
}

Result<std::vector<InstanceSummary>> Store::instances(std::optional<std::string> workflow,
                                                      int limit) {
  using Rows = std::vector<InstanceSummary>;
  return m_db->produce<Rows>([&](Rows& out) -> Result<void> {
    if (limit <= 0) return {};
    SummaryRow row;
    detail::for_each_row(
        m_db->sql(),
        std::string("SELECT ") + SummaryRow::kColumns + " FROM instances i" +
            (workflow ? " WHERE i.workflow = :w" : "") +
            " ORDER BY i.updated_at DESC, i.id DESC LIMIT :n",
        [&](soci::statement& st) {
          row.bind(st);
          if (workflow) st.exchange(soci::use(*workflow));
          st.exchange(soci::use(limit));
        },
        [&] { out.push_back(row.get()); });
    return {};
  });
}

Result<std::vector<InstanceSummary>> Store::list(const ListQuery& q) {
  using Rows = std::vector<InstanceSummary>;
  return m_db->produce<Rows>([&](Rows& out) -> Result<void> {
    if (q.limit <= 0) return {};
    // The values bound, at addresses that stay put while the statement runs.
    std::vector<std::string> texts;
    std::vector<long long> numbers;
    texts.reserve(3 + q.units.size() + q.words.size());
    numbers.reserve(4);
    std::string where;
    auto clause = [&](const std::string& sql) {
      where += (where.empty() ? " WHERE " : " AND ") + sql;
    };
    auto text = [&](const std::string& column, const std::string& value) {
      texts.push_back(value);
      clause(column + " = :t" + std::to_string(texts.size()));
    };
    if (q.workflow) text("i.workflow", *q.workflow);
    if (q.state_name) text("i.state_name", *q.state_name);
    if (q.submitter) text("i.submitter", *q.submitter);
    if (!q.units.empty()) {
      std::string in;
      for (const std::string& unit : q.units) {
        texts.push_back(unit);
        in += (in.empty() ? ":t" : ", :t") + std::to_string(texts.size());
      }
      clause("i.unit IN (" + in + ")");
    }
    if (q.final) clause(*q.final ? "i.final = 1" : "i.final = 0");
    auto number = [&](const std::string& op, long long value) {
      numbers.push_back(value);
      clause("i.created_at " + op + " :n" + std::to_string(numbers.size()));
    };
    if (q.from) number(">=", q.from->seconds);
    if (q.to) number("<", q.to->seconds);
    for (const std::string& word : q.words) {
      std::string pattern = "%";
      for (const char c : word) {
        if (c == '%' || c == '_' || c == '\\') pattern += '\\';
        pattern += c;
      }
      texts.push_back(pattern + "%");
      clause("i.body LIKE :t" + std::to_string(texts.size()) + " ESCAPE '\\'");
    }
    long long limit = q.limit, offset = std::max(0, q.offset);
    SummaryRow row;
    detail::for_each_row(
        m_db->sql(),
        std::string("SELECT ") + SummaryRow::kColumns + " FROM instances i" + where +
            " ORDER BY i.updated_at DESC, i.id DESC LIMIT :limit OFFSET :offset",
        [&](soci::statement& st) {
          row.bind(st);
          // Bound in the order the :names appear in the SQL: equalities, start days, then words.
          const std::size_t equalities = texts.size() - q.words.size();
          for (std::size_t i = 0; i < equalities; ++i) st.exchange(soci::use(texts[i]));
          for (long long& n : numbers) st.exchange(soci::use(n));
          for (std::size_t i = equalities; i < texts.size(); ++i) st.exchange(soci::use(texts[i]));
          st.exchange(soci::use(limit));
          st.exchange(soci::use(offset));
        },
        [&] { out.push_back(row.get()); });
    return {};
  });
}

Result<std::vector<OutboxRow>> Store::outbox(int limit) {
  using Rows = std::vector<OutboxRow>;
  return m_db->produce<Rows>([&](Rows& out) -> Result<void> {
    if (limit <= 0) return {};
    OutboxRow row;
    long long id = 0, seq = 0, created = 0;
    detail::for_each_row(
        m_db->sql(),
        "SELECT id, instance, seq, role, message, created_at FROM outbox"
        " WHERE sent_at IS NULL ORDER BY id LIMIT :n",
        [&](soci::statement& st) {
          st.exchange(soci::into(id));
          st.exchange(soci::into(row.instance));
          st.exchange(soci::into(seq));
          st.exchange(soci::into(row.role));
          st.exchange(soci::into(row.message));
          st.exchange(soci::into(created));
          st.exchange(soci::use(limit));
        },
        [&] {
          row.id = id;
          row.seq = seq;
          row.created_at = engine::Date{created};
          out.push_back(row);
        });
    return {};
  });
}

Result<void> Store::mark_sent(std::int64_t outbox_id, engine::Date now) {
  return m_db->run([&]() -> Result<void> {
    long long id = outbox_id, at = now.seconds;
    soci::statement update = (m_db->sql().prepare << "UPDATE outbox SET sent_at = :t WHERE id = :i",
                              soci::use(at), soci::use(id));
    if (detail::changed_rows(update) == 0) {
      return std::unexpected(
          Error{Error::Code::NotFound, "no notification " + std::to_string(outbox_id)});
    }
    return {};
  });
}

}  // namespace dojang::store
