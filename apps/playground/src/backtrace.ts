/**
 * The line of the user's script an error points at, to mark it in the editor: the first
 * backtrace entry in the script itself (`(eval):LINE…`; entries of preloaded snippets have other
 * names), or for a SyntaxError the `line N:` its message starts with.
 */
export function errorLine(backtrace: readonly string[], message = ""): number | undefined {
  for (const entry of backtrace) {
    const match = /^\(eval\):(\d+)/.exec(entry);
    if (match) return Number(match[1]);
  }
  const syntax = /^line (\d+):/.exec(message);
  return syntax ? Number(syntax[1]) : undefined;
}
