/*
 * Unicode case mapping for String#upcase/downcase/capitalize/swapcase (and their bang forms)
 * and casecmp?, as CRuby does it: full mappings ("straße".upcase == "STRASSE"), no
 * context-dependent rules (no final sigma), options :ascii, :turkic and (downcase) :fold.
 *
 * No tables of our own: Oniguruma already links its Unicode case-folding data (for /…/i) and its
 * Upper/Lower/Lt property ranges. A character's case class is its fold plus every character
 * folding to the same thing; its lowercase is the fold (or the class's lowercase member), its
 * uppercase the class's uppercase member, a multi-character fold maps character by character
 * (ß → ss → SS). Where a class holds two uppercase members (Θ and ϴ, K and the Kelvin sign), the
 * one nearest the fold in code points is the ordinary letter.
 */
#include <mruby.h>
#include <mruby/string.h>
#include <oniguruma.h>
#include <stdlib.h>

/* Oniguruma's case-fold tables (declared in its internal regenc.h). */
struct ByUnfoldKey {
  OnigCodePoint code;
  short int index;
  short int fold_len;
};
extern const struct ByUnfoldKey *onigenc_unicode_unfold_key(OnigCodePoint code);
extern int onigenc_unicode_fold1_key(OnigCodePoint code[]);
extern int onigenc_unicode_fold2_key(OnigCodePoint code[]);
extern int onigenc_unicode_fold3_key(OnigCodePoint code[]);
extern OnigCodePoint OnigUnicodeFolds1[];
extern OnigCodePoint OnigUnicodeFolds2[];
extern OnigCodePoint OnigUnicodeFolds3[];

enum { MAP_UP = 1, MAP_DOWN = 2, MAP_TITLE = 4, MAP_SWAP = 8, MAP_FOLD = 16 };
enum { OPT_ASCII = 1, OPT_TURKIC = 2 };

static int is_ctype(OnigCodePoint c, unsigned int ctype) {
  return ONIGENC_IS_CODE_CTYPE(ONIG_ENCODING_UTF8, c, ctype);
}
static int is_upper(OnigCodePoint c) { return is_ctype(c, ONIGENC_CTYPE_UPPER); }
static int is_lower(OnigCodePoint c) { return is_ctype(c, ONIGENC_CTYPE_LOWER); }
static int is_title(OnigCodePoint c) {
  static int ctype = -1;
  if (ctype < 0) {
    static const OnigUChar name[] = "Lt";
    ctype = ONIGENC_PROPERTY_NAME_TO_CTYPE(ONIG_ENCODING_UTF8, (OnigUChar *)name,
                                           (OnigUChar *)name + 2);
  }
  return ctype >= 0 && is_ctype(c, (unsigned int)ctype);
}

/* The full case fold of c into out[0..2]; its length, 0 when c folds to itself. */
static int fold_of(OnigCodePoint c, OnigCodePoint *out) {
  const struct ByUnfoldKey *k = onigenc_unicode_unfold_key(c);
  if (!k) return 0;
  const OnigCodePoint *f = k->fold_len == 1   ? OnigUnicodeFolds1 + k->index
                           : k->fold_len == 2 ? OnigUnicodeFolds2 + k->index
                                              : OnigUnicodeFolds3 + k->index;
  for (int i = 0; i < k->fold_len; i++) out[i] = f[i];
  return k->fold_len;
}

/* The characters that fold to fold[0..n-1]; their count, *list pointing into Oniguruma's data. */
static int unfolds_of(OnigCodePoint *fold, int n, const OnigCodePoint **list) {
  int i;
  switch (n) {
  case 1:
    i = onigenc_unicode_fold1_key(fold);
    if (i < 0) return 0;
    *list = OnigUnicodeFolds1 + i + 2;
    return (int)OnigUnicodeFolds1[i + 1];
  case 2:
    i = onigenc_unicode_fold2_key(fold);
    if (i < 0) return 0;
    *list = OnigUnicodeFolds2 + i + 3;
    return (int)OnigUnicodeFolds2[i + 2];
  case 3:
    i = onigenc_unicode_fold3_key(fold);
    if (i < 0) return 0;
    *list = OnigUnicodeFolds3 + i + 4;
    return (int)OnigUnicodeFolds3[i + 3];
  }
  return 0;
}

