// Money through the real `dojang`: amounts add exactly, people read them with separators, JSON
// gives the exact amount as a string, and amounts that are not money are refused (exit 1,
// nothing changed). On SQLite and PostgreSQL.

#include <gtest/gtest.h>

#include <string>

#include "cli/runtime_fixture.hpp"

namespace dojang::cli::test {
namespace {

constexpr const char* kFlow = R"flow(
workflow purse "지갑" {
  roles {
    clerk "민원접수 담당"
  }
  fields {
    title  "제목"   text required
    first  "첫째"   money
    second "둘째"   money
    third  "셋째"   money
  }
  let total = first + second + third
  start draft
  state draft "작성" {
    on fill by clerk sets first, second, third
    on submit by clerk -> done notify clerk "'{title}' 합계 {total}"
  }
  final done "완료"
}
)flow";

class Money : public RuntimeTest {
 protected:
  void SetUp() override {
    RuntimeTest::SetUp();
    if (HasFatalFailure()) return;
    deploy_office();
    ok({"deploy", m_dir.write("purse.flow", kFlow).string()});
    m_id = first_line(
        ok({"start", "purse", "--as", "bae.junseo", "--set", "title=지갑", "--now", "2007-03-01"}));
  }

  std::string m_id;
};
DOJANG_RUNTIME_BACKENDS(Money);

TEST_P(Money, TenthsAddUpExactly) {
  for (const char* field : {"first", "second", "third"}) {
    ok({"act", m_id, "fill", "--as", "bae.junseo", "--set", std::string(field) + "=0.1", "--now",
        "2007-03-02"});
  }
  boost::json::value const shown = json({"show", m_id});
  std::string total;
  for (const auto& d : shown.at("derived").as_array()) {
    if (d.at("name") == "total") total = std::string(d.at("value").as_string());
  }
  EXPECT_EQ(total, "0.3");  // not 0.30000000000000004
  EXPECT_TRUE(contains(ok({"show", m_id}), "0.3원")) << ok({"show", m_id});
  std::string const submitted =
      ok({"act", m_id, "submit", "--as", "bae.junseo", "--now", "2007-03-03"});
  EXPECT_TRUE(contains(submitted, "'지갑' 합계 0.3원")) << submitted;
}

TEST_P(Money, AMillionReadsWithSeparators) {
  ok({"act", m_id, "fill", "--as", "bae.junseo", "--set", "first=1000000", "--set",
      "second=1,000,000.5", "--set", "third=0", "--now", "2007-03-02"});
  std::string const shown = ok({"show", m_id});
  EXPECT_TRUE(contains(shown, "1,000,000원")) << shown;
  EXPECT_TRUE(contains(shown, "2,000,000.5원")) << shown;  // the total
  std::string const history = ok({"history", m_id});
  EXPECT_TRUE(contains(history, "첫째 (first) = 1,000,000원")) << history;
  EXPECT_TRUE(contains(history, "둘째 (second) = 1,000,000.5원")) << history;
  boost::json::value const events = json({"history", m_id}).at("events");
  EXPECT_EQ(events.as_array().back().at("changes").as_array()[0].at("value"), "1000000");
  EXPECT_EQ(events.as_array().back().at("changes").as_array()[1].at("value"), "1000000.5");
}

TEST_P(Money, WhatIsNotMoneyIsRefusedAndChangesNothing) {
  ok({"act", m_id, "fill", "--as", "bae.junseo", "--set", "first=5", "--now", "2007-03-02"});
  const struct {
    const char* value;
    const char* reason;
  } bad[] = {
      {"-5", "'첫째' is an amount of money and cannot be negative; '-5' is not allowed"},
      {"1.23456",
       "'첫째' needs an amount of money; '1.23456' is not: an amount has at most 4 decimal places"},
      {"abc",
       "'첫째' needs an amount of money; 'abc' is not: an amount is written with digits only, like "
       "1,000,000 or 12.5"},
  };
  for (const auto& b : bad) {
    SCOPED_TRACE(b.value);
    std::string const before = history_json(m_id);
    Outcome const r = run({"act", m_id, "fill", "--as", "bae.junseo", "--set",
                           std::string("first=") + b.value, "--now", "2007-03-03"});
    EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
    EXPECT_EQ(r.out, "");
    EXPECT_TRUE(contains(r.err, b.reason)) << r.err;
    EXPECT_EQ(history_json(m_id), before);
  }
  boost::json::value const shown = json({"show", m_id});
  EXPECT_EQ(shown.at("fields").as_array()[1].at("value"), "5");
}

}  // namespace
}  // namespace dojang::cli::test
