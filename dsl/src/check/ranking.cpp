// A state's `rank` block: one decision across the items waiting there, lowered into
// engine::RankingDef (see its comment for the semantics).

#include <algorithm>
#include <cstdio>

#include "check/lowering.hpp"
#include "dojang/dsl/suggest.hpp"
#include "dojang/engine/graph_analysis.hpp"

namespace dojang::dsl::detail {

namespace {

std::string month_day_text(int month, int day) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%02d-%02d", month, day);
  return buf;
}

}  // namespace

void Checker::check_rank_placement(engine::Index si, const ast::State& s) {
  for (std::size_t i = 0; i < s.ranks.size(); ++i) {
    ast::Rank const& r = s.ranks[i];
    if (s.kind == ast::StateKind::Decision) {
      error(r.name, "decision '" + s.name.text +
                        "' routes each item by itself and cannot rank; put ranking '" +
                        r.name.text + "' in a 'state' where the items wait");
      continue;
    }
    if (s.kind == ast::StateKind::Final) {
      error(r.name, "final state '" + s.name.text + "' ends the procedure; ranking '" +
                        r.name.text + "' belongs in a 'state' where the items wait");
      continue;
    }
    if (i > 0) {
      error(r.name, "state '" + s.name.text + "' already holds ranking '" + s.ranks[0].name.text +
                        "'; one ranking per state");
      continue;
    }
    // The name is what `dojang rank` is given: one ranking of that name per procedure.
    bool named_before = false;
    for (engine::Index other = 0; other < si && !named_before; ++other) {
      for (auto const& earlier : m_state_ast[other]->ranks) {
        if (earlier.name.text != r.name.text) continue;
        error(r.name, "ranking '" + r.name.text + "' is declared twice (also in state '" +
                          m_state_ast[other]->name.text + "' on line " +
                          std::to_string(m_file.position(earlier.offset).line) + ")");
        named_before = true;
        break;
      }
    }
    engine::RankingDef def;
    check_ranking(si, r, def);
    m_def.states[si].ranking = std::move(def);
  }
}

// A field named where a ranking needs one (`per FIELD`, `place into FIELD`).
engine::Index Checker::rank_field(const ast::Name& n, std::string_view clause) {
  if (m_fields.contains(n.text)) return m_fields.find(n.text)->second;
  if (m_lets.contains(n.text) || m_tables.contains(n.text)) {
    error(n, "'" + n.text + "' is a derived value, not a field: '" + std::string(clause) +
                 "' needs a field of the procedure");
    return engine::kNone;
  }
  return resolve_field(n);
}

