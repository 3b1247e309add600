// The fenced code blocks of a Markdown file, with the line each one's code starts on.

/** Put on the line right before a fence whose block is deliberately partial (not type-checked). */
export const PARTIAL_MARKER = '<!-- partial: not type-checked -->';

/**
 * @example
 * codeBlocksOf('```ts\nconst a = 1;\n```'); // [{ language: 'ts', firstLine: 2, code: 'const a = 1;', partial: false }]
 */
export function codeBlocksOf(markdown) {
  const lines = markdown.split('\n');
  const blocks = [];
  for (let index = 0; index < lines.length; index += 1) {
    const open = /^(\s*)```(\w*)\s*$/.exec(lines[index]);
    if (!open) continue;
    const [, indent, language] = open;
    const close = lines.findIndex((line, at) => at > index && /^\s*```\s*$/.test(line));
    if (close === -1) throw new Error(`unclosed code block on line ${index + 1}`);
    const code = lines
      .slice(index + 1, close)
      .map((line) => (line.startsWith(indent) ? line.slice(indent.length) : line.trimStart()))
      .join('\n');
    const previous = lines.slice(0, index).findLast((line) => line.trim() !== '');
    blocks.push({
      language,
      firstLine: index + 2,
      code,
      partial: previous?.trim() === PARTIAL_MARKER,
    });
    index = close;
  }
  return blocks;
}
