/*
 * Float#to_s and Float#inspect as CRuby prints them: the shortest decimal that reads back as
 * the same double (0.1 + 0.2 shows 0.30000000000000004, Math::PI 3.141592653589793), in fixed
 * notation for exponents -4..14 and as 1.0e+15 past them. mruby's own printer stops at 15
 * significant digits, so distinct floats looked equal.
 *
 * The digits come from wasi-libc's printf (exact) and strtod (correctly rounded): the first
 * precision whose output reads back exactly is the shortest.
 */
#include <float.h>
#include <math.h>
#include <mruby.h>
#include <mruby/array.h>
#include <mruby/string.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Shortest digits of |f| (finite, non-zero) into digits (no dot, no trailing zeros); returns
 * the decimal exponent of the first digit. */
static int shortest_digits(double f, char *digits) {
  char buf[40];
  for (int precision = 0; precision < 17; precision++) {
    snprintf(buf, sizeof buf, "%.*e", precision, f);
    if (strtod(buf, NULL) == f) break;
  }
  /* buf is "d.ddde±XX" (or "de±XX") */
  char *e = strchr(buf, 'e');
  int exponent = atoi(e + 1);
  int n = 0;
  for (char *p = buf; p < e; p++)
    if (*p != '.') digits[n++] = *p;
  while (n > 1 && digits[n - 1] == '0') n--;
  digits[n] = '\0';
  return exponent;
}

static mrb_value float_to_s(mrb_state *mrb, mrb_value self) {
  double f = mrb_float(self);
  if (isnan(f)) return mrb_str_new_lit(mrb, "NaN");
  if (isinf(f)) return f < 0 ? mrb_str_new_lit(mrb, "-Infinity") : mrb_str_new_lit(mrb, "Infinity");
  char out[48];
  char *o = out;
  if (signbit(f)) *o++ = '-';
  f = fabs(f);
  if (f == 0) {
    strcpy(o, "0.0");
    return mrb_str_new_cstr(mrb, out);
  }
  char digits[24];
  int exponent = shortest_digits(f, digits);
  int n = (int)strlen(digits);
  /* Fixed up to 16 integer digits when there are fraction digits (1234567890123456.8), up to
   * 15 otherwise (1.0e+15, 9.007199254740992e+15), as CRuby. */
  if (exponent >= 0 && (exponent < 15 || (exponent == 15 && n > 16))) { /* 123.45, 1000.0 */
    for (int i = 0; i <= exponent; i++) *o++ = i < n ? digits[i] : '0';
    *o++ = '.';
    if (n > exponent + 1) {
      memcpy(o, digits + exponent + 1, (size_t)(n - exponent - 1));
      o += n - exponent - 1;
    } else {
      *o++ = '0';
    }
  } else if (exponent < 0 && exponent >= -4) { /* 0.00123 */
    *o++ = '0';
    *o++ = '.';
    for (int i = -1; i > exponent; i--) *o++ = '0';
    memcpy(o, digits, (size_t)n);
    o += n;
  } else { /* 1.2345e+16, 1.0e-05 */
    *o++ = digits[0];
    *o++ = '.';
    if (n > 1) {
      memcpy(o, digits + 1, (size_t)(n - 1));
      o += n - 1;
    } else {
      *o++ = '0';
    }
    o += snprintf(o, 8, "e%+03d", exponent);
  }
  *o = '\0';
  return mrb_str_new_cstr(mrb, out);
}

/* --- format("%.2f", x): CRuby's rounding ------------------------------------------------------
 * CRuby's printf takes its digits from its dtoa. For up to 14 digits that dtoa first tries plain
 * double arithmetic with an error bound; when the remainder lies within that bound of one half,
 * CRuby's copy rounds the last digit to even instead of falling back to exact arithmetic. So
 * format("%.2f", 2.675) is "2.68" (the double is 2.67499999999999982…) and format("%.1f", 0.45)
 * is "0.4". Elsewhere its digits are the exactly rounded ones, which libc's printf prints too.
 * kobako_format_float_value returns a double whose exact rounding prints CRuby's digits: f itself
 * outside that band, else the double nearest CRuby's rounded decimal. */
