#include "binary_string.h"

#include <mruby/class.h>
#include <mruby/proc.h>
#include <mruby/string.h>
#include <mruby/variable.h>

bool kobako_binary_string_p(mrb_value s) {
  return (mrb_str_ptr(s)->flags & MRB_STR_BINARY) != 0;
}

/* Kobako::BinaryString, or NULL when a script has removed or replaced it. */
static struct RClass *binary_module(mrb_state *mrb) {
  struct RClass *kobako = mrb_module_get(mrb, "Kobako");
  mrb_sym name = mrb_intern_lit(mrb, "BinaryString");
  if (!mrb_const_defined_at(mrb, mrb_obj_value(kobako), name)) return NULL;
  mrb_value m = mrb_const_get(mrb, mrb_obj_value(kobako), name);
  return mrb_type(m) == MRB_TT_MODULE ? mrb_class_ptr(m) : NULL;
}

void kobako_binary_string_mark(mrb_state *mrb, mrb_value s) {
  mrb_str_ptr(s)->flags |= MRB_STR_BINARY;
  struct RClass *m = binary_module(mrb);
  if (m) mrb_include_module(mrb, mrb_class_ptr(mrb_singleton_class(mrb, s)), m);
}

static mrb_value binary_p(mrb_state *mrb, mrb_value self) {
  (void)mrb;
  return mrb_bool_value(kobako_binary_string_p(self));
}

static mrb_value binary_set(mrb_state *mrb, mrb_value self) {
  mrb_bool on = mrb_test(mrb_get_arg1(mrb));
  mrb_check_frozen(mrb, mrb_obj_ptr(self));
  if (on) mrb_str_ptr(self)->flags |= MRB_STR_BINARY;
  else mrb_str_ptr(self)->flags &= ~MRB_STR_BINARY;
  return mrb_bool_value(on);
}

/* String#initialize_copy (dup, clone): mruby's, then the copy is binary if the original is, as
 * CRuby keeps the encoding. dup copies no singleton class, so the copy is marked afresh. */
static mrb_func_t string_initialize_copy;

static mrb_value initialize_copy(mrb_state *mrb, mrb_value self) {
  mrb_value orig = mrb_get_arg1(mrb);
  mrb_value out = string_initialize_copy(mrb, self);
  if (mrb_string_p(orig) && kobako_binary_string_p(orig)) kobako_binary_string_mark(mrb, self);
  return out;
}

void kobako_binary_string_init(mrb_state *mrb) {
  struct RClass *string = mrb->string_class;
  mrb_method_t m = mrb_method_search(mrb, string, mrb_intern_lit(mrb, "initialize_copy"));
  if (MRB_METHOD_CFUNC_P(m)) {
    string_initialize_copy = MRB_METHOD_CFUNC(m);
    mrb_define_method(mrb, string, "initialize_copy", initialize_copy, MRB_ARGS_REQ(1));
  }
  mrb_define_method(mrb, mrb->string_class, "__kobako_binary?", binary_p, MRB_ARGS_NONE());
  mrb_define_method(mrb, mrb->string_class, "__kobako_binary=", binary_set, MRB_ARGS_REQ(1));
}
