import type { Compilable, CompiledQuery } from 'kysely';
import type { Db } from './database.js';

/** Stands in for a named parameter while a query is compiled. */
class Slot {
  constructor(readonly name: string) {}
}

type SlotFn<P> = <K extends keyof P & string>(name: K) => P[K];

interface Compiled {
  query: CompiledQuery;
  /** Per compiled parameter: the named slot it takes, or a constant. */
  sources: readonly (Slot | unknown)[];
}

/**
 * A query Kysely builds and compiles once per database, then runs with new
 * parameters. Building and compiling cost about twice the SQLite work for
 * the reads every authenticated request makes (the caller's user, a file's
 * row), which profiles of `GET /files/{id}` showed. SQL text depends on the
 * dialect, so each database gets its own compilation.
 */
export function preparedQuery<P extends Record<string, unknown>, Row>(
  build: (db: Db, slot: SlotFn<P>) => Compilable<Row>,
): (db: Db, params: P) => Promise<Row[]> {
  const byDb = new WeakMap<Db, Compiled>();
  const slot = ((name: string) => new Slot(name)) as SlotFn<P>;

  const compiledFor = (db: Db): Compiled => {
    let compiled = byDb.get(db);
    if (!compiled) {
      const query = build(db, slot).compile();
      compiled = { query, sources: query.parameters };
      byDb.set(db, compiled);
    }
    return compiled;
  };

  return async (db, params) => {
    const { query, sources } = compiledFor(db);
    const parameters = sources.map((s) => (s instanceof Slot ? params[s.name] : s));
    const result = await db.executeQuery<Row>({ ...query, parameters });
    return result.rows;
  };
}
