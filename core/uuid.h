#pragma once

#include <QString>

namespace stockline {

// A new UUID version 7 (RFC 9562): 48 bits of Unix milliseconds, then 74 random bits, as
// text without braces. Time-ordered ids keep the outbox's unique index append-only, where
// random version-4 ids would scatter every insert across the index's pages.
[[nodiscard]] QString newTimeOrderedUuid();

} // namespace stockline
