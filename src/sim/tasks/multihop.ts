/**
 * The multi-hop QA task's world: a seeded, generated set of works (companies, novels, films),
 * the people who made them and the cities those people were born in, written out as a small
 * corpus of passages. Every question needs two hops: the passage about the work names its
 * maker (the bridge), and only the maker's own passage names the birth city. The person's
 * passage never mentions the work, so a search for the question's words alone misses it.
 */
import { SimRng } from '../hash';

export type MultihopRole = 'founder' | 'author' | 'director';

export interface MultihopPassage {
  id: string;
  title: string;
  text: string;
}

// A type alias, not an interface, so rows pass where plain records are expected.
export type MultihopRow = {
  question: string;
  answer: string;
};

export interface MultihopChain {
  role: MultihopRole;
  work: string;
  maker: string;
  birthCity: string;
  /** A second person the work's other passage names: the wrong bridge a careless reader takes. */
  decoy: string;
  question: string;
}

export interface MultihopWorld {
  chains: MultihopChain[];
  passages: MultihopPassage[];
}

const FIRST = 'Mira Jonas Aino Tomas Leena Oskar Ilse Ruben Sanna Viktor Maren Eliel Noora Kasper Helka Anton Tuuli Emil Signe Aleksi Ragna Otto Liv Henrik Ada Felix Iida Matias Kaisa Bruno'.split(' ');
const LAST = 'Olsen Berg Virtanen Kallas Lund Haapala Strand Aalto Nieminen Holm Sepp Korhonen Dahl Tamm Laine Moberg Rask Koivu Falk Saar Linde Kivi Brandt Ekholm Varga Nyberg Rosen Halme Vik Torvald'.split(' ');
const CITIES = 'Tallinn Porto Quito Bergen Tartu Lyon Gdansk Turku Valencia Krakow Malmo Ghent Bilbao Cork Riga Leipzig Utrecht Aarhus Kaunas Graz Brno Split Bremen Oulu Trieste Nantes Basel Lucerne Dundee Galway'.split(' ');
const ORG_A = 'Acme Nimbus Harbor Copper Lantern Juniper Falcon Meridian Quartz Willow Ember Cobalt Summit Orchid Granite'.split(' ');
const ORG_B = 'Labs Works Foundry Systems Collective Robotics Analytics Dynamics'.split(' ');
const TITLE_A = 'Glass Silent Hollow Northern Paper Amber Salt Winter Crooked Distant Quiet Iron Velvet Burning Last'.split(' ');
const TITLE_B = 'Harbor Orchard Lantern Meadow Garden Lighthouse Kingdom Archive Bridge River Season Mirror Tide Station Forest'.split(' ');
const SUBJECTS = 'chemistry law music architecture physics painting economics medicine history engineering'.split(' ');

/** How each role's work passage names its maker: the sim reads the bridge with these. */
export const MAKER_PHRASES: Record<MultihopRole, string> = {
  founder: 'was founded by',
  author: 'is a novel written by',
  director: 'is a film directed by',
};

const QUESTIONS = [
  'In which city was the {role} of {work} born?',
  'Where was the {role} of {work} born?',
  'What is the birthplace of the {role} of {work}?',
];

const OTHER_PASSAGE: Record<MultihopRole, string> = {
  founder: '{work} opened a second office in {city} in {year}, where the engineering team was led by {decoy}.',
  author: '{work} was adapted for the stage in {city}; the adaptation was produced by {decoy}.',
  director: '{work} was shot mostly in {city}, with music by {decoy}.',
};

const fill = (template: string, values: Record<string, string | number>) => template.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ''));

function uniqueNames(rng: SimRng, count: number, make: () => string): string[] {
  const seen = new Set<string>();
  for (let tries = 0; seen.size < count && tries < count * 50; tries++) seen.add(make());
  if (seen.size < count) throw new RangeError(`the multi-hop world has room for fewer than ${count} names`);
  return [...seen];
}

