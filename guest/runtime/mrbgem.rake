MRuby::Gem::Specification.new('kobako-runtime') do |spec|
  spec.license = 'MIT'
  spec.author = 'kobako'
  spec.summary = 'kobako guest runtime: ABI exports, wire encoder, captured output'
  # mrblib/random.rb wraps Random#initialize, so Random must exist first.
  spec.add_dependency 'mruby-random', core: 'mruby-random'
end
