import { useState, type FormEvent } from 'react';
import type { Passage } from '../../core/retrieve/types';
import type { CorpusRecord } from '../../db';
import { searchCorpus } from './corpus-client';

/** Try a BM25 query the way a Retrieve node would run it, with the same k. */
export function CorpusSearch({ corpus }: { corpus: CorpusRecord }) {
  const [query, setQuery] = useState('');
  const [k, setK] = useState(3);
  const [results, setResults] = useState<Passage[]>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (query.trim() === '') return;
    setBusy(true);
    setError(undefined);
    try {
      setResults(await searchCorpus(corpus.id, query, k));
    } catch (err) {
      setResults(undefined);
      setError(`Search failed: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="corpus-search" role="search" aria-label={`Search ${corpus.name}`} onSubmit={(e) => void submit(e)}>
      <div className="row">
        <label className="inline">
          Search query
          <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
        </label>
        <label className="inline">
          k
          <input className="narrow" type="number" min={1} max={50} value={k} onChange={(e) => setK(Math.max(1, Math.min(50, Math.round(Number(e.target.value)) || 1)))} />
        </label>
        <button type="submit" disabled={busy || query.trim() === ''}>
          Search
        </button>
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {results && (
        <ol className="passages" aria-label="Search results">
          {results.length === 0 && <li className="muted">No passage matches.</li>}
          {results.map((p) => (
            <li key={p.id ?? p.text}>
              <span className="passage-id">{p.id}</span> <span className="muted">{p.score?.toFixed(2)}</span>
              <p>{p.text}</p>
            </li>
          ))}
        </ol>
      )}
    </form>
  );
}
