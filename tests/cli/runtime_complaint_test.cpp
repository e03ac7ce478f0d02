// P4 민원 (workflows/complaint.flow) through the real `dojang`, on SQLite and PostgreSQL: a
// repeated complaint is handled, rated and sent to the VOC task force, whose `propose_task`
// starts an innovation task exactly once (also when `tick` recovers an order left pending), and
// `deploy` refuses a `start` that does not fit the procedure it starts.

#include <gtest/gtest.h>

#include <string>

#include "cli/runtime_fixture.hpp"

namespace dojang::cli::test {
namespace {

class ComplaintCli : public RuntimeTest {
 protected:
  // Walks a repeated complaint to the VOC task force (revision 4) and returns its id.
  std::string to_task_force() {
    std::string const id =
        first_line(ok({"start", "complaint", "--as", "bae.junseo", "--set", "title=무인발급기 고장",
                       "--set", "content=일주일째 고장입니다", "--set", "citizen=홍길동", "--set",
                       "channel=online", "--now", "2007-02-01"}));
    EXPECT_EQ(ok({"act", id, "assign", "--as", "bae.junseo", "--set", "department=총무과", "--set",
                  "prior=2", "--now", "2007-02-01"}),
              id + ": 부서 처리 (handling) — revision 2\n"
                   "  notify 처리부서 담당자 (handler) in general_affairs: 민원 '무인발급기 "
                   "고장'이(가) 총무과에 "
                   "배정되었습니다 (처리기한 7일)\n");
    // Assigned to 총무과: its handler and its head see it, 보건소's handler neither sees nor
    // answers it.
    EXPECT_TRUE(contains(ok({"inbox", "--as", "nam.gihun", "--now", "2007-02-02"}), id));
    EXPECT_TRUE(contains(ok({"inbox", "--as", "yang.jiho", "--now", "2007-02-02"}), id));
    EXPECT_FALSE(contains(ok({"inbox", "--as", "ryu.soyoung", "--now", "2007-02-02"}), id));
    Outcome const other = run({"act", id, "answer", "--as", "ryu.soyoung", "--set",
                               "answer=보건소가 답합니다", "--now", "2007-02-02"});
    EXPECT_EQ(other.exit_code, 1);
    EXPECT_EQ(other.err,
              "dojang: 'answer' needs the role 처리부서 담당자 (handler) in the item's unit; you "
              "are ryu.soyoung, holding executor, 처리부서 담당자 (handler) in 보건소, proposer\n");
    ok({"act", id, "answer", "--as", "nam.gihun", "--set", "answer=발급기를 교체했습니다", "--now",
        "2007-02-03"});
    EXPECT_EQ(
        ok({"act", id, "rate", "--as", "shin.hayoung", "--set", "rating=4", "--now", "2007-02-06"}),
        id + ": VOC 개선 TF (voc) — revision 4\n");
    return id;
  }

  [[nodiscard]] std::string scalar(const std::string& statement) const {
    Outcome const r = sql(statement);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return first_line(r.out);
  }

