# require and require_relative for a guest with no files: the libraries it carries built in
# load as in CRuby (true the first time, false after), everything else raises LoadError as a
# missing library does. Libraries CRuby itself has loaded at boot answer false right away.
class LoadError < ScriptError
  attr_reader :path

  def initialize(message = nil, path = nil)
    super(message)
    @path = path
  end
end

module Kobako
  BUILTIN_FEATURES = %w[set json time pp prettyprint].freeze
  PRELOADED_FEATURES = %w[enumerator thread fiber rational complex ruby2_keywords].freeze

  def self.__loaded_features
    @__loaded_features ||= []
  end
end

$LOADED_FEATURES = [] unless $LOADED_FEATURES

module Kernel
  def require(name)
    feature = name.to_str
    feature = feature[0, feature.size - 3] if feature.end_with?(".rb", ".so")
    return false if Kobako::PRELOADED_FEATURES.include?(feature)
    unless Kobako::BUILTIN_FEATURES.include?(feature)
      raise LoadError.new("cannot load such file -- #{name}", name)
    end
    return false if Kobako.__loaded_features.include?(feature)
    Kobako.__loaded_features << feature
    $LOADED_FEATURES << "#{feature}.rb" if $LOADED_FEATURES.is_a?(Array)
    true
  end

  def require_relative(name)
    path = "/#{name.to_str}"
    raise LoadError.new("cannot load such file -- #{path}", path)
  end

  def load(name, _wrap = false)
    raise LoadError.new("cannot load such file -- #{name}", name)
  end
end
