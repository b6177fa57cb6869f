import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { corpora, type CorpusRecord } from '../../db';
import { CorpusSearch } from './CorpusSearch';

const PAGE = 20;

/** One corpus: its passages a page at a time, and a box to try BM25 queries on it. */
export function CorpusView({ corpus }: { corpus: CorpusRecord }) {
  const [page, setPage] = useState(0);
  const pages = Math.max(1, Math.ceil(corpus.passageCount / PAGE));
  const current = Math.min(page, pages - 1);
  const passages = useLiveQuery(() => corpora.passages(corpus.id, { offset: current * PAGE, limit: PAGE }), [corpus.id, corpus.updatedAt, current]);
  const first = current * PAGE + 1;
  const last = Math.min(corpus.passageCount, first + PAGE - 1);

  return (
    <section className="corpus-view" aria-label={`Corpus ${corpus.name}`}>
      <CorpusSearch corpus={corpus} />
      <div className="row">
        <button type="button" aria-label="Previous passages" disabled={current === 0} onClick={() => setPage(current - 1)}>
          ‹
        </button>
        <span role="status" aria-label="Passage range">
          {corpus.passageCount === 0 ? 'No passages' : `Passages ${first}–${last} of ${corpus.passageCount}`}
        </span>
        <button type="button" aria-label="Next passages" disabled={current >= pages - 1} onClick={() => setPage(current + 1)}>
          ›
        </button>
      </div>
      <ol className="passages" aria-label="Passages" start={first}>
        {passages?.map((p) => (
          <li key={p.id}>
            <span className="passage-id">{p.id}</span>
            {p.title && <strong> {p.title}</strong>}
            <p>{p.text}</p>
          </li>
        ))}
      </ol>
    </section>
  );
}
