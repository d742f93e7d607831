/*
 * The C half of Regexp on Oniguruma (Ruby syntax, UTF-8). The Ruby half (mrblib/regexp.rb)
 * builds Ruby's API — =~, match, MatchData, $~ and $1…, scan, gsub, sub, split — on two
 * primitives: Regexp.__new(source, options) and Regexp#__match(string, byte_offset, set_last).
 *
 * Matching is bounded: Oniguruma counts backtracking retries and gives up past a limit, so a
 * catastrophic pattern raises RegexpError instead of running for hours in one C call where the
 * VM's deadline cannot reach it.
 */
#include <mruby.h>
#include <mruby/array.h>
#include <mruby/class.h>
#include <mruby/data.h>
#include <mruby/string.h>
#include <mruby/variable.h>
#include <oniguruma.h>

/* Retries per match attempt, and over a whole search. ~10M retries take well under a second. */
#define RETRY_LIMIT_IN_MATCH 2000000UL
#define RETRY_LIMIT_IN_SEARCH 10000000UL

static void regexp_free(mrb_state *mrb, void *p) {
  (void)mrb;
  if (p) onig_free((OnigRegex)p);
}

static const mrb_data_type regexp_type = {"Regexp", regexp_free};

static OnigRegex regexp_get(mrb_state *mrb, mrb_value self) {
  OnigRegex reg = mrb_data_get_ptr(mrb, self, &regexp_type);
  if (!reg) mrb_raise(mrb, E_TYPE_ERROR, "uninitialized Regexp");
  return reg;
}

static struct RClass *regexp_error(mrb_state *mrb) { return mrb_class_get(mrb, "RegexpError"); }

static mrb_noreturn void raise_onig(mrb_state *mrb, int code, OnigErrorInfo *info) {
  OnigUChar message[ONIG_MAX_ERROR_MESSAGE_LEN];
  if (info) onig_error_code_to_str(message, code, info);
  else onig_error_code_to_str(message, code);
  mrb_raise(mrb, regexp_error(mrb), (const char *)message);
}

/* The pattern with every unescaped \w and \W spelt as an ASCII class. Ruby's \w is ASCII-only
 * while its \b stays Unicode ("café" has no boundary inside); Oniguruma's WORD_IS_ASCII would
 * make \b ASCII too. A class nested in a class ([\w-] → [[a-zA-Z0-9_]-]) is valid Ruby syntax. */
static mrb_value ascii_words(mrb_state *mrb, mrb_value source) {
  const char *p = RSTRING_PTR(source);
  mrb_int len = RSTRING_LEN(source);
  mrb_value out = mrb_nil_value();
  mrb_int done = 0;
  for (mrb_int i = 0; i + 1 < len; i++) {
    if (p[i] != '\\') continue;
    char c = p[i + 1];
    if (c == 'w' || c == 'W') {
      if (mrb_nil_p(out)) out = mrb_str_new_capa(mrb, len + 16);
      mrb_str_cat(mrb, out, p + done, i - done);
      mrb_str_cat_cstr(mrb, out, c == 'w' ? "[a-zA-Z0-9_]" : "[^a-zA-Z0-9_]");
      done = i + 2;
    }
    i++; /* the escaped character */
  }
  if (mrb_nil_p(out)) return source;
  mrb_str_cat(mrb, out, p + done, len - done);
  return out;
}

/* Regexp.__new(source, options): options are Ruby's bits (1 i, 2 x, 4 m), the same as Onig's.
 * \d and \s are ASCII-only in Ruby (\w: see ascii_words), while POSIX brackets, \p{…} and \b
 * stay Unicode; Oniguruma's Ruby syntax leaves all of them Unicode unless told. */
static mrb_value regexp_s_new(mrb_state *mrb, mrb_value klass) {
  mrb_value source;
  mrb_int options;
  mrb_get_args(mrb, "Si", &source, &options);
  OnigOptionType onig_options = ONIG_OPTION_DIGIT_IS_ASCII | ONIG_OPTION_SPACE_IS_ASCII;
  if (options & 1) onig_options |= ONIG_OPTION_IGNORECASE;
  if (options & 2) onig_options |= ONIG_OPTION_EXTEND;
  if (options & 4) onig_options |= ONIG_OPTION_MULTILINE;
  mrb_value pattern = ascii_words(mrb, source);
  struct RData *obj = mrb_data_object_alloc(mrb, mrb_class_ptr(klass), NULL, &regexp_type);
  const OnigUChar *p = (const OnigUChar *)RSTRING_PTR(pattern);
  OnigRegex reg;
  OnigErrorInfo info;
  int r = onig_new(&reg, p, p + RSTRING_LEN(pattern), onig_options, ONIG_ENCODING_UTF8,
                   ONIG_SYNTAX_RUBY, &info);
  if (r != ONIG_NORMAL) raise_onig(mrb, r, &info);
  obj->data = reg;
  mrb_value self = mrb_obj_value(obj);
  mrb_iv_set(mrb, self, mrb_intern_lit(mrb, "@source"), mrb_str_dup(mrb, source));
  mrb_iv_set(mrb, self, mrb_intern_lit(mrb, "@options"), mrb_int_value(mrb, options & 7));
  return self;
}

/* Regexp#__match(string, byte_offset) → nil or [begin0, end0, begin1, end1, …] in bytes
 * (-1 for a group that did not take part). */
