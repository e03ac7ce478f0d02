#include "flows.hpp"

#include <cstdio>
#include <cstdlib>
#include <iostream>

#include "dojang/dsl/compile.hpp"
#include "dojang/dsl/diagnostic.hpp"

namespace dojang::runtime_bench {

const std::string& pingpong_flow() {
  static const std::string kText =
      R"(# Runtime benchmark: an item that can move back and forth for ever.
workflow rt_pingpong "핑퐁" {
  roles {
    player "선수"
  }

  fields {
    title  "제목" text required
    area   "분야" one_of(customer, transparency, process, performance) required
    amount "금액" money
  }

  start a

  state a "가" {
    on ping by player -> b
  }
  state b "나" {
    on pong by player -> a
    on stop by player -> done
  }
  final done "끝"
}
)";
  return kText;
}

const std::string& review_flow() {
  static const std::string kText = R"(# Runtime benchmark: the shape of the Boost.MSM machine.
workflow rt_review "검토" {
  roles {
    author   "작성자"
    reviewer "검토자"
  }

  fields {
    score "점수" number
  }

  start draft

  state draft "작성" {
    on submit by author -> review
  }
  state review "검토" {
    on approve by reviewer -> approved when score >= 50
    on reject  by reviewer -> rejected
  }
  final approved "승인"
  final rejected "반려"
}
)";
  return kText;
}

std::string inbox_role(int k) {
  char text[16];
  std::snprintf(text, sizeof text, "r%02d", k);
  return text;
}

std::string inbox_state(int k) {
  char text[16];
  std::snprintf(text, sizeof text, "s%02d", k);
  return text;
}

const std::string& inbox_flow() {
  static const std::string kText = [] {
    std::string roles, routes, states;
    for (int k = 0; k < kInboxRoles; ++k) {
      const std::string r = inbox_role(k), s = inbox_state(k);
      roles += "    " + r + " \"부서 " + r + "\"\n";
      routes += "    on route_" + s + " by clerk -> " + s + "\n";
      states += "  state " + s + " \"처리 " + s + "\" {\n    on done by " + r + " -> closed\n  }\n";
    }
    return "# Runtime benchmark: items routed to one of many inboxes.\n"
           "workflow rt_inbox \"배분\" {\n  roles {\n    clerk \"접수\"\n" +
           roles +
           "  }\n\n  fields {\n    title \"제목\" text required\n  }\n\n  start intake\n\n"
           "  state intake \"접수\" {\n" +
           routes + "  }\n" + states + "  final closed \"종결\"\n}\n";
  }();
  return kText;
}

std::shared_ptr<const engine::Definition> compile_flow(const std::string& name,
                                                       const std::string& text) {
  const dsl::SourceFile file(name + ".flow", text);
  dsl::CompileResult result = dsl::compile(file);
  if (!result.ok()) {
    std::cerr << "bench: the benchmark procedure '" << name << "' does not compile\n"
              << dsl::render_all(file, std::move(result.diagnostics));
    std::exit(2);
  }
  return result.definition;
}

}  // namespace dojang::runtime_bench