/* The member of c's case class (other than c) with the property test, nearest the fold; 0 if
 * none. */
static OnigCodePoint class_member(OnigCodePoint c, OnigCodePoint *fold, int n,
                                  int (*test)(OnigCodePoint)) {
  OnigCodePoint best = 0;
  long best_distance = 0;
  const OnigCodePoint *list;
  int count = unfolds_of(fold, n, &list);
  for (int i = -1; i < count; i++) {
    OnigCodePoint m = i < 0 ? (n == 1 ? fold[0] : c) : list[i];
    if (m == c || !test(m)) continue;
    long distance = labs((long)m - (long)fold[0]);
    if (!best || distance < best_distance) {
      best = m;
      best_distance = distance;
    }
  }
  return best;
}

static int map_char(OnigCodePoint c, int mode, int opts, OnigCodePoint *out);

static int map_lower(OnigCodePoint c, OnigCodePoint *out) {
  OnigCodePoint fold[3];
  if (!is_upper(c) && !is_title(c)) return out[0] = c, 1;
  int n = fold_of(c, fold);
  if (n == 0) fold[0] = c, n = 1;
  if (n == 1 && fold[0] != c && is_lower(fold[0])) return out[0] = fold[0], 1;
  OnigCodePoint m = class_member(c, fold, n, is_lower);
  if (m) return out[0] = m, 1;
  if (fold[0] != c || n > 1) { /* İ → i̇ */
    for (int i = 0; i < n; i++) out[i] = fold[i];
    return n;
  }
  return out[0] = c, 1;
}

/* Upper (title: titlecase) mapping of c. */
static int map_upper(OnigCodePoint c, int title, OnigCodePoint *out) {
  OnigCodePoint fold[3];
  if (is_upper(c) || (title && is_title(c))) return out[0] = c, 1;
  int n = fold_of(c, fold);
  if (n == 0) fold[0] = c, n = 1;
  if (title) {
    OnigCodePoint t = class_member(c, fold, n, is_title); /* ǆ → ǅ */
    if (t) return out[0] = t, 1;
  }
  if (n > 1) { /* ß → SS (title: Ss) */
    int len = 0;
    for (int i = 0; i < n; i++) {
      if (i > 0 && title) out[len++] = fold[i];
      else len += map_upper(fold[i], 0, out + len);
    }
    return len;
  }
  OnigCodePoint m = class_member(c, fold, n, is_upper);
  return out[0] = m ? m : c, 1;
}

/* Maps one character; the number of code points written to out (at most 3). */
static int map_char(OnigCodePoint c, int mode, int opts, OnigCodePoint *out) {
  if (mode & MAP_SWAP) mode = (is_upper(c) || is_title(c)) ? MAP_DOWN : is_lower(c) ? MAP_UP : 0;
  if (c < 0x80 || (opts & OPT_ASCII)) {
    if (c >= 0x80) return out[0] = c, 1;
    if (opts & OPT_TURKIC) {
      if (c == 'i' && (mode & (MAP_UP | MAP_TITLE))) return out[0] = 0x130, 1;
      if (c == 'I' && (mode & (MAP_DOWN | MAP_FOLD))) return out[0] = 0x131, 1;
    }
    if ((mode & (MAP_UP | MAP_TITLE)) && c >= 'a' && c <= 'z') c -= 32;
    else if ((mode & (MAP_DOWN | MAP_FOLD)) && c >= 'A' && c <= 'Z') c += 32;
    return out[0] = c, 1;
  }
  if ((opts & OPT_TURKIC) && c == 0x130 && (mode & (MAP_DOWN | MAP_FOLD))) return out[0] = 'i', 1;
  if (mode & MAP_FOLD) {
    int n = fold_of(c, out);
    return n ? n : (out[0] = c, 1);
  }
  if (mode & MAP_DOWN) return map_lower(c, out);
  if (mode & (MAP_UP | MAP_TITLE)) return map_upper(c, mode & MAP_TITLE, out);
  return out[0] = c, 1;
}

