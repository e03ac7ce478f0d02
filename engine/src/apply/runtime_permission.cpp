// Who may act: roles held directly or through a deputy (대결), the submitter, separation of
// duties, calendar windows.

#include <algorithm>
#include <cstdint>

#include "apply/runtime_detail.hpp"
#include "dojang/base/local_time.hpp"

namespace dojang::engine::detail {

namespace {

struct MonthDay {
  unsigned month = 1, day = 1;
};

// Windows are the office's calendar days (base::office_zone(), Asia/Seoul by default).
MonthDay office_today(Date now) {
  const base::CivilDate d = base::to_local(now.seconds, base::office_zone()).date;
  return {d.month, d.day};
}

std::string two_digits(int v) {
  return (v < 10 ? "0" : "") + std::to_string(v);
}

bool has(const std::vector<std::string>& roles, const std::string& role) {
  return std::find(roles.begin(), roles.end(), role) != roles.end();
}

// 처리부서 담당자 (handler), 처리부서 담당자 (handler) in 총무과 (ROLE@UNIT), head of 총무과.
std::string roles_text(const Definition& def, const std::vector<std::string>& roles,
                       const Organisation* organisation) {
  std::vector<std::string> out;
  for (const std::string& r : roles) {
    const std::size_t at = r.find('@');
    const std::string name = r.substr(0, at);
    std::string text = name == "head" && at != std::string::npos ? "head"
                       : def.role_index(name) == kNone           ? name
                                                       : role_text(def, def.role_index(name));
    if (at != std::string::npos) {
      const std::string id = r.substr(at + 1);
      const Unit* unit = organisation != nullptr ? organisation->find(id) : nullptr;
      text += (name == "head" ? " of " : " in ") + (unit != nullptr ? unit->name : id);
    }
    out.push_back(std::move(text));
  }
  return out.empty() ? "no role" : join(out, ", ");
}

}  // namespace

bool holds(const Definition& def, Index role, const std::vector<std::string>& held,
           const Instance& instance, const Organisation* organisation) {
  if (role >= def.roles.size()) return false;
  const RoleDef& r = def.roles[role];
  if (has(held, r.name)) return true;  // held office-wide
  if (r.scope == RoleDef::Scope::Office || instance.unit.empty()) return false;
  for (const std::string& h : held) {
    // ROLE@UNIT: held in that unit.
    if (h.size() <= r.name.size() + 1 || h[r.name.size()] != '@' ||
        h.compare(0, r.name.size(), r.name) != 0)
      continue;
    const std::string_view unit = std::string_view(h).substr(r.name.size() + 1);
    if (unit == instance.unit) return true;
    if (r.scope != RoleDef::Scope::UnitAndBelow || organisation == nullptr) continue;
    const Unit* u = organisation->find(instance.unit);
    if (u != nullptr && organisation->within(*u, unit)) return true;
  }
  return false;
}

const Unit* head_unit(const Organisation* organisation, const Instance& instance, Actor::Of of) {
  if (organisation == nullptr) return nullptr;
  const Unit* u =
      organisation->find(of == Actor::Of::SubmitterUnit ? instance.drafted_in : instance.unit);
  if (u != nullptr && of == Actor::Of::ParentUnit) u = organisation->parent(*u);
  for (int depth = 0; u != nullptr && depth < Organisation::kMaxDepth; ++depth) {
    if (!u->head.empty() && u->head != instance.submitter) return u;
    u = organisation->parent(*u);
  }
  return nullptr;
}

const std::string* named_person(const Definition& def, const Instance& instance, const Actor& by) {
  if (by.field >= def.fields.size()) return nullptr;
  const Index slot = def.fields[by.field].slot;
  const std::string* person =
      slot < instance.slots.size() ? instance.slots[slot].as_text() : nullptr;
  return person != nullptr && !person->empty() ? person : nullptr;
}

std::optional<std::string> holds_role(const Definition& def, Index role, const Principal& who,
                                      const Instance& instance) {
  if (holds(def, role, who.roles, instance, who.organisation)) return std::string();
  for (const Principal::ActingFor& f : who.acting_for) {
    if (!f.user.empty() && holds(def, role, f.roles, instance, who.organisation)) return f.user;
  }
  return std::nullopt;
}

bool owner_only(const Definition& def, const Instance& instance) {
  return instance.state == def.start && !instance.submitter.empty() &&
         instance.submitter != "system";
}

const Principal::ActingFor* for_owner(const Instance& instance, const Principal& who) {
  for (const Principal::ActingFor& f : who.acting_for) {
    if (f.user == instance.submitter) return &f;
  }
  return nullptr;
}

const std::string* acting_for(const Definition& def, const Instance& instance, const Actor& by,
                              const Principal& who) {
  if (owner_only(def, instance) && by.kind != Actor::Kind::Submitter) {
    // A draft is its drafter's: they act with their own roles, their deputy with theirs.
    const bool owner = who.user == instance.submitter;
    const Principal::ActingFor* deputy = owner ? nullptr : for_owner(instance, who);
    if (!owner && deputy == nullptr) return nullptr;
    const std::vector<std::string>& roles = owner ? who.roles : deputy->roles;
    const std::string* as = owner ? &kNobody : &deputy->user;
    if (by.kind == Actor::Kind::Anyone) return as;
    if (by.kind != Actor::Kind::Role || !holds(def, by.role, roles, instance, who.organisation))
      return nullptr;
    return as;
  }
  return acting_for_anyone(def, instance, by, who);
}

const std::string* acting_for_anyone(const Definition& def, const Instance& instance,
                                     const Actor& by, const Principal& who) {
  // One person named by the action (the submitter, a unit's head, a person field): they act,
  // or their deputy for them.
  auto person = [&](const std::string* named) -> const std::string* {
    if (named == nullptr || named->empty()) return nullptr;
    if (who.user == *named) return &kNobody;
    for (const Principal::ActingFor& f : who.acting_for) {
      if (f.user == *named) return &f.user;
    }
    return nullptr;
  };
  switch (by.kind) {
    case Actor::Kind::Anyone:
      return &kNobody;
    case Actor::Kind::Submitter:
      return person(&instance.submitter);
    case Actor::Kind::Head: {
      const Unit* u = head_unit(who.organisation, instance, by.of);
      return person(u != nullptr ? &u->head : nullptr);
    }
    case Actor::Kind::Person:
      return person(named_person(def, instance, by));
    case Actor::Kind::Role: {
      if (holds(def, by.role, who.roles, instance, who.organisation)) return &kNobody;
      for (const Principal::ActingFor& f : who.acting_for) {
        if (!f.user.empty() && holds(def, by.role, f.roles, instance, who.organisation))
          return &f.user;
      }
      return nullptr;
    }
  }
  return nullptr;
}

std::optional<std::string> acts_as(const Definition& def, const Instance& instance, const Actor& by,
                                   const Principal& who) {
  const std::string* as = acting_for(def, instance, by, who);
  if (as == nullptr) return std::nullopt;
  return *as;
}

bool four_eyes_block(const ActionDef& action, const Instance& instance, const std::string& actor,
                     const std::string& on_behalf_of) {
  if (!action.not_by_submitter || instance.submitter.empty()) return false;
  return actor == instance.submitter || on_behalf_of == instance.submitter;
}

bool in_window(const Window& w, Date now) {
  const MonthDay today = office_today(now);
  const int md = static_cast<int>(today.month * 100 + today.day);
  const int from = w.from_month * 100 + w.from_day;
  const int to = w.to_month * 100 + w.to_day;
  if (from <= to) return from <= md && md <= to;
  return md >= from || md <= to;  // over the year end: 11-01 .. 02-28
}

std::string window_text(const Window& w) {
  return two_digits(w.from_month) + "-" + two_digits(w.from_day) + " .. " + two_digits(w.to_month) +
         "-" + two_digits(w.to_day);
}

std::string korean_month_day(Date now) {
  const MonthDay today = office_today(now);
  return two_digits(static_cast<int>(today.month)) + "-" + two_digits(static_cast<int>(today.day));
}

std::string role_text(const Definition& def, Index role) {
  if (role >= def.roles.size()) return "(unknown role)";
  const RoleDef& r = def.roles[role];
  if (r.label.empty() || r.label == r.name) return r.name;
  return r.label + " (" + r.name + ")";
}

std::string actor_text(const Definition& def, const Actor& by) {
  switch (by.kind) {
    case Actor::Kind::Anyone:
      return "anyone";
    case Actor::Kind::Submitter:
      return "the submitter";
    case Actor::Kind::Role:
      switch (by.role < def.roles.size() ? def.roles[by.role].scope : RoleDef::Scope::Office) {
        case RoleDef::Scope::Office:
          break;
        case RoleDef::Scope::Unit:
          return "the role " + role_text(def, by.role) + " in the item's unit";
        case RoleDef::Scope::UnitAndBelow:
          return "the role " + role_text(def, by.role) + " in the item's unit or a unit above it";
      }
      return "the role " + role_text(def, by.role);
    case Actor::Kind::Head:
      return by.of == Actor::Of::ParentUnit      ? "the head of the unit above the item's"
             : by.of == Actor::Of::SubmitterUnit ? "the head of the submitter's unit"
                                                 : "the head of the item's unit";
    case Actor::Kind::Person:
      return by.field < def.fields.size() ? "the person in " + field_text(def.fields[by.field])
                                          : "the person named";
  }
  return "someone else";
}

std::string principal_text(const Definition& def, const Principal& who) {
  std::string out = "you are " + (who.user.empty() ? std::string("(nobody)") : who.user) +
                    ", holding " + roles_text(def, who.roles, who.organisation);
  for (const Principal::ActingFor& f : who.acting_for) {
    out += "; acting for " + f.user + ", who holds " + roles_text(def, f.roles, who.organisation);
  }
  return out;
}

}  // namespace dojang::engine::detail