static mrb_value regexp_match(mrb_state *mrb, mrb_value self) {
  mrb_value str;
  mrb_int pos;
  mrb_get_args(mrb, "Si", &str, &pos);
  OnigRegex reg = regexp_get(mrb, self);
  mrb_int len = RSTRING_LEN(str);
  if (pos < 0 || pos > len) return mrb_nil_value();
  const OnigUChar *s = (const OnigUChar *)RSTRING_PTR(str);
  OnigRegion *region = onig_region_new();
  OnigMatchParam *param = onig_new_match_param();
  if (!region || !param) {
    if (region) onig_region_free(region, 1);
    if (param) onig_free_match_param(param);
    mrb_raise(mrb, E_RUNTIME_ERROR, "out of memory in Regexp matching");
  }
  onig_initialize_match_param(param);
  onig_set_retry_limit_in_match_of_match_param(param, RETRY_LIMIT_IN_MATCH);
  onig_set_retry_limit_in_search_of_match_param(param, RETRY_LIMIT_IN_SEARCH);
  int r = onig_search_with_param(reg, s, s + len, s + pos, s + len, region, ONIG_OPTION_NONE, param);
  onig_free_match_param(param);
  if (r == ONIG_MISMATCH) {
    onig_region_free(region, 1);
    return mrb_nil_value();
  }
  if (r < 0) {
    onig_region_free(region, 1);
    if (r == ONIGERR_RETRY_LIMIT_IN_MATCH_OVER || r == ONIGERR_RETRY_LIMIT_IN_SEARCH_OVER)
      mrb_raise(mrb, regexp_error(mrb), "regexp match gave up: too much backtracking");
    raise_onig(mrb, r, NULL);
  }
  mrb_value offsets = mrb_ary_new_capa(mrb, region->num_regs * 2);
  for (int i = 0; i < region->num_regs; i++) {
    mrb_ary_push(mrb, offsets, mrb_int_value(mrb, region->beg[i]));
    mrb_ary_push(mrb, offsets, mrb_int_value(mrb, region->end[i]));
  }
  onig_region_free(region, 1);
  return offsets;
}

static int collect_name(const OnigUChar *name, const OnigUChar *name_end, int ngroups,
                        int *groups, OnigRegex reg, void *arg) {
  (void)reg;
  void **ctx = arg;
  mrb_state *mrb = ctx[0];
  mrb_value *list = ctx[1];
  mrb_value numbers = mrb_ary_new_capa(mrb, ngroups);
  for (int i = 0; i < ngroups; i++) mrb_ary_push(mrb, numbers, mrb_int_value(mrb, groups[i]));
  mrb_value pair = mrb_assoc_new(mrb, mrb_str_new(mrb, (const char *)name, name_end - name), numbers);
  mrb_ary_push(mrb, *list, pair);
  return 0;
}

/* Regexp#__onig_names → [[name, [group, …]], …] in Oniguruma's order. */
static mrb_value regexp_names(mrb_state *mrb, mrb_value self) {
  OnigRegex reg = regexp_get(mrb, self);
  mrb_value list = mrb_ary_new(mrb);
  void *ctx[2] = {mrb, &list};
  onig_foreach_name(reg, collect_name, ctx);
  return list;
}

/* Regexp.__last_match = m: sets $~ and what derives from it ($&, $`, $', $1 … $9), which the
 * parser reads as plain global variables. */
static mrb_value regexp_s_set_last_match(mrb_state *mrb, mrb_value klass) {
  (void)klass;
  mrb_value m = mrb_get_arg1(mrb);
  mrb_bool none = mrb_nil_p(m);
  mrb_gv_set(mrb, mrb_intern_lit(mrb, "$~"), m);
  mrb_gv_set(mrb, mrb_intern_lit(mrb, "$&"),
             none ? m : mrb_funcall(mrb, m, "[]", 1, mrb_int_value(mrb, 0)));
  mrb_gv_set(mrb, mrb_intern_lit(mrb, "$`"), none ? m : mrb_funcall(mrb, m, "pre_match", 0));
  mrb_gv_set(mrb, mrb_intern_lit(mrb, "$'"), none ? m : mrb_funcall(mrb, m, "post_match", 0));
  char name[3] = {'$', '0', 0};
  for (int i = 1; i <= 9; i++) {
    name[1] = (char)('0' + i);
    mrb_gv_set(mrb, mrb_intern_cstr(mrb, name),
               none ? m : mrb_funcall(mrb, m, "[]", 1, mrb_int_value(mrb, i)));
  }
  return m;
}

void kobako_regexp_init(mrb_state *mrb) {
  static OnigEncoding encodings[] = {ONIG_ENCODING_UTF8};
  onig_initialize(encodings, 1);
  mrb_define_class(mrb, "RegexpError", mrb->eStandardError_class);
  struct RClass *regexp = mrb_define_class(mrb, "Regexp", mrb->object_class);
  MRB_SET_INSTANCE_TT(regexp, MRB_TT_DATA);
  mrb_define_class_method(mrb, regexp, "__new", regexp_s_new, MRB_ARGS_REQ(2));
  mrb_define_method(mrb, regexp, "__match", regexp_match, MRB_ARGS_REQ(2));
  mrb_define_method(mrb, regexp, "__onig_names", regexp_names, MRB_ARGS_NONE());
  mrb_define_class_method(mrb, regexp, "__last_match=", regexp_s_set_last_match, MRB_ARGS_REQ(1));
}
