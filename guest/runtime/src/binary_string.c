#include "binary_string.h"

#include <mruby/class.h>
#include <mruby/proc.h>
#include <mruby/string.h>
#include <mruby/variable.h>

bool kobako_binary_string_p(mrb_value s) {
  return (mrb_str_ptr(s)->flags & MRB_STR_BINARY) != 0;
}

void kobako_binary_string_mark(mrb_state *mrb, mrb_value s) {
  (void)mrb;
  mrb_str_ptr(s)->flags |= MRB_STR_BINARY;
}

static mrb_value binary_p(mrb_state *mrb, mrb_value self) {
  (void)mrb;
  return mrb_bool_value(kobako_binary_string_p(self));
}

static mrb_value binary_set(mrb_state *mrb, mrb_value self) {
  mrb_bool on = mrb_test(mrb_get_arg1(mrb));
  mrb_check_frozen(mrb, mrb_obj_ptr(self));
  if (on) mrb_str_ptr(self)->flags |= MRB_STR_BINARY;
  else mrb_str_ptr(self)->flags &= ~(MRB_STR_BINARY | MRB_STR_ASCII); /* ASCII is recounted */
  return mrb_bool_value(on);
}

/* String#inspect: mruby's for text; a binary string shows its bytes past 0x7F as \xNN
 * (String#__kobako_binary_inspect, mrblib/encoding.rb), as CRuby. */
static mrb_func_t string_inspect;

static mrb_value inspect(mrb_state *mrb, mrb_value self) {
  if (kobako_binary_string_p(self)) {
    return mrb_funcall_argv(mrb, self, mrb_intern_lit(mrb, "__kobako_binary_inspect"), 0, NULL);
  }
  return string_inspect(mrb, self);
}

/* String#ord: a binary string's first byte (mruby's reads a UTF-8 character). */
static mrb_func_t string_ord;

static mrb_value ord(mrb_state *mrb, mrb_value self) {
  if (!kobako_binary_string_p(self)) return string_ord(mrb, self);
  if (RSTRING_LEN(self) == 0) mrb_raise(mrb, E_ARGUMENT_ERROR, "empty string");
  return mrb_fixnum_value((unsigned char)RSTRING_PTR(self)[0]);
}

void kobako_binary_string_init(mrb_state *mrb) {
  struct RClass *string = mrb->string_class;
  mrb_method_t m = mrb_method_search(mrb, string, mrb_intern_lit(mrb, "inspect"));
  if (MRB_METHOD_CFUNC_P(m)) {
    string_inspect = MRB_METHOD_CFUNC(m);
    mrb_define_method(mrb, string, "__kobako_text_inspect", string_inspect, MRB_ARGS_NONE());
    mrb_define_method(mrb, string, "inspect", inspect, MRB_ARGS_NONE());
  }
  m = mrb_method_search(mrb, string, mrb_intern_lit(mrb, "ord"));
  if (MRB_METHOD_CFUNC_P(m)) {
    string_ord = MRB_METHOD_CFUNC(m);
    mrb_define_method(mrb, string, "ord", ord, MRB_ARGS_NONE());
  }
  mrb_define_method(mrb, mrb->string_class, "__kobako_binary?", binary_p, MRB_ARGS_NONE());
  mrb_define_method(mrb, mrb->string_class, "__kobako_binary=", binary_set, MRB_ARGS_REQ(1));
}
