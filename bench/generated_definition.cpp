#include "generated_definition.hpp"

#include <array>
#include <string_view>

namespace dojang::bench {

namespace {

struct Role {
  std::string_view name, label;
};
constexpr std::array<Role, 3> kRoles = {
    {{"clerk", "담당"}, {"manager", "팀장"}, {"director", "부서장"}}};

struct Field {
  std::string_view name, label, flow_type;  // flow_type: the type as written in .flow
  std::string_view json_type;               // the rest of the field's JSON object
  bool required;
};
constexpr std::array<Field, 6> kFields = {{
    {"x", "점수 X", "score 0..100", R"("type":"score","lo":0,"hi":100)", false},
    {"y", "가중치 Y", "number", R"("type":"number")", false},
    {"z", "기준 Z", "number", R"("type":"number")", false},
    {"kind", "유형", "one_of(a, b, c)", R"("type":"one_of","values":["a","b","c"])", true},
    {"amount", "금액", "money", R"("type":"money")", false},
    {"note", "비고", "text", R"("type":"text")", false},
}};

// The guard of action `k` of state `n`; the constants vary so that no two states are alike.
std::string guard(std::size_t n, std::size_t k) {
  switch (k % 3) {
    case 0:
      return "x + y * 2 >= " + std::to_string(10 + n % 50) + " and kind == \"a\"";
    case 1:
      return "z - x < " + std::to_string(n % 30) + " or kind == \"b\" and amount > " +
             std::to_string(1000 + n % 7 * 500);
    default:
      return "(x + z) / 2 > " + std::to_string(n % 70) + " and not (kind == \"c\")";
  }
}

void append_json_string(std::string& out, std::string_view s) {
  out += '"';
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  out += '"';
}

}  // namespace

GeneratedDefinition generate_definition(std::size_t states, std::size_t actions_per_state) {
  GeneratedDefinition g;
  g.states = states;
  g.actions_per_state = actions_per_state;
  std::string& flow = g.flow;
  std::string& json = g.json;

  flow +=
      "# Generated for the compile benchmark.\nworkflow generated \"생성된 절차\" {\n  roles {\n";
  json += R"({"workflow":"generated","label":"생성된 절차",)";
  json += "\n\"roles\":[";
  for (std::size_t i = 0; i < kRoles.size(); ++i) {
    flow += "    ";
    flow += kRoles[i].name;
    flow += " \"";
    flow += kRoles[i].label;
    flow += "\"\n";
    json += i ? "," : "";
    json += R"({"name":")";
    json += kRoles[i].name;
    json += R"(","label":")";
    json += kRoles[i].label;
    json += "\"}";
  }
  flow += "  }\n\n  fields {\n";
  json += "],\n\"fields\":[";
  for (std::size_t i = 0; i < kFields.size(); ++i) {
    const Field& f = kFields[i];
    flow += "    ";
    flow += f.name;
    flow += " \"";
    flow += f.label;
    flow += "\" ";
    flow += f.flow_type;
    flow += f.required ? " required\n" : "\n";
    json += i ? ",\n" : "\n";
    json += R"({"name":")";
    json += f.name;
    json += R"(","label":")";
    json += f.label;
    json += "\",";
    json += f.json_type;
    json += f.required ? ",\"required\":true}" : "}";
  }
  flow += "  }\n\n  start s0\n";
  json += "],\n\"start\":\"s0\",\n\"states\":[";

  for (std::size_t n = 0; n < states; ++n) {
    const std::string name = "s" + std::to_string(n);
    const std::string label = "단계 " + std::to_string(n);
    const std::string target = n + 1 < states ? "s" + std::to_string(n + 1) : "done";
    flow += "\n  state " + name + " \"" + label + "\" {\n";
    json += n ? ",\n" : "\n";
    json += R"({"name":")" + name + R"(","label":")" + label + R"(","actions":[)";
    for (std::size_t k = 0; k < actions_per_state; ++k) {
      const std::string action = "a" + std::to_string(k);
      const std::string_view role = kRoles[(n + k) % kRoles.size()].name;
      const std::string when = guard(n, k);
      flow += "    on " + action + " by ";
      flow += role;
      flow += " -> " + target + " when " + when + "\n";
      json += k ? ",\n" : "\n";
      json += R"({"name":")" + action + R"(","by":")";
      json += role;
      json += R"(","target":")" + target + R"(","when":)";
      append_json_string(json, when);
      json += "}";
    }
    flow += "  }\n";
    json += "]}";
  }
  flow += "\n  final done \"완료\"\n}\n";
  json += ",\n{\"name\":\"done\",\"label\":\"완료\",\"final\":true}]}\n";
  return g;
}

const GeneratedDefinition& benchmark_definition() {
  static const GeneratedDefinition kDefinition = generate_definition(2000, 3);
  return kDefinition;
}

}  // namespace dojang::bench
