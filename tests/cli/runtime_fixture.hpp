#pragma once
// The runtime commands' tests run the real `dojang` binary against real databases: each test
// gets a fresh one, an SQLite file in a temp dir or a PostgreSQL database of its own in the
// server named by DOJANG_TEST_PG (scripts/test starts a throwaway one; without it the PostgreSQL
// tests fail, they are not skipped). Raw SQL (for tampering) goes through the sqlite3 and psql
// command line tools.

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include "cli/cli_runner.hpp"

namespace dojang::cli::test {

// "postgresql://dbname=x host=y" (SOCI's form) as libpq conninfo; a libpq URI as it is.
inline std::string pg_conninfo(const std::string& url) {
  const std::size_t start = url.find("://") + 3;
  const std::size_t eq = url.find('=', start);
  const bool keyword = eq != std::string::npos && url.find_first_of("/@?:", start) > eq;
  return keyword ? url.substr(start) : url;
}

// The same server and user, another database.
inline std::string pg_with_database(const std::string& url, const std::string& database) {
  if (pg_conninfo(url) != url) return url + " dbname=" + database;
  const std::size_t start = url.find("://") + 3;
  const std::size_t path = url.find_first_of("/?", start);
  if (path == std::string::npos) return url + "/" + database;
  if (url[path] == '?') return url.substr(0, path) + "/" + database + url.substr(path);
  const std::size_t end = url.find('?', path);
  return url.substr(0, path + 1) + database + (end == std::string::npos ? "" : url.substr(end));
}

// The first line of a text.
inline std::string first_line(const std::string& text) {
  return text.substr(0, text.find('\n'));
}

inline bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

class RuntimeTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    if (!postgres()) {
      m_url = "sqlite:" + (m_dir.path() / "dojang.db").string();
      return;
    }
    const char* env = std::getenv("DOJANG_TEST_PG");
    if (env == nullptr || *env == '\0') {
      FAIL() << "DOJANG_TEST_PG is not set, so the PostgreSQL CLI tests cannot run. Run "
                "scripts/test, or `scripts/pg-throwaway start /tmp/pgX` and export "
                "DOJANG_TEST_PG=<the URL it prints>.";
    }
    m_pg_admin = env;
    static std::atomic<int> counter{0};
    std::random_device random;
    std::string const name = "dojang_cli_" + std::to_string(::getpid()) + "_" +
                             std::to_string(counter++) + "_" + std::to_string(random() % 1000000);
    Outcome const created = psql(m_pg_admin, "CREATE DATABASE " + name);
    if (created.exit_code != 0) {
      FAIL() << "cannot use the PostgreSQL server in DOJANG_TEST_PG=" << m_pg_admin << ": "
             << created.err;
    }
    m_pg_database = name;
    m_url = pg_with_database(m_pg_admin, name);
  }

  void TearDown() override {
    if (m_pg_database.empty()) return;
    Outcome const dropped =
        psql(m_pg_admin, "DROP DATABASE IF EXISTS " + m_pg_database + " WITH (FORCE)");
    EXPECT_EQ(dropped.exit_code, 0) << dropped.err;
  }

  [[nodiscard]] bool postgres() const { return GetParam() == "postgresql"; }

  // `dojang ARGS... --db URL`.
  [[nodiscard]] Outcome run(std::vector<std::string> args) const {
    args.insert(args.end(), {"--db", m_url});
    return dojang(args);
  }

  // Runs `dojang ARGS --db URL` expecting exit 0, and returns its stdout.
  std::string ok(const std::vector<std::string>& args) const {
    Outcome const r = run(args);
    EXPECT_EQ(r.exit_code, 0) << "dojang " << joined(args) << "\nstdout: " << r.out
                              << "\nstderr: " << r.err;
    return r.out;
  }

  // The --json document of a successful command.
  boost::json::value json(std::vector<std::string> args) const {
    args.push_back("--json");
    std::string const out = ok(args);
    boost::system::error_code ec;
    boost::json::value v = boost::json::parse(out, ec);
    EXPECT_FALSE(ec) << "not JSON: " << out;
    return v;
  }

  // Several `dojang` processes started at the same moment; their outcomes in order.
  [[nodiscard]] std::vector<Outcome> run_together(
      const std::vector<std::vector<std::string>>& commands) const {
    TempDir capture;
    std::string script;
    for (std::size_t i = 0; i < commands.size(); ++i) {
      std::string line = shell_quote(DOJANG_BINARY);
      for (const std::string& a : commands[i]) line += " " + shell_quote(a);
      line += " --db " + shell_quote(m_url);
      std::string const base = (capture.path() / std::to_string(i)).string();
      script += "( " + line + " </dev/null >" + shell_quote(base + ".out") + " 2>" +
                shell_quote(base + ".err") + "; echo $? >" + shell_quote(base + ".rc") + " ) &\n";
    }
    script += "wait\n";
    fs::path const file = capture.write("together.sh", script);
    (void)run_program("/bin/sh", {file.string()});
    std::vector<Outcome> out(commands.size());
    for (std::size_t i = 0; i < commands.size(); ++i) {
      fs::path const base = capture.path() / std::to_string(i);
      out[i].out = read_text(base.string() + ".out");
      out[i].err = read_text(base.string() + ".err");
      std::string const rc = read_text(base.string() + ".rc");
      out[i].exit_code = rc.empty() ? -1 : std::stoi(rc);
    }
    return out;
  }

  // A statement run on this test's database behind the store's back (sqlite3 / psql).
  Outcome sql(const std::string& statement) const {
    if (postgres()) return psql(m_url, statement);
    return run_program("sqlite3", {m_url.substr(7), statement});
  }

  // Deploys workflows/*.flow (the office directory holds their roles: it loads only once a
  // procedure declares each of them).
  void deploy_workflows() const {
    std::vector<std::string> args{"deploy"};
    for (const fs::path& f : workflow_files()) args.push_back(f.string());
    ok(args);
  }
  // Deploys workflows/*.flow and loads examples/directory/office.csv.
  void deploy_office() const {
    deploy_workflows();
    ok({"directory", "load", office_file()});
  }

  [[nodiscard]] static std::string office_file() {
    return (source_dir() / "examples" / "directory" / "office.csv").string();
  }

  // Starts an innovation task with its required fields and returns its id.
  std::string start_task(const std::string& user, const std::string& title,
                         const std::string& now) const {
    std::string const out =
        ok({"start", "innovation_task", "--as", user, "--set", "title=" + title, "--set",
            "area=customer", "--set", "kpi=처리기간 30% 단축", "--now", now});
    return first_line(out);
  }

  // The item's history as JSON text, to compare before and after a refused request.
  [[nodiscard]] std::string history_json(const std::string& id) const {
    return run({"history", id, "--json"}).out;
  }

  [[nodiscard]] std::size_t event_count(const std::string& id) const {
    boost::json::value const v = json({"history", id});
    return v.is_object() ? v.at("events").as_array().size() : 0;
  }

  static std::string joined(const std::vector<std::string>& args) {
    std::string out;
    for (const std::string& a : args) out += (out.empty() ? "" : " ") + a;
    return out;
  }

  static Outcome psql(const std::string& url, const std::string& statement) {
    return run_program(
        "psql", {pg_conninfo(url), "-X", "-q", "-At", "-v", "ON_ERROR_STOP=1", "-c", statement});
  }

  TempDir m_dir;
  std::string m_url;

 private:
  std::string m_pg_admin;
  std::string m_pg_database;
};

inline std::string backend_name(const ::testing::TestParamInfo<std::string>& info) {
  return info.param;
}

#define DOJANG_RUNTIME_BACKENDS(suite)                                                 \
  INSTANTIATE_TEST_SUITE_P(Backends, suite, ::testing::Values("sqlite", "postgresql"), \
                           ::dojang::cli::test::backend_name)

}  // namespace dojang::cli::test