  // A copy of complaint.flow with `from` replaced by `to`, in this test's directory.
  [[nodiscard]] std::string changed_complaint(const std::string& from, const std::string& to) {
    std::string text = read_text(source_dir() / "workflows" / "complaint.flow");
    std::size_t const at = text.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    if (at != std::string::npos) text.replace(at, from.size(), to);
    return m_dir.write("complaint.flow", text).string();
  }
};
DOJANG_RUNTIME_BACKENDS(ComplaintCli);

TEST_P(ComplaintCli, TheTaskForceStartsAnInnovationTaskExactlyOnce) {
  deploy_office();
  std::string const id = to_task_force();
  EXPECT_EQ(id, "complaint-000001");

  EXPECT_EQ(
      ok({"act", id, "propose_task", "--as", "seo.jihoon", "--set", "improvement=발급기 이중화",
          "--set", "task_title=무인발급기 무중단 운영", "--set", "task_kpi=고장 민원 50% 감소",
          "--now", "2007-02-07"}),
      id + ": 업무 개선 (improved) — revision 5\n"
           "  started innovation_task-000001 (혁신과제 선정) from complaint-000001, event 5\n");

  std::string const task = "innovation_task-000001";
  std::string const history = ok({"history", task});
  EXPECT_TRUE(contains(history, "#1  2007-02-07 00:00 (+09:00)  start  by system\n")) << history;
  EXPECT_TRUE(contains(history, "comment: 민원 complaint-000001의 사건 5에서 시작\n")) << history;
  EXPECT_TRUE(contains(history, "과제명 (title) = 무인발급기 무중단 운영\n")) << history;
  EXPECT_TRUE(contains(history, "혁신 분야 (area) = customer\n")) << history;
  EXPECT_TRUE(contains(history, "성과지표 (kpi) = 고장 민원 50% 감소\n")) << history;
  boost::json::value const shown = json({"show", task});
  EXPECT_EQ(json_text(shown.at("state")), "draft");
  EXPECT_EQ(json_text(shown.at("submitter")), "system");

  // It waits for a proposer like any task, who takes it on.
  std::string const inbox = ok({"inbox", "--as", "yoon.seoyeon", "--now", "2007-02-08"});
  EXPECT_TRUE(contains(inbox, task)) << inbox;
  EXPECT_EQ(ok({"act", task, "submit", "--as", "yoon.seoyeon", "--now", "2007-02-08"}),
            task + ": 혁신기획단 검토 (office_check) — revision 2\n");

  // Exactly once: a tick finds nothing to start, and there is one task, recorded on the order.
  EXPECT_EQ(ok({"tick", "--now", "2007-02-09"}), "0 timers fired\n");
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM instances WHERE workflow = 'innovation_task'"), "1");
  EXPECT_EQ(scalar("SELECT started_instance FROM start_orders WHERE instance = '" + id + "'"),
            task);

  // A crash between starting the task and marking the order: the next tick marks it with the
  // task already started (the idempotency key names it) and starts nothing new.
  ASSERT_EQ(sql("UPDATE start_orders SET started_instance = NULL").exit_code, 0);
  EXPECT_EQ(ok({"tick", "--now", "2007-02-10"}),
            "started innovation_task-000001 (혁신과제 선정) from complaint-000001, event 5\n"
            "0 timers fired\n");
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM instances WHERE workflow = 'innovation_task'"), "1");
  EXPECT_EQ(scalar("SELECT started_instance FROM start_orders"), task);
  EXPECT_EQ(event_count(task), 2u);
}

TEST_P(ComplaintCli, TickStartsAnOrderLeftBeforeTheItemWasStarted) {
  deploy_office();
  std::string const id = to_task_force();
  boost::json::value const doc =
      json({"act", id, "propose_task", "--as", "seo.jihoon", "--set", "improvement=이중화", "--set",
            "task_title=발급기 이중화", "--set", "task_kpi=고장 0건", "--now", "2007-02-07"});
  auto const& started = doc.at("started").as_array();
  ASSERT_EQ(started.size(), 1u);
  EXPECT_EQ(json_text(started[0].at("id")), "innovation_task-000001");
  EXPECT_EQ(json_text(started[0].at("workflow")), "innovation_task");
  EXPECT_EQ(started[0].at("seq").as_int64(), 5);

  // As if the process died right after committing the step: no task, the order pending.
  ASSERT_EQ(sql("DELETE FROM idempotency WHERE instance = 'innovation_task-000001'").exit_code, 0);
  ASSERT_EQ(sql("DELETE FROM waiting WHERE instance = 'innovation_task-000001'").exit_code, 0);
  ASSERT_EQ(sql("DELETE FROM history WHERE instance = 'innovation_task-000001'").exit_code, 0);
  ASSERT_EQ(sql("DELETE FROM timers WHERE instance = 'innovation_task-000001'").exit_code, 0);
  ASSERT_EQ(sql("DELETE FROM instances WHERE id = 'innovation_task-000001'").exit_code, 0);
  ASSERT_EQ(sql("UPDATE start_orders SET started_instance = NULL").exit_code, 0);

  boost::json::value const tick = json({"tick", "--now", "2007-02-08"});
  auto const& again = tick.at("started").as_array();
  ASSERT_EQ(again.size(), 1u);
  std::string const task = json_text(again[0].at("id"));
  EXPECT_EQ(task, "innovation_task-000002");  // ids are never reused
  EXPECT_TRUE(contains(ok({"history", task}), "comment: 민원 complaint-000001의 사건 5에서 시작"));
  EXPECT_EQ(json({"tick", "--now", "2007-02-09"}).at("started").as_array().size(), 0u);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM instances WHERE workflow = 'innovation_task'"), "1");
}

TEST_P(ComplaintCli, DeployRefusesAStartOfAProcedureThatIsNotDeployed) {
  std::string const complaint = (source_dir() / "workflows" / "complaint.flow").string();
  Outcome const r = run({"deploy", complaint});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(contains(r.err, complaint + ":")) << r.err;
  EXPECT_TRUE(contains(r.err,
                       "'propose_task' starts 'innovation_task', which is not deployed: "
                       "deploy it first (or with it)\n"))
      << r.err;
  EXPECT_TRUE(contains(r.err, "dojang: nothing deployed")) << r.err;
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(ok({"definitions"}), "no procedure is deployed (see 'dojang deploy')\n");
  // Deployed together, in either order, it is fine.
  std::string const task = (source_dir() / "workflows" / "innovation_task.flow").string();
  EXPECT_EQ(ok({"deploy", complaint, task}),
            "complaint: version 1 deployed\ninnovation_task: version 1 deployed\n");
}

TEST_P(ComplaintCli, DeployRefusesAFieldTheOtherProcedureLacksOrCannotHold) {
  ok({"deploy", (source_dir() / "workflows" / "innovation_task.flow").string()});
  struct Case {
    std::string from, to, message;
  };
  std::vector<Case> const cases = {
      {"kpi = task_kpi", "kpis = task_kpi",
       "'propose_task' starts 'innovation_task', which has no field 'kpis'; its fields are: "
       "title, area, kpi, creativity, innovation, usefulness, difficulty, ripple"},
      {"area = \"customer\"", "area = prior",
       "'propose_task' starts 'innovation_task': 'area' is one of customer, transparency, process, "
       "performance, but 'prior' gives a number"},
      {"area = \"customer\"", "area = \"citizen\"",
       "'propose_task' starts 'innovation_task': 'area' needs one of customer, transparency, "
       "process, performance; \"citizen\" is not"},
  };
  for (const Case& c : cases) {
    std::string const file = changed_complaint(c.from, c.to);
    Outcome const r = run({"deploy", file});
    EXPECT_EQ(r.exit_code, 1) << c.to;
    EXPECT_TRUE(contains(r.err, c.message)) << r.err;
    EXPECT_TRUE(contains(r.err, "dojang: nothing deployed: a 'start' does not fit")) << r.err;
    boost::json::value const doc = json({"definitions"});
    EXPECT_EQ(doc.at("definitions").as_array().size(), 1u) << c.to;  // innovation_task only
  }
}

}  // namespace
}  // namespace dojang::cli::test
