// The office time zone: --now without an offset is office time, every time printed is in it
// (text "2007-02-05 09:00 (+09:00)", JSON RFC 3339 with the offset), and --zone or DOJANG_ZONE
// chooses another zone for both. The store keeps UTC seconds whatever the zone.

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

#include <string>
#include <vector>

#include "cli/runtime_fixture.hpp"

namespace dojang::cli::test {
namespace {

class Zone : public RuntimeTest {
 protected:
  void SetUp() override {
    RuntimeTest::SetUp();
    if (HasFatalFailure()) return;
    deploy_office();
  }

  // `DOJANG_ZONE=ZONE dojang ARGS --db URL`.
  [[nodiscard]] Outcome run_in(const std::string& zone, std::vector<std::string> args) const {
    args.insert(args.begin(), {"DOJANG_ZONE=" + zone, DOJANG_BINARY});
    args.insert(args.end(), {"--db", m_url});
    return run_program("env", args);
  }

  // The item's created_at in `show --json`, with ARGS added.
  [[nodiscard]] std::string created_at(const std::string& id,
                                       const std::vector<std::string>& args = {}) const {
    std::vector<std::string> show{"show", id};
    show.insert(show.end(), args.begin(), args.end());
    return json_text(json(show).at("created_at"));
  }

  // The seconds since 1970 that the store holds for the item's creation.
  [[nodiscard]] std::string stored_created_at(const std::string& id) const {
    Outcome const r = sql("SELECT created_at FROM instances WHERE id = '" + id + "'");
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return first_line(r.out);
  }
};
DOJANG_RUNTIME_BACKENDS(Zone);

TEST_P(Zone, NowWithoutAnOffsetIsOfficeTime) {
  std::string const id = start_task("yoon.seoyeon", "민원서류 간소화", "2007-02-05T09:00");
  // 09:00 in Seoul is 00:00 UTC.
  EXPECT_EQ(created_at(id), "2007-02-05T09:00:00+09:00");
  EXPECT_EQ(created_at(id, {"--zone", "UTC"}), "2007-02-05T00:00:00Z");
  EXPECT_EQ(stored_created_at(id), "1170633600");  // 2007-02-05T00:00:00Z
}

TEST_P(Zone, NowWithAnOffsetOrZIsAsWritten) {
  std::string const z = start_task("yoon.seoyeon", "민원서류 간소화", "2007-02-05T09:00Z");
  EXPECT_EQ(created_at(z), "2007-02-05T18:00:00+09:00");
  std::string const plus = start_task("yoon.seoyeon", "전자결재 확대", "2007-02-05T09:00+09:00");
  EXPECT_EQ(created_at(plus), "2007-02-05T09:00:00+09:00");
  // A bare date is the office day's midnight.
  std::string const day = start_task("yoon.seoyeon", "민원 안내 개선", "2007-02-05");
  EXPECT_EQ(created_at(day), "2007-02-05T00:00:00+09:00");
  EXPECT_EQ(created_at(day, {"--zone", "UTC"}), "2007-02-04T15:00:00Z");
}

TEST_P(Zone, TextShowsOfficeTimeWithItsOffset) {
  std::string const id = start_task("yoon.seoyeon", "민원서류 간소화", "2007-01-20T09:30");
  ok({"act", id, "submit", "--as", "yoon.seoyeon", "--now", "2007-01-20T10:00"});

  std::string const show = ok({"show", id});
  EXPECT_TRUE(contains(show, "created      2007-01-20 09:30 (+09:00)\n")) << show;
  EXPECT_TRUE(contains(show, "updated      2007-01-20 10:00 (+09:00)\n")) << show;
  // The office's deadline, 14 days later.
  EXPECT_TRUE(contains(show, "2007-02-03 10:00 (+09:00)")) << show;
  EXPECT_EQ(json_text(json({"show", id}).at("timers").at(0).at("due")),
            "2007-02-03T10:00:00+09:00");

  std::string const history = ok({"history", id});
  EXPECT_TRUE(contains(history, "#1  2007-01-20 09:30 (+09:00)  start  by yoon.seoyeon\n"))
      << history;
  EXPECT_TRUE(contains(history, "#2  2007-01-20 10:00 (+09:00)  act submit  by yoon.seoyeon\n"))
      << history;
  EXPECT_EQ(json_text(json({"history", id}).at("events").at(1).at("at")),
            "2007-01-20T10:00:00+09:00");

  std::string const inbox = ok({"inbox", "--as", "kim.sujin", "--now", "2007-01-21"});
  EXPECT_TRUE(contains(inbox, "2007-01-20 10:00 (+09:00)")) << inbox;
  std::string const list = ok({"list"});
  EXPECT_TRUE(contains(list, "2007-01-20 10:00 (+09:00)")) << list;
  EXPECT_EQ(json_text(json({"list"}).at("items").at(0).at("updated_at")),
            "2007-01-20T10:00:00+09:00");
  EXPECT_TRUE(contains(ok({"definitions"}), " (+09:00)  "));
  EXPECT_TRUE(contains(json_text(json({"definitions"}).at("definitions").at(0).at("deployed_at")),
                       "+09:00"));
}

TEST_P(Zone, ZoneOptionChangesWhatIsReadAndPrinted) {
  std::string const id = start_task("yoon.seoyeon", "민원서류 간소화", "2007-01-20T09:30");
  // Read in UTC: 10:00 UTC is 19:00 in Seoul.
  ok({"act", id, "submit", "--as", "yoon.seoyeon", "--now", "2007-01-20T10:00", "--zone", "UTC"});

  std::string const utc = ok({"history", id, "--zone", "UTC"});
  EXPECT_TRUE(contains(utc, "#1  2007-01-20 00:30 (+00:00)  start")) << utc;
  EXPECT_TRUE(contains(utc, "#2  2007-01-20 10:00 (+00:00)  act submit")) << utc;
  std::string const seoul = ok({"history", id});
  EXPECT_TRUE(contains(seoul, "#2  2007-01-20 19:00 (+09:00)  act submit")) << seoul;
  EXPECT_EQ(json_text(json({"--zone", "Asia/Tokyo", "history", id}).at("events").at(1).at("at")),
            "2007-01-20T19:00:00+09:00");
}

TEST_P(Zone, TheEnvironmentVariableSetsTheZoneAndTheOptionWins) {
  std::string const id = start_task("yoon.seoyeon", "민원서류 간소화", "2007-01-20T09:30");
  Outcome const utc = run_in("UTC", {"show", id});
  EXPECT_EQ(utc.exit_code, 0) << utc.err;
  EXPECT_TRUE(contains(utc.out, "created      2007-01-20 00:30 (+00:00)\n")) << utc.out;
  Outcome const json_utc = run_in("UTC", {"show", id, "--json"});
  EXPECT_TRUE(contains(json_utc.out, R"("created_at":"2007-01-20T00:30:00Z")")) << json_utc.out;
  Outcome const both = run_in("UTC", {"show", id, "--zone", "Asia/Seoul"});
  EXPECT_TRUE(contains(both.out, "created      2007-01-20 09:30 (+09:00)\n")) << both.out;

  // --now without an offset is read in the environment's zone too.
  Outcome const started = run_in(
      "UTC", {"start", "innovation_task", "--as", "yoon.seoyeon", "--set", "title=전자결재 확대",
              "--set", "area=customer", "--set", "kpi=처리기간 단축", "--now", "2007-01-21T09:00"});
  ASSERT_EQ(started.exit_code, 0) << started.err;
  EXPECT_EQ(created_at(first_line(started.out)), "2007-01-21T18:00:00+09:00");
}

TEST_P(Zone, AnUnknownZoneIsRefusedAndChangesNothing) {
  Outcome const bad = run({"start", "innovation_task", "--as", "yoon.seoyeon", "--set",
                           "title=민원서류 간소화", "--set", "area=customer", "--set",
                           "kpi=처리기간 단축", "--now", "2007-01-20", "--zone", "Asia/Seol"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_EQ(bad.out, "");
  EXPECT_EQ(bad.err,
            "dojang: --zone 'Asia/Seol' is not a time zone Dojang knows; the office time zone is "
            "one of Asia/Seoul, UTC, Etc/UTC, Asia/Tokyo\n");
  EXPECT_EQ(json({"list"}).at("items").as_array().size(), 0u);  // nothing was started

  Outcome const env = run_in("KST", {"list", "--json"});
  EXPECT_EQ(env.exit_code, 2);
  EXPECT_TRUE(contains(env.err, "DOJANG_ZONE='KST' is not a time zone Dojang knows")) << env.err;
  boost::json::value const doc = boost::json::parse(env.out);
  EXPECT_EQ(doc.at("ok"), false);
  EXPECT_EQ(json_text(doc.at("error").at("code")), "usage");

  Outcome const empty = run({"list", "--zone", ""});
  EXPECT_EQ(empty.exit_code, 2);
  EXPECT_TRUE(contains(empty.err, "--zone '' is not a time zone")) << empty.err;
}

TEST_P(Zone, AnInstantInAValueIsOfficeTimeAndADateStaysADate) {
  // A version of the innovation task with a derived instant: `let seen = now()`.
  std::string text = read_text(source_dir() / "workflows" / "innovation_task.flow");
  std::size_t const total = text.find("  let total = ");
  ASSERT_NE(total, std::string::npos);
  text.insert(text.find('\n', total) + 1, "  let seen = now()\n");
  ok({"deploy", m_dir.write("innovation_task.flow", text).string()});
  std::string const id = start_task("yoon.seoyeon", "민원서류 간소화", "2007-02-05T09:30");

  std::string const show = ok({"show", id, "--now", "2007-02-05T09:30"});
  EXPECT_TRUE(contains(show, "seen     2007-02-05 09:30 (+09:00)\n")) << show;
  boost::json::value const doc = json({"show", id, "--now", "2007-02-05T09:30"});
  EXPECT_EQ(json_text(doc.at("derived").at(1).at("value")), "2007-02-05T09:30:00+09:00");
  EXPECT_EQ(json_text(json({"show", id, "--now", "2007-02-05T09:30", "--zone", "UTC"})
                          .at("derived")
                          .at(1)
                          .at("value")),
            "2007-02-05T00:30:00Z");
}

TEST_P(Zone, ListDaysAreOfficeDays) {
  // 08:00 on 5 February in Seoul is still 4 February in UTC.
  std::string const id = start_task("yoon.seoyeon", "민원서류 간소화", "2007-02-05T08:00");
  EXPECT_TRUE(contains(ok({"list", "--from", "2007-02-05"}), id));
  EXPECT_FALSE(contains(ok({"list", "--to", "2007-02-04"}), id));
  EXPECT_FALSE(contains(ok({"list", "--from", "2007-02-05", "--zone", "UTC"}), id));
  EXPECT_TRUE(contains(ok({"list", "--to", "2007-02-04", "--zone", "UTC"}), id));
}

}  // namespace
}  // namespace dojang::cli::test
