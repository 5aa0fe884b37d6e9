// The guided interview's questions, in order. Which come next depends on
// the answers so far (the detention center's questions only for someone
// detained; four questions for each tattoo); a question is named by a
// step id that is saved with the answers, so coming back lands on it.

import type { FieldProblem } from '../bindings/FieldProblem';
import type { InterviewAnswers } from '../bindings/InterviewAnswers';
import type { InterviewTattoo } from '../bindings/InterviewTattoo';
import type { Witness } from '../bindings/Witness';
import { emptyDraft } from './draft';

export function emptyAnswers(language: string): InterviewAnswers {
  return {
    language,
    answerer: { fullName: '', relationship: '', contact: '' },
    person: { recordName: '', birthDate: null, countryOfBirth: '', aNumber: '' },
    custody: emptyDraft().custody,
    hearing: null,
    tattoos: [],
    witnesses: [],
    unknown: [],
  };
}

export function emptyTattoo(): InterviewTattoo {
  return { bodyLocation: '', shows: '', madeWhen: null, madeWhere: '', madeBy: '', meaning: '', similarOthers: '' };
}

export function emptyWitness(): Witness {
  return { fullName: '', relationship: '', contact: '', topics: '' };
}

/** Every question the answers so far lead to, the review last. */
export function steps(a: InterviewAnswers, forCase: boolean): string[] {
  const out = ['me.name', 'me.relationship'];
  if (!forCase) {
    out.push('person.name', 'person.birth', 'person.country', 'person.aNumber', 'where.status');
    if (a.custody.status === 'detained') out.push('where.facility', 'where.reach', 'where.officer');
    out.push('hearing');
  }
  out.push('tattoos.any');
  a.tattoos.forEach((_, i) =>
    out.push(`tattoo.${i}.where`, `tattoo.${i}.made`, `tattoo.${i}.meaning`, `tattoo.${i}.others`, `tattoo.${i}.more`),
  );
  out.push('witnesses.any');
  a.witnesses.forEach((_, i) => out.push(`witness.${i}.who`, `witness.${i}.more`));
  out.push('review');
  return out;
}

/** The question that asked for the field the core named (`tattoos.1.bodyLocation`). */
export function stepOf(field: string): string {
  const tattoo = /^tattoos\.(\d+)\.(\w+)/.exec(field);
  if (tattoo) {
    const [, i, name] = tattoo;
    if (name === 'bodyLocation' || name === 'showsImages') return `tattoo.${i}.where`;
    if (name === 'meaningOriginal') return `tattoo.${i}.meaning`;
    if (name === 'similarOthers') return `tattoo.${i}.others`;
    return `tattoo.${i}.made`;
  }
  const witness = /^witnesses\.(\d+)\./.exec(field);
  if (witness) return `witness.${witness[1]}.who`;
  if (field.startsWith('answerer.relationship')) return 'me.relationship';
  if (field.startsWith('answerer.')) return 'me.name';
  if (field === 'person.birthDate') return 'person.birth';
  if (field === 'person.countryOfBirth') return 'person.country';
  if (field === 'person.aNumber') return 'person.aNumber';
  if (field.startsWith('person.')) return 'person.name';
  if (field === 'custody.facility') return 'where.facility';
  if (field === 'custody.facilityPhone' || field === 'custody.detaineeId') return 'where.reach';
  if (field === 'custody.officer' || field === 'custody.bond') return 'where.officer';
  if (field.startsWith('custody.')) return 'where.status';
  if (field.startsWith('hearings.')) return 'hearing';
  return 'review';
}

/** The interview's names for the core's field paths, for the questions' fields. */
export function interviewProblems(core: Record<string, FieldProblem>): Record<string, FieldProblem> {
  const out: Record<string, FieldProblem> = {};
  for (const [field, problem] of Object.entries(core)) {
    out[field.replace(/^hearings\.0\./, 'hearing.').replace(/^(tattoos\.\d+)\.showsImages$/, '$1.shows')] = problem;
  }
  return out;
}