/* One UTF-8 character at p (len bytes available): its code point and length; -1 if invalid. */
static int utf8_decode(const unsigned char *p, mrb_int len, OnigCodePoint *c) {
  int n = p[0] < 0x80 ? 1 : p[0] < 0xC2 ? 0 : p[0] < 0xE0 ? 2 : p[0] < 0xF0 ? 3 : p[0] < 0xF5 ? 4 : 0;
  if (n == 0 || n > len) return -1;
  OnigCodePoint v = n == 1 ? p[0] : p[0] & (0x7F >> n);
  for (int i = 1; i < n; i++) {
    if ((p[i] & 0xC0) != 0x80) return -1;
    v = (v << 6) | (p[i] & 0x3F);
  }
  if ((n == 3 && (v < 0x800 || (v >= 0xD800 && v <= 0xDFFF))) || (n == 4 && (v < 0x10000 || v > 0x10FFFF)))
    return -1;
  *c = v;
  return n;
}

static void append_code(mrb_state *mrb, mrb_value out, OnigCodePoint c) {
  char buf[4];
  int n = ONIGENC_CODE_TO_MBC(ONIG_ENCODING_UTF8, c, (OnigUChar *)buf);
  mrb_str_cat(mrb, out, buf, n);
}

/* The mapped copy of str. Capitalize is MAP_TITLE for the first character, MAP_DOWN after. */
static mrb_value casemap(mrb_state *mrb, mrb_value str, int mode, int opts) {
  const unsigned char *p = (const unsigned char *)RSTRING_PTR(str);
  mrb_int len = RSTRING_LEN(str);
  mrb_value out = mrb_str_new_capa(mrb, len);
  mrb_bool binary = (mrb_str_ptr(str)->flags & MRB_STR_BINARY) != 0;
  if (binary) { /* ASCII-8BIT: only ASCII letters change, and the copy stays binary (as CRuby) */
    opts |= OPT_ASCII;
    mrb_str_ptr(out)->flags |= MRB_STR_BINARY;
  }
  OnigCodePoint mapped[3];
  mrb_bool first = TRUE;
  for (mrb_int i = 0; i < len;) {
    OnigCodePoint c;
    int n = utf8_decode(p + i, len - i, &c);
    if (n < 0) { /* invalid byte: kept as it is */
      mrb_str_cat(mrb, out, (const char *)p + i, 1);
      i++;
      continue;
    }
    i += n;
    int m = map_char(c, (mode & MAP_TITLE) ? (first ? MAP_TITLE : MAP_DOWN) : mode, opts, mapped);
    first = FALSE;
    for (int k = 0; k < m; k++) append_code(mrb, out, mapped[k]);
  }
  return out;
}

/* Options (:ascii, :turkic, :lithuanian, :fold) as flags; :fold only where allowed. */
static int case_options(mrb_state *mrb, int *mode, mrb_bool fold_allowed) {
  const mrb_value *argv;
  mrb_int argc;
  int opts = 0;
  mrb_get_args(mrb, "*", &argv, &argc);
  for (mrb_int i = 0; i < argc; i++) {
    if (!mrb_symbol_p(argv[i])) mrb_raise(mrb, E_ARGUMENT_ERROR, "invalid option");
    mrb_sym s = mrb_symbol(argv[i]);
    if (s == mrb_intern_lit(mrb, "ascii")) opts |= OPT_ASCII;
    else if (s == mrb_intern_lit(mrb, "turkic")) opts |= OPT_TURKIC;
    else if (s == mrb_intern_lit(mrb, "lithuanian")) continue;
    else if (s == mrb_intern_lit(mrb, "fold") && fold_allowed) *mode = MAP_FOLD;
    else mrb_raisef(mrb, E_ARGUMENT_ERROR, "invalid option: %v", argv[i]);
  }
  if ((opts & OPT_ASCII) && (opts & OPT_TURKIC))
    mrb_raise(mrb, E_ARGUMENT_ERROR, "too many options");
  return opts;
}

