MRuby::Gem::Specification.new('kobako-runtime') do |spec|
  spec.license = 'MIT'
  spec.author = 'kobako'
  spec.summary = 'kobako guest runtime: ABI exports, wire encoder, captured output'
end
