# Renders a stream of Markdown documents with kramdown, one JSON object a line each way:
#   in:  {"body": "...", "options": {"input": "GFM", "smart_quotes": "...", ...}}
#   out: {"html": "..."} or {"error": "..."}
# One process serves a whole run, so the cost of loading Ruby and kramdown is paid once.
require 'json'
require 'kramdown'
begin
  require 'kramdown-parser-gfm'
rescue LoadError
  # Only the GFM input needs it; asking for it without the gem is reported per document.
end

$stdout.sync = true
SYMBOLS = %w[input smart_quotes auto_ids parse_block_html hard_wrap syntax_highlighter
             entity_output footnote_nr toc_levels auto_id_prefix auto_id_stripping
             transliterated_header_ids typographic_symbols math_engine gfm_quirks
             parse_span_html html_to_native remove_block_html_tags].freeze

def options_of(given)
  options = {}
  (given || {}).each do |key, value|
    next unless SYMBOLS.include?(key)
    value = value.to_sym if key == 'syntax_highlighter' && value
    value = value.to_sym if key == 'entity_output' && value
    if key == 'gfm_quirks' && value.is_a?(Array)
      value = value.map(&:to_sym)
    end
    options[key.to_sym] = value
  end
  options
end

$stdin.each_line do |line|
  begin
    request = JSON.parse(line)
    options = options_of(request['options'])
    html = Kramdown::Document.new(request['body'].to_s, options).to_html
    puts JSON.generate({ 'html' => html })
  rescue StandardError, ScriptError => e
    puts JSON.generate({ 'error' => "#{e.class}: #{e.message}" })
  end
end