static mrb_value case_new(mrb_state *mrb, mrb_value self, int mode) {
  int opts = case_options(mrb, &mode, mode == MAP_DOWN);
  return casemap(mrb, self, mode, opts);
}

static mrb_value case_bang(mrb_state *mrb, mrb_value self, int mode) {
  int opts = case_options(mrb, &mode, mode == MAP_DOWN);
  mrb_str_modify(mrb, mrb_str_ptr(self));
  mrb_value out = casemap(mrb, self, mode, opts);
  if (mrb_str_equal(mrb, out, self)) return mrb_nil_value();
  mrb_funcall(mrb, self, "replace", 1, out);
  return self;
}

static mrb_value str_upcase(mrb_state *mrb, mrb_value self) { return case_new(mrb, self, MAP_UP); }
static mrb_value str_downcase(mrb_state *mrb, mrb_value self) { return case_new(mrb, self, MAP_DOWN); }
static mrb_value str_capitalize(mrb_state *mrb, mrb_value self) { return case_new(mrb, self, MAP_TITLE); }
static mrb_value str_swapcase(mrb_state *mrb, mrb_value self) { return case_new(mrb, self, MAP_SWAP); }
static mrb_value str_upcase_bang(mrb_state *mrb, mrb_value self) { return case_bang(mrb, self, MAP_UP); }
static mrb_value str_downcase_bang(mrb_state *mrb, mrb_value self) { return case_bang(mrb, self, MAP_DOWN); }
static mrb_value str_capitalize_bang(mrb_state *mrb, mrb_value self) { return case_bang(mrb, self, MAP_TITLE); }
static mrb_value str_swapcase_bang(mrb_state *mrb, mrb_value self) { return case_bang(mrb, self, MAP_SWAP); }

/* casecmp?: equal under Unicode case folding; nil for a non-String. */
static mrb_value str_casecmp_p(mrb_state *mrb, mrb_value self) {
  mrb_value other = mrb_get_arg1(mrb);
  if (!mrb_string_p(other)) return mrb_nil_value();
  mrb_value a = casemap(mrb, self, MAP_FOLD, 0);
  mrb_value b = casemap(mrb, other, MAP_FOLD, 0);
  return mrb_bool_value(mrb_str_equal(mrb, a, b));
}

void kobako_casemap_init(mrb_state *mrb) {
  struct RClass *s = mrb->string_class;
  mrb_define_method(mrb, s, "upcase", str_upcase, MRB_ARGS_ANY());
  mrb_define_method(mrb, s, "downcase", str_downcase, MRB_ARGS_ANY());
  mrb_define_method(mrb, s, "capitalize", str_capitalize, MRB_ARGS_ANY());
  mrb_define_method(mrb, s, "swapcase", str_swapcase, MRB_ARGS_ANY());
  mrb_define_method(mrb, s, "upcase!", str_upcase_bang, MRB_ARGS_ANY());
  mrb_define_method(mrb, s, "downcase!", str_downcase_bang, MRB_ARGS_ANY());
  mrb_define_method(mrb, s, "capitalize!", str_capitalize_bang, MRB_ARGS_ANY());
  mrb_define_method(mrb, s, "swapcase!", str_swapcase_bang, MRB_ARGS_ANY());
  mrb_define_method(mrb, s, "casecmp?", str_casecmp_p, MRB_ARGS_REQ(1));
}
