// The output lines of the formatter and the placing of the source's comments among them.

#include <algorithm>

#include "format_detail.hpp"

namespace dojang::dsl::detail {

void LineWriter::line(int indent, std::string text, std::optional<Anchor> anchor, bool closing) {
  Line l;
  l.indent = indent;
  l.text = std::move(text);
  l.anchor = anchor;
  l.closing = closing;
  m_lines.push_back(std::move(l));
}

void LineWriter::blank() {
  if (m_lines.empty() || m_lines.back().blank) return;
  Line l;
  l.blank = true;
  m_lines.push_back(std::move(l));
}

std::string LineWriter::render(const std::vector<Comment>& comments) const {
  std::size_t const n = m_lines.size();
  std::vector<std::vector<const Comment*>> before(n);
  std::vector<const Comment*> trailing(n, nullptr);
  std::vector<const Comment*> at_end;

  std::vector<std::size_t> by_begin, by_end;
  for (std::size_t i = 0; i < n; ++i) {
    if (m_lines[i].anchor) {
      by_begin.push_back(i);
      by_end.push_back(i);
    }
  }
  std::stable_sort(by_begin.begin(), by_begin.end(), [&](std::size_t a, std::size_t b) {
    return m_lines[a].anchor->begin < m_lines[b].anchor->begin;
  });
  std::stable_sort(by_end.begin(), by_end.end(), [&](std::size_t a, std::size_t b) {
    return m_lines[a].anchor->end < m_lines[b].anchor->end;
  });
  // The first anchored line starting after `offset`, and the last one starting at or before it.
  auto const next_begin = [&](std::uint32_t offset) -> std::optional<std::size_t> {
    auto it = std::upper_bound(
        by_begin.begin(), by_begin.end(), offset,
        [&](std::uint32_t v, std::size_t i) { return v < m_lines[i].anchor->begin; });
    if (it == by_begin.end()) return std::nullopt;
    return *it;
  };
  auto const containing = [&](std::uint32_t offset) -> std::optional<std::size_t> {
    auto it = std::upper_bound(
        by_begin.begin(), by_begin.end(), offset,
        [&](std::uint32_t v, std::size_t i) { return v < m_lines[i].anchor->begin; });
    if (it == by_begin.begin()) return std::nullopt;
    std::size_t const i = *std::prev(it);
    if (offset < m_lines[i].anchor->end) return i;
    return std::nullopt;
  };
  auto const last_ending = [&](std::uint32_t offset) -> std::optional<std::size_t> {
    auto it = std::upper_bound(
        by_end.begin(), by_end.end(), offset,
        [&](std::uint32_t v, std::size_t i) { return v < m_lines[i].anchor->end; });
    if (it == by_end.begin()) return std::nullopt;
    return *std::prev(it);
  };
  // Before the first non-blank line after `i`, or at the end.
  auto const put_after = [&](std::size_t i, const Comment* c) {
    for (std::size_t j = i + 1; j < n; ++j) {
      if (!m_lines[j].blank) {
        before[j].push_back(c);
        return;
      }
    }
    at_end.push_back(c);
  };
  auto const put_before_next = [&](const Comment& c) {
    if (auto i = next_begin(c.offset)) {
      before[*i].push_back(&c);
    } else {
      at_end.push_back(&c);
    }
  };

  for (const Comment& c : comments) {
    if (auto i = containing(c.offset)) {
      before[*i].push_back(&c);
    } else if (c.own_line) {
      put_before_next(c);
    } else if (auto j = last_ending(c.offset)) {
      if (trailing[*j] == nullptr) {
        trailing[*j] = &c;
      } else {
        put_after(*j, &c);
      }
    } else {
      put_before_next(c);
    }
  }

  std::string out;
  auto const indent = [&](int levels) { out.append(static_cast<std::size_t>(levels) * 2, ' '); };
  for (std::size_t i = 0; i < n; ++i) {
    Line const& l = m_lines[i];
    if (l.blank) {
      out += '\n';
      continue;
    }
    for (const Comment* c : before[i]) {
      indent(l.closing ? l.indent + 1 : l.indent);
      out += c->text;
      out += '\n';
    }
    indent(l.indent);
    out += l.text;
    if (trailing[i] != nullptr) {
      out += "  ";
      out += trailing[i]->text;
    }
    out += '\n';
  }
  for (const Comment* c : at_end) {
    out += c->text;
    out += '\n';
  }
  return out;
}

}  // namespace dojang::dsl::detail
