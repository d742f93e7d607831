# Ruby halves of service proxies and handles (the C halves are src/handle.c and src/service.c).
module Kobako
  # Every method a script calls on a service or handle that it does not define goes to the host.
  module Forwarding
    def method_missing(name, *args, **kwargs, &block)
      ::Kobako.__service_call(self, name, args, kwargs, block)
    end

    def respond_to_missing?(_name, _include_private = false)
      true
    end
  end

  class Service
    include Forwarding
  end

  class Handle
    include Forwarding
  end

  # Used by `run`: the C API of mruby 3.1 cannot pass keyword arguments.
  def self.__run(target, args, kwargs)
    callee = Object.const_get(target)
    if kwargs.empty?
      callee.call(*args)
    else
      callee.call(*args, **kwargs)
    end
  end
end