static const double tens[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                              1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
static const double bigtens[] = {1e16, 1e32, 1e64, 1e128, 1e256};

double kobako_format_float_value(double v, char fmt, int prec) {
  double d = fabs(v);
  if (!isfinite(v) || d < DBL_MIN || prec < 0) return v;
  /* k: the decimal exponent, estimated as dtoa does; exact for 1 <= d < 1e23 */
  int be;
  double mant = frexp(d, &be) * 2; /* d = mant * 2^(be-1), 1 <= mant < 2 */
  double est = (mant - 1.5) * 0.289529654602168 + 0.1760912590558 + (be - 1) * 0.301029995663981;
  int k = (int)est;
  if (est < 0 && est != k) k--;
  int k_check = 1;
  if (k >= 0 && k <= 22) {
    if (d < tens[k]) k--;
    k_check = 0;
  }
  int ilim, ilim1; /* digits to produce */
  if (fmt == 'f' || fmt == 'F') {
    ilim = prec + k + 1;
    ilim1 = ilim - 1;
  } else {
    ilim = ilim1 = (fmt == 'e' || fmt == 'E') ? prec + 1 : (prec ? prec : 1);
  }
  if (ilim <= 0 || ilim > 14) return v;
  /* x = d / 10^k in double arithmetic; ieps counts the roundings */
  int ieps = 2;
  double x = d;
  if (k > 0) {
    double divisor = tens[k & 15];
    int j = k >> 4;
    if (j & 16) {
      j &= 15;
      x /= bigtens[4];
      ieps++;
    }
    for (int b = 0; j; j >>= 1, b++)
      if (j & 1) {
        ieps++;
        divisor *= bigtens[b];
      }
    x /= divisor;
  } else if (k < 0) {
    x *= tens[-k & 15];
    for (int j = -k >> 4, b = 0; j; j >>= 1, b++)
      if (j & 1) {
        ieps++;
        x *= bigtens[b];
      }
  }
  if (k_check && x < 1.0) {
    if (ilim1 <= 0) return v;
    ilim = ilim1;
    k--;
    x *= 10.0;
    ieps++;
  }
  double eps = ldexp(ieps * x + 7.0, -52) * tens[ilim - 1];
  char digits[24];
  int n = 0;
  mrb_bool bump = FALSE;
  for (int i = 1;; i++, x *= 10.0) {
    int digit = (int)x;
    x -= digit;
    if (x == 0) ilim = i;
    digits[n++] = (char)('0' + digit);
    if (i == ilim) {
      if (x > 0.5 + eps) bump = TRUE;
      else if (x < 0.5 - eps) bump = FALSE;
      else bump = (digit & 1) != 0; /* the half band: to even */
      break;
    }
  }
  if (bump) {
    int i = n - 1;
    while (i >= 0 && digits[i] == '9') digits[i--] = '0';
    if (i < 0) {
      digits[0] = '1';
      k++;
    } else {
      digits[i]++;
    }
  }
  snprintf(digits + n, sizeof digits - n, "e%d", k + 1 - n);
  double y = strtod(digits, NULL);
  return v < 0 ? -y : y;
}

/* --- Float#round(ndigits = 0, half: :up) as CRuby ------------------------------------------- */
enum { HALF_UP, HALF_EVEN, HALF_DOWN };

/* x * s rounded to an integer (as a double) the CRuby way: a tie is judged on x itself, not on
 * the inexact product (1.005.round(2) is 1.01: (100 + 0.5) / 100 reads back as 1.005). */
static double round_scaled(double x, double s, int mode) {
  double xs = x * s;
  if (s == 1.0) {
    double f = round(xs);
    if (fabs(xs - trunc(xs)) == 0.5) {
      if (mode == HALF_EVEN) f = 2.0 * round(xs / 2.0);
      else if (mode == HALF_DOWN) f = trunc(xs);
    }
    return f;
  }
  double lo = floor(xs);
  if (mode == HALF_EVEN) { /* CRuby judges this one on the product */
    if (xs - lo == 0.5) return fmod(lo, 2.0) == 0 ? lo : lo + 1;
    return round(xs);
  }
  if ((lo + 0.5) / s == x) { /* a tie between lo and lo + 1 */
    if (mode == HALF_DOWN) return x > 0 ? lo : lo + 1;
    return x > 0 ? lo + 1 : lo;
  }
  double f = round(xs);
  if (x > 0) {
    if ((f + 0.5) / s <= x) f += 1;
  } else {
    if ((f - 0.5) / s >= x) f -= 1;
  }
  return f;
}

/* Whether rounding to ndigits leaves the number as it is (all its digits are kept). */
static mrb_bool round_keeps(mrb_int ndigits, int binexp) {
  return ndigits >= (DBL_DIG + 2) - (binexp > 0 ? binexp / 4 : binexp / 3 - 1);
}

/* Whether rounding to ndigits gives 0 (the number is below half a unit of the last digit). */
static mrb_bool round_vanishes(mrb_int ndigits, int binexp) {
  return ndigits < -(binexp > 0 ? binexp / 3 + 1 : binexp / 4);
}

static mrb_value float_round(mrb_state *mrb, mrb_value self) {
  mrb_int ndigits = 0;
  mrb_value half = mrb_nil_value();
  mrb_sym kw_names[] = {mrb_intern_lit(mrb, "half")};
  const mrb_kwargs kw = {1, 0, kw_names, &half, NULL};
  mrb_get_args(mrb, "|i:", &ndigits, &kw);
  if (mrb_undef_p(half)) half = mrb_nil_value();
  int mode = HALF_UP;
  if (mrb_symbol_p(half) && mrb_symbol(half) == mrb_intern_lit(mrb, "even")) mode = HALF_EVEN;
  else if (mrb_symbol_p(half) && mrb_symbol(half) == mrb_intern_lit(mrb, "down")) mode = HALF_DOWN;
  else if (!mrb_nil_p(half) && !(mrb_symbol_p(half) && mrb_symbol(half) == mrb_intern_lit(mrb, "up")))
    mrb_raisef(mrb, E_ARGUMENT_ERROR, "invalid rounding mode: %v", half);
  double number = mrb_float(self);
  if (ndigits > 0) {
    if (!isfinite(number) || number == 0.0) return self;
    int binexp;
    frexp(number, &binexp);
    if (round_keeps(ndigits, binexp)) return self;
    if (round_vanishes(ndigits, binexp)) return mrb_float_value(mrb, 0.0);
    double s = pow(10, (double)ndigits);
    return mrb_float_value(mrb, round_scaled(number, s, mode) / s);
  }
  if (ndigits == 0) {
    if (isfinite(number)) number = round_scaled(number, 1.0, mode);
    return mrb_funcall(mrb, mrb_float_value(mrb, number), "to_i", 0);
  }
  /* negative digits: the integer part, rounded as an Integer */
  if (!isfinite(number)) return mrb_funcall(mrb, self, "to_i", 0); /* FloatDomainError */
  double t = trunc(number);
  if (mode == HALF_UP || fabs(t) >= 9.2e18)
    return mrb_funcall(mrb, mrb_funcall(mrb, self, "to_i", 0), "round", 1, mrb_int_value(mrb, ndigits));
  if (ndigits < -18) return mrb_int_value(mrb, 0);
  int64_t v = (int64_t)t, m = 1;
  for (mrb_int i = 0; i < -ndigits; i++) m *= 10;
  int64_t q = (v < 0 ? -v : v) / m, twice = ((v < 0 ? -v : v) % m) * 2;
  if (twice > m || (twice == m && mode == HALF_EVEN && (q & 1))) q++;
  return mrb_funcall(mrb, mrb_int_value(mrb, v < 0 ? -q : q), "*", 1, mrb_int_value(mrb, m));
}

static mrb_value float_next_float(mrb_state *mrb, mrb_value self) {
  return mrb_float_value(mrb, nextafter(mrb_float(self), INFINITY));
}

static mrb_value float_prev_float(mrb_state *mrb, mrb_value self) {
  return mrb_float_value(mrb, nextafter(mrb_float(self), -INFINITY));
}

/* --- Math.gamma / Math.lgamma ------------------------------------------------------------- */
static mrb_noreturn void math_domain_error(mrb_state *mrb, const char *name) {
  struct RClass *math = mrb_module_get(mrb, "Math");
  mrb_raisef(mrb, mrb_class_get_under(mrb, math, "DomainError"),
             "Numerical argument is out of domain - \"%s\"", name);
}

static mrb_value math_gamma(mrb_state *mrb, mrb_value self) {
  (void)self;
  mrb_float x;
  mrb_get_args(mrb, "f", &x);
  if (isinf(x) && x < 0) math_domain_error(mrb, "gamma");
  if (x == 0.0) return mrb_float_value(mrb, signbit(x) ? -INFINITY : INFINITY);
  if (x == floor(x)) {
    if (x < 0) math_domain_error(mrb, "gamma");
    if (x <= 23) { /* exact factorials, as CRuby's table */
      double f = 1;
      for (int i = 2; i < (int)x; i++) f *= i;
      return mrb_float_value(mrb, f);
    }
  }
  return mrb_float_value(mrb, tgamma(x));
}

static mrb_value math_lgamma(mrb_state *mrb, mrb_value self) {
  (void)self;
  mrb_float x;
  mrb_get_args(mrb, "f", &x);
  if (isinf(x) && x < 0) math_domain_error(mrb, "lgamma");
  int sign = 1;
  double v;
  if (x == 0.0) {
    v = INFINITY;
    sign = signbit(x) ? -1 : 1;
  } else {
    v = lgamma_r(x, &sign);
  }
  return mrb_assoc_new(mrb, mrb_float_value(mrb, v), mrb_int_value(mrb, sign < 0 ? -1 : 1));
}

void kobako_float_init(mrb_state *mrb) {
  mrb_define_method(mrb, mrb->float_class, "to_s", float_to_s, MRB_ARGS_NONE());
  mrb_define_method(mrb, mrb->float_class, "inspect", float_to_s, MRB_ARGS_NONE());
  mrb_define_method(mrb, mrb->float_class, "round", float_round, MRB_ARGS_OPT(1) | MRB_ARGS_KEY(1, 0));
  mrb_define_method(mrb, mrb->float_class, "next_float", float_next_float, MRB_ARGS_NONE());
  mrb_define_method(mrb, mrb->float_class, "prev_float", float_prev_float, MRB_ARGS_NONE());
  struct RClass *math = mrb_module_get(mrb, "Math");
  mrb_define_module_function(mrb, math, "gamma", math_gamma, MRB_ARGS_REQ(1));
  mrb_define_module_function(mrb, math, "lgamma", math_lgamma, MRB_ARGS_REQ(1));
}
