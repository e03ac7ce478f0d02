// `dojang audit verify`: the hash chains check out, and a history row changed behind the store's
// back is found and named.

#include <gtest/gtest.h>

#include <string>

#include "cli/runtime_fixture.hpp"

namespace dojang::cli::test {
namespace {

class Audit : public RuntimeTest {
 protected:
  void SetUp() override {
    RuntimeTest::SetUp();
    if (HasFatalFailure()) return;
    deploy_office();
    m_first = start_task("yoon.seoyeon", "민원서류 간소화", "2007-01-15");
    ok({"act", m_first, "submit", "--as", "yoon.seoyeon", "--now", "2007-01-20"});
    ok({"act", m_first, "forward", "--as", "kim.sujin", "--now", "2007-01-21"});
    m_second = start_task("oh.yuna", "주민참여 예산", "2007-01-16");
  }

  std::string m_first, m_second;
};
DOJANG_RUNTIME_BACKENDS(Audit);

TEST_P(Audit, ACleanHistoryChecksOut) {
  EXPECT_EQ(ok({"audit", "verify"}), "checked 2 items, 4 events: every history chain is intact\n");
  EXPECT_EQ(ok({"audit", "verify", m_first}),
            "checked 1 item, 3 events: every history chain is intact\n");
  boost::json::value const doc = json({"audit", "verify"});
  EXPECT_TRUE(doc.at("ok").as_bool());
  EXPECT_EQ(doc.at("events").as_int64(), 4);
}

TEST_P(Audit, ATamperedRowIsFoundAndNamed) {
  Outcome const tamper = sql("UPDATE history SET actor = 'park.jiyeon' WHERE instance = '" +
                             m_first + "' AND seq = 2");
  ASSERT_EQ(tamper.exit_code, 0) << tamper.err;
  Outcome const r = run({"audit", "verify"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(r.out.starts_with(m_first + ": event #2: ")) << r.out;
  EXPECT_FALSE(contains(r.out, m_second)) << r.out;
  EXPECT_TRUE(contains(r.err, "does not check out")) << r.err;
  // The other item alone still checks out.
  EXPECT_EQ(ok({"audit", "verify", m_second}),
            "checked 1 item, 1 event: every history chain is intact\n");

  Outcome const js = run({"audit", "verify", "--json"});
  EXPECT_EQ(js.exit_code, 1);
  boost::json::value const doc = boost::json::parse(js.out);
  EXPECT_FALSE(doc.at("ok").as_bool());
  ASSERT_EQ(doc.at("problems").as_array().size(), 1u);
  EXPECT_EQ(json_text(doc.at("problems").as_array()[0].at("instance")), m_first);
  EXPECT_EQ(doc.at("problems").as_array()[0].at("seq").as_int64(), 2);
}

TEST_P(Audit, ADeletedEventBreaksTheChain) {
  Outcome const tamper = sql("DELETE FROM history WHERE instance = '" + m_first + "' AND seq = 2");
  ASSERT_EQ(tamper.exit_code, 0) << tamper.err;
  Outcome const r = run({"audit", "verify", m_first});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(r.out.starts_with(m_first + ": event #")) << r.out;
}

TEST_P(Audit, AnUnknownItem) {
  Outcome const r = run({"audit", "verify", "innovation_task-000099"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "dojang: no item 'innovation_task-000099'\n");
}

}  // namespace
}  // namespace dojang::cli::test
