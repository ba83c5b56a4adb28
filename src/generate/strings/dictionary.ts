// Plain objects for maps with generated keys, started in V8's dictionary mode. Adding random keys to an
// ordinary object literal creates a new hidden class per key (and grows a shared transition tree), which
// costs more than generating the keys; a dictionary-mode object just hashes them. Same prototype, same
// JSON, same for-in order as any object.

export function dictionary<V>(): Record<string, V> {
  const o: Record<string, unknown> = { dictionary0: 0, dictionary1: 0 };
  delete o.dictionary0; // deleting a property that is not the last one switches the object to dictionary mode
  delete o.dictionary1;
  return o as Record<string, V>;
}
