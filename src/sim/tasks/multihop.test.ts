import { describe, expect, it } from 'vitest';
import { ask } from '../testing/evaluate';
import type { FixtureSignature, FixtureValues } from '../testing/dspyFormat';
import { words } from '../text';
import { findBirthCity, findBridge, generateMultihopWorld, multihopRows, readMultihopQuestion } from './multihop';
import type { MultihopChain, MultihopPassage } from './multihop';

const world = generateMultihopWorld(90, 1);

/** A small idf-weighted word-overlap search: the test's stand-in for core's BM25 retriever. */
function searcher(passages: MultihopPassage[]) {
  const df = new Map<string, number>();
  const docs = passages.map((p) => new Set(words(p.text)));
  for (const d of docs) for (const w of d) df.set(w, (df.get(w) ?? 0) + 1);
  return (query: string, k: number): string[] => {
    const q = new Set(words(query));
    const scored = docs.map((d, i) => ({ i, s: [...q].reduce((sum, w) => sum + (d.has(w) ? Math.log(passages.length / (df.get(w) ?? 1)) : 0), 0) }));
    return scored
      .sort((a, b) => b.s - a.s || a.i - b.i)
      .slice(0, k)
      .map((x) => (passages[x.i] as MultihopPassage).text);
  };
}
const search = searcher(world.passages);

const hop1: FixtureSignature = { inputs: [{ name: 'question' }], outputs: [{ name: 'query' }] };
const hop2: FixtureSignature = { inputs: [{ name: 'question' }, { name: 'passages', type: 'list[str]' }], outputs: [{ name: 'query' }] };
const reader: FixtureSignature = {
  inputs: [{ name: 'question' }, { name: 'passages', type: 'list[str]' }, { name: 'more_passages', type: 'list[str]' }],
  outputs: [{ name: 'reasoning' }, { name: 'answer' }],
};

interface Demos {
  hop1: FixtureValues[];
  hop2: FixtureValues[];
  reader: FixtureValues[];
}
const NONE: Demos = { hop1: [], hop2: [], reader: [] };

function runProgram(chain: MultihopChain, demos: Demos) {
  const question = chain.question;
  const q1 = ask(hop1, demos.hop1, { question }).query ?? '';
  const passages = JSON.stringify(search(q1, 3));
  const q2 = ask(hop2, demos.hop2, { question, passages }).query ?? '';
  const more = JSON.stringify(search(q2, 3));
  const answer = ask(reader, demos.reader, { question, passages, more_passages: more }).answer ?? '';
  return { q1, passages, q2, more, answer };
}

/** Demos of a good run on other chains: what a successful bootstrap would keep. */
function goodDemos(chains: MultihopChain[]): Demos {
  const demos: Demos = { hop1: [], hop2: [], reader: [] };
  for (const c of chains) {
    const q1 = `${c.work} ${c.role === 'founder' ? 'founded' : c.role === 'author' ? 'written' : 'directed'} by`;
    const passages = JSON.stringify(search(q1, 3));
    const more = JSON.stringify(search(`${c.maker} born`, 3));
    demos.hop1.push({ question: c.question, query: q1 });
    demos.hop2.push({ question: c.question, passages, query: `${c.maker} born` });
    demos.reader.push({ question: c.question, passages, more_passages: more, reasoning: `${c.maker} was born in ${c.birthCity}.`, answer: c.birthCity });
  }
  return demos;
}

const accuracy = (chains: MultihopChain[], demos: Demos) => chains.filter((c) => runProgram(c, demos).answer === c.birthCity).length / chains.length;

