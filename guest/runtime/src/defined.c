/*
 * The runtime half of `defined?(super)` (the parser, patch 21-defined, lowers the rest of
 * defined? on its own): whether a `super` written where this is called would find a method.
 * It answers from the caller's frame exactly as the VM's OP_SUPER looks the method up: the
 * method name of the frame and the superclass of the class its code was defined in.
 */
#include <mruby.h>
#include <mruby/class.h>
#include <mruby/proc.h>

static mrb_value super_defined(mrb_state *mrb, mrb_value self) {
  const mrb_callinfo *ci = mrb->c->ci;
  struct RClass *target, *cls;
  mrb_method_t m;

  if (ci == mrb->c->cibase) return mrb_false_value();
  ci--; /* the frame that wrote defined?(super) */
  target = mrb_vm_ci_target_class(ci);
  if (ci->mid == 0 || !target) return mrb_false_value();
  /* where OP_SUPER raises TypeError, super is not callable either */
  if ((target->flags & MRB_FL_CLASS_IS_PREPENDED) || target->tt == MRB_TT_MODULE) return mrb_false_value();
  if (!mrb_obj_is_kind_of(mrb, self, target)) return mrb_false_value();
  cls = target->super;
  if (!cls) return mrb_false_value();
  m = mrb_method_search_vm(mrb, &cls, ci->mid);
  return mrb_bool_value(!MRB_METHOD_UNDEF_P(m));
}

void kobako_defined_init(mrb_state *mrb) {
  struct RClass *basic = mrb_class_get(mrb, "BasicObject");
  mrb_define_method(mrb, basic, "__kobako_super_defined?", super_defined, MRB_ARGS_NONE());
}
