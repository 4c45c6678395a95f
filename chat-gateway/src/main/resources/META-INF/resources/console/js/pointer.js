// JSON Pointers (RFC 6901) into a persona document: /Section/Field or /Section/Field/0.

export function pointer(...tokens) {
  return tokens.map((t) => '/' + String(t).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

export function tokens(path) {
  return path.split('/').slice(1).map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** The value at the pointer, or undefined. */
export function at(document, path) {
  let node = document;
  for (const token of tokens(path)) {
    if (node === null || typeof node !== 'object' || !(token in node)) {
      return undefined;
    }
    node = node[token];
  }
  return node;
}