describe('the multi-hop world', () => {
  it('is reproducible from its seed and varies with it', () => {
    expect(generateMultihopWorld(30, 4)).toEqual(generateMultihopWorld(30, 4));
    expect(generateMultihopWorld(30, 4)).not.toEqual(generateMultihopWorld(30, 5));
  });

  it('has a few hundred passages with unique ids', () => {
    expect(world.passages.length).toBeGreaterThan(200);
    expect(world.passages.length).toBeLessThan(400);
    expect(new Set(world.passages.map((p) => p.id)).size).toBe(world.passages.length);
  });

  it('asks two-hop questions: the work passage names the bridge, only the bridge passage names the city', () => {
    const all = world.passages.map((p) => p.text).join('\n');
    for (const c of world.chains) {
      expect(readMultihopQuestion(c.question)).toEqual({ role: c.role, work: c.work });
      expect(findBridge(all, c.role, c.work)).toBe(c.maker);
      expect(findBirthCity(all, c.maker)).toBe(c.birthCity);
      const bio = world.passages.find((p) => p.title === c.maker);
      expect(bio?.text).not.toContain(c.work);
    }
    expect(multihopRows(world)[0]).toEqual({ question: world.chains[0]?.question, answer: world.chains[0]?.birthCity });
  });

  it("leaves a ReAct step (thought, tool, args) on a multi-hop question to the agent", () => {
    const step: FixtureSignature = {
      inputs: [{ name: 'question' }, { name: 'trajectory' }],
      outputs: [{ name: 'next_thought' }, { name: 'next_tool_name', type: "Literal['search', 'finish']" }, { name: 'next_tool_args', type: 'dict[str, Any]' }],
      instructions: [
        'Answer the question with the tools.',
        "(1) search, whose description is <desc>Searches the passages.</desc>. It takes arguments {'query': {'type': 'string'}}.",
        '(2) finish, whose description is <desc>Marks the task as complete.</desc>. It takes arguments {}.',
      ].join('\n'),
    };
    const chain = world.chains[0] as MultihopChain;
    const reply = ask(step, [], { question: chain.question, trajectory: '' });
    expect(reply.next_tool_name).toBe('search');
    expect(reply.next_thought).not.toBe(chain.birthCity);
  });

  it('does not take other tasks for multi-hop questions', () => {
    expect(readMultihopQuestion('Where is my parcel? It was born yesterday')).toBeNull();
    expect(readMultihopQuestion('Who is the founder of Acme Labs?')).toBeNull();
  });
});

describe('the multi-hop signal (a two-hop program over the world)', () => {
  const test = world.chains.slice(20, 80);
  const zeroShot = accuracy(test, NONE);
  const taught = accuracy(test, goodDemos(world.chains.slice(0, 4)));

  it('is low zero-shot: the second query often repeats the question or follows a decoy', () => {
    expect(zeroShot).toBeLessThan(0.45);
    const misses = test.filter((c) => !runProgram(c, NONE).more.includes(`${c.maker} was born`)).length;
    expect(misses / test.length).toBeGreaterThan(0.5);
  });

  it('rises clearly with demos whose second query names the bridge found in the passages', () => {
    expect(taught).toBeGreaterThan(zeroShot + 0.3);
    const run = runProgram(test[0] as MultihopChain, goodDemos(world.chains.slice(0, 4)));
    expect(run.q1).not.toContain('?');
  });

  it('also rises with instructions that ask for the intermediate person', () => {
    const sig = { ...hop2, instructions: 'Read the passages, identify the person the question is really about (the bridge) and search for that name.' };
    const bridged = test.filter((c) => {
      const passages = JSON.stringify(search(c.work, 3));
      return ask(sig, [], { question: c.question, passages }).query?.includes(c.maker);
    }).length;
    const plain = test.filter((c) => ask(hop2, [], { question: c.question, passages: JSON.stringify(search(c.work, 3)) }).query?.includes(c.maker)).length;
    expect(bridged).toBeGreaterThan(plain);
  });

  it('answers with reasoning that names the bridge when it reads the passages right', () => {
    const c = test.find((x) => runProgram(x, goodDemos(world.chains.slice(0, 4))).answer === x.birthCity) as MultihopChain;
    const passages = JSON.stringify(search(c.work, 3));
    const more = JSON.stringify(search(`${c.maker} born`, 3));
    const reply = ask(reader, [], { question: c.question, passages, more_passages: more });
    expect(reply.reasoning).toContain(c.maker);
  });
});