/** A world of `count` question chains (at most 150). The same seed always gives the same world. */
export function generateMultihopWorld(count: number, seed: number): MultihopWorld {
  const rng = new SimRng(`multihop:${seed}`);
  const people = uniqueNames(rng, count, () => `${rng.pick(FIRST)} ${rng.pick(LAST)}`);
  const orgs = uniqueNames(rng, Math.ceil(count / 3), () => `${rng.pick(ORG_A)} ${rng.pick(ORG_B)}`);
  const titles = uniqueNames(rng, count - Math.ceil(count / 3), () => `The ${rng.pick(TITLE_A)} ${rng.pick(TITLE_B)}`);
  const chains: MultihopChain[] = [];
  const passages: MultihopPassage[] = [];
  for (let i = 0; i < count; i++) {
    const role: MultihopRole = i % 3 === 0 ? 'founder' : i % 3 === 1 ? 'author' : 'director';
    const work = role === 'founder' ? (orgs[i / 3] as string) : (titles[i - Math.ceil(i / 3)] as string);
    const maker = people[i] as string;
    const decoy = people[(i + 1 + rng.int(0, count - 2)) % count] as string;
    const birthCity = rng.pick(CITIES);
    const otherCities = CITIES.filter((c) => c !== birthCity);
    const year = rng.int(1950, 2015);
    const question = fill(rng.pick(QUESTIONS), { role, work });
    chains.push({ role, work, maker, birthCity, decoy, question });
    passages.push({ id: `w${i}a`, title: work, text: `${work} ${MAKER_PHRASES[role]} ${maker} in ${year}.` });
    passages.push({ id: `w${i}b`, title: work, text: fill(OTHER_PASSAGE[role], { work, decoy, city: rng.pick(otherCities), year: year + rng.int(2, 9) }) });
    const last = maker.split(' ')[1] as string;
    passages.push({
      id: `p${i}`,
      title: maker,
      text: `${maker} was born in ${birthCity} in ${rng.int(1930, 1990)}. ${last} studied ${rng.pick(SUBJECTS)} in ${rng.pick(otherCities)} and later lived in ${rng.pick(otherCities)}.`,
    });
  }
  for (const city of CITIES) {
    passages.push({ id: `c-${city.toLowerCase()}`, title: city, text: `${city} is a city with an old harbour district, a university and a yearly music festival.` });
  }
  return { chains, passages };
}

/** Question/answer rows of a world, in chain order. */
export function multihopRows(world: MultihopWorld): MultihopRow[] {
  return world.chains.map((c) => ({ question: c.question, answer: c.birthCity }));
}

const QUESTION = /\b(founder|author|director) of (.+?)(?: born)?\?\s*$/i;

/** Reads a multi-hop question: which role of which work it asks about, or null. */
export function readMultihopQuestion(text: string): { role: MultihopRole; work: string } | null {
  const m = QUESTION.exec(text.trim());
  if (!m || !/\b(born|birthplace)\b/i.test(text)) return null;
  return { role: (m[1] as string).toLowerCase() as MultihopRole, work: (m[2] as string).trim() };
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const NAME = '([A-Z][a-z]+ [A-Z][a-z]+)';

/** The maker of `work` as some passage in `text` names them (the bridge), or null. */
export function findBridge(text: string, role: MultihopRole, work: string): string | null {
  return new RegExp(`${escape(work)} ${MAKER_PHRASES[role]} ${NAME}`).exec(text)?.[1] ?? null;
}

/** The birth city `text` gives for `person`, or null. */
export function findBirthCity(text: string, person: string): string | null {
  return new RegExp(`${escape(person)} was born in ([A-Z][a-z]+)`).exec(text)?.[1] ?? null;
}

/** Other people named in `text` (two capitalised words after "by"): the decoys a reader may take. */
export function namedPeople(text: string): string[] {
  return [...text.matchAll(new RegExp(`\\bby ${NAME}`, 'g'))].map((m) => m[1] as string);
}

/** Cities `text` mentions after "in" (a careless reader's answer when the birth passage is missing). */
export function citiesIn(text: string): string[] {
  return [...text.matchAll(/\bin ([A-Z][a-z]+)\b/g)].map((m) => m[1] as string).filter((c) => CITIES.includes(c));
}
