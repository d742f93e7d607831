/* Strings whose encoding is ASCII-8BIT. mruby has no per-string encoding: a binary String carries
 * a flag bit of ours, which mruby's string code (guest patch 73) reads as "one byte, one
 * character" and keeps in copies, substrings and concatenations; the prelude
 * (mrblib/encoding.rb) answers `encoding` and `inspect` from it. `b`, `force_encoding`, `pack`
 * and `Random#bytes` set it; binary strings cross to the host as bytes (Uint8Array), and bytes
 * from the host arrive as binary strings, whatever the bytes are. */
#ifndef KOBAKO_BINARY_STRING_H
#define KOBAKO_BINARY_STRING_H

#include <mruby.h>
#include <stdbool.h>

/* MRB_STR_BINARY (guest patch 62): a bit of RString's flags that mruby leaves alone; the patch
 * also keeps it when a binary String becomes a Hash key. */
#include <mruby/string.h>

/* Whether the String s is binary. Runs no Ruby code. */
bool kobako_binary_string_p(mrb_value s);

/* Makes the String s binary (as `s.force_encoding("BINARY")`, without calling Ruby). */
void kobako_binary_string_mark(mrb_state *mrb, mrb_value s);

/* String#__kobako_binary? and String#__kobako_binary=, for the prelude. */
void kobako_binary_string_init(mrb_state *mrb);

#endif