void Checker::check_ranking(engine::Index si, const ast::Rank& r, engine::RankingDef& out) {
  std::string const what = "ranking '" + r.name.text + "'";
  out.name = r.name.text;
  out.label = r.label.empty() ? r.name.text : r.label;
  out.line = m_file.position(r.offset).line;
  out.role = resolve_role(r.role);
  if (out.role != engine::kNone && m_def.roles[out.role].scope != engine::RoleDef::Scope::Office)
    error(r.role, "ranking '" + r.name.text + "' ranks items of every unit, so its role '" +
                      r.role.text + "' must be held office-wide, not 'in unit'");
  if (r.group) out.group = rank_field(*r.group, "per");

  auto const repeated = [&](const ast::Node& where, const char* clause, const char* advice) {
    error(where, "'" + std::string(clause) + "' is written twice in " + what + "; " + advice);
  };

  // Order keys.
  if (r.orders.empty()) {
    error(r.name, what + " has no 'order': say what it ranks by, e.g. 'order total desc'");
  }
  ExprContext cx;
  cx.state = si;
  for (std::size_t i = 0; i < r.orders.size(); ++i) {
    if (i > 0) {
      repeated(r.orders[i], "order", "list every key in one 'order' line, the first key first");
      continue;
    }
    for (auto const& key : r.orders[i].keys) {
      Typed t = check(*key.expr, cx);
      if (!t.ok) continue;
      if (!numeric(t.ir.type) && t.ir.type != Type::Text && t.ir.type != Type::Date) {
        error(*key.expr, "cannot rank by '" + source_of(*key.expr) + "': it is " +
                             type_name(t.ir.type) +
                             "; an order key is a number, money, a score, a date or text");
        continue;
      }
      out.order.push_back(
          {engine::Expression::compile(t.ir), source_of(*key.expr, 200), key.descending});
    }
  }

  // Ties.
  if (r.ties.empty()) {
    error(r.name, what +
                      " does not say what happens to equal items: add 'ties share', "
                      "'ties refuse' or 'ties earliest'");
  }
  for (std::size_t i = 0; i < r.ties.size(); ++i) {
    ast::Name const& word = r.ties[i];
    if (i > 0) {
      repeated(word, "ties", "give one tie rule");
      continue;
    }
    if (word.text == "share") {
      out.ties = engine::TieRule::Share;
    } else if (word.text == "refuse") {
      out.ties = engine::TieRule::Refuse;
    } else if (word.text == "earliest") {
      out.ties = engine::TieRule::Earliest;
    } else {
      static const std::vector<std::string> kRules = {"share", "refuse", "earliest"};
      std::string message = "unknown tie rule '" + word.text + "'";
      if (auto best = did_you_mean(word.text, kRules))
        message += " (did you mean '" + *best + "'?)";
      error(word, message + ": use share, refuse or earliest");
    }
  }

  // While items are still being scored.
  for (std::size_t i = 0; i < r.while_scoring.size(); ++i) {
    ast::Name const& word = r.while_scoring[i];
    if (i > 0) {
      repeated(word, "while scoring", "give one rule");
      continue;
    }
    if (word.text == "refuse") {
      out.while_scoring = engine::ScoringRule::Refuse;
    } else if (word.text == "wait") {
      out.while_scoring = engine::ScoringRule::Wait;
    } else {
      static const std::vector<std::string> kRules = {"refuse", "wait"};
      std::string message = "unknown rule '" + word.text + "' for items still being scored";
      if (auto best = did_you_mean(word.text, kRules))
        message += " (did you mean '" + *best + "'?)";
      error(word, message + ": use 'while scoring refuse' or 'while scoring wait'");
    }
  }

  // The field that receives the place.
  for (std::size_t i = 0; i < r.place_fields.size(); ++i) {
    ast::Name const& n = r.place_fields[i];
    if (i > 0) {
      repeated(n, "place into", "one field receives the place");
      continue;
    }
    engine::Index const f = rank_field(n, "place into");
    if (f == engine::kNone) continue;
    if (m_def.fields[f].type.kind != engine::FieldKind::Number) {
      error(n, "'place into' needs a number field, but '" + n.text + "' is not declared 'number'");
      continue;
    }
    if (f == out.group) {
      error(n, "'" + n.text + "' groups the items ('per " + n.text +
                   "') and cannot also receive their places");
      continue;
    }
    out.place_field = f;
  }

  // Bands.
  if (r.bands.empty()) {
    error(r.name, what + " moves nobody: add bands such as 'top 1 -> STATE'");
  }
  bool bands_ok = true;
  int first_place = 1;
  for (std::size_t i = 0; i < r.bands.size(); ++i) {
    ast::RankBand const& b = r.bands[i];
    if (i > 0 && r.bands[i - 1].kind == ast::RankBand::Kind::Rest) {
      error(b, "no band can follow 'rest': 'rest' already takes every item left");
      bands_ok = false;
    } else if (i == 0 && b.kind != ast::RankBand::Kind::Top) {
      error(b, "the first band of " + what + " is written 'top N -> STATE'");
      bands_ok = false;
    } else if (i > 0 && b.kind == ast::RankBand::Kind::Top) {
      error(b, "only the first band is 'top'; write 'next " + b.count_text + " -> " +
                   b.target.text + "' for the places after it");
      bands_ok = false;
    }
    engine::RankBand band;
    if (b.kind != ast::RankBand::Kind::Rest) {
      if (b.count < 1 || b.count > 1000) {
        error(b.count_pos, "a band takes between 1 and 1000 places, not " + b.count_text);
        bands_ok = false;
      }
      band.count = static_cast<int>(std::clamp<std::int64_t>(b.count, 1, 1000));
    }
    band.target = resolve_state(b.target);
    first_place += band.count;
    out.bands.push_back(band);
    if (band.target == si) {
      error(b.target, "the band '" + engine::band_places(out, out.bands.size() - 1) +
                          "' leads back to state '" + b.target.text +
                          "' itself: a band moves its items on to another state");
      bands_ok = false;
    }
  }
  if (bands_ok && !r.bands.empty() && r.bands.back().kind != ast::RankBand::Kind::Rest) {
    warning(r.bands.back(),
            what + " has no 'rest' band: items placed after " + std::to_string(first_place - 1) +
                " stay in state '" + m_state_ast[si]->name.text + "'",
            {"add 'rest -> STATE' to move them too"});
  }

  // The day it runs by itself.
  for (std::size_t i = 0; i < r.at.size(); ++i) {
    ast::RankDate const& d = r.at[i];
    if (i > 0) {
      repeated(d, "at", "a ranking runs on one day of the year");
      continue;
    }
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    std::string const text = month_day_text(d.month, d.day);
    if (d.month == 2 && d.day == 29) {
      error(d, "'at 02-29' would not come every year; use 02-28 or 03-01");
    } else if (d.month < 1 || d.month > 12 || d.day < 1 || d.day > kDays[d.month - 1]) {
      error(d, "'" + text + "' is not a valid month and day (MM-DD)");
    } else {
      out.at = engine::MonthDay{d.month, d.day};
    }
  }
}

}  // namespace dojang::dsl::detail
