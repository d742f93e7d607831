/*
 * Float#to_s and Float#inspect as CRuby prints them: the shortest decimal that reads back as
 * the same double (0.1 + 0.2 shows 0.30000000000000004, Math::PI 3.141592653589793), in fixed
 * notation for exponents -4..14 and as 1.0e+15 past them. mruby's own printer stops at 15
 * significant digits, so distinct floats looked equal.
 *
 * The digits come from wasi-libc's printf (exact) and strtod (correctly rounded): the first
 * precision whose output reads back exactly is the shortest.
 */
#include <math.h>
#include <mruby.h>
#include <mruby/string.h>
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
  if (exponent >= 0 && exponent < 15) { /* 123.45, 1000.0 */
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

void kobako_float_init(mrb_state *mrb) {
  mrb_define_method(mrb, mrb->float_class, "to_s", float_to_s, MRB_ARGS_NONE());
  mrb_define_method(mrb, mrb->float_class, "inspect", float_to_s, MRB_ARGS_NONE());
}
