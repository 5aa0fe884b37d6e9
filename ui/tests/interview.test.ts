// "Tell us what happened" against the real core: one question at a time,
// "I don't know" that leaves a field empty, stopping and coming back to
// the same question, and a refused answer taken back to its question.
import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { backendContext } from '../src/backend';
import CaseList from '../src/components/CaseList.svelte';
import InterviewPage from '../src/components/InterviewPage.svelte';
import { emptyDraft } from '../src/lib/draft';
import { emptyAnswers } from '../src/lib/interview';
import { testBackend } from './testBackend';

function walk(backend: ReturnType<typeof testBackend>, id: string | null = null) {
  const done: string[] = [];
  let left = 0;
  render(InterviewPage, {
    props: { caseId: null, id, ondone: (c: string) => done.push(c), onleave: () => left++ },
    context: backendContext(backend),
  });
  return { done, left: () => left };
}

describe('the guided interview', () => {
  it('keeps the answers when stopped, and comes back to the same question', async () => {
    const user = userEvent.setup();
    const backend = testBackend();
    const first = walk(backend);
    expect(await screen.findByRole('heading', { name: 'What is your name?' })).toBeInTheDocument();
    // The question's field takes the keys at once.
    const name = screen.getByLabelText(/Your full name/);
    await waitFor(() => expect(name).toHaveFocus());
    // Nothing typed: the name is asked for, and the question stays.
    await user.keyboard('{Enter}');
    expect(await screen.findByText('This is required.')).toBeInTheDocument();
    await user.type(name, 'María Elena Moreno de Rivas{Enter}');
    await user.type(await screen.findByLabelText(/What you are to the person/), 'the mother{Enter}');
    await user.type(await screen.findByLabelText(/Name as on immigration records/), 'Jesús Alberto Rivas Moreno{Enter}');
    expect(await screen.findByRole('heading', { name: 'When was the person born?' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'I don’t know' }));
    expect(await screen.findByRole('heading', { name: 'In which country was the person born?' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Save and continue later' }));
    await waitFor(() => expect(first.left()).toBe(1));

    const [saved] = await backend.unfinishedInterviews();
    expect(saved.step).toBe('person.country');
    expect(saved.answers.unknown).toEqual(['person.birth']);
    expect(await backend.listCases('')).toHaveLength(0);

    document.body.innerHTML = '';
    walk(backend, saved.id);
    expect(await screen.findByRole('heading', { name: 'In which country was the person born?' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Back' }));
    expect(await screen.findByRole('heading', { name: 'When was the person born?' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Back' }));
    expect(await screen.findByLabelText(/Name as on immigration records/)).toHaveValue('Jesús Alberto Rivas Moreno');
  });

  it('takes a refused A-number back to its question, and makes nothing', async () => {
    const user = userEvent.setup();
    const backend = testBackend();
    const id = await backend.saveInterview(null, null, 'review', {
      language: 'en',
      answerer: { fullName: 'María Elena Moreno de Rivas', relationship: 'the mother', contact: '' },
      person: { recordName: 'Jesús Alberto Rivas Moreno', birthDate: null, countryOfBirth: '', aNumber: 'A-12' },
      custody: emptyDraft().custody,
      hearing: null,
      tattoos: [],
      witnesses: [],
      unknown: [],
    });
    const run = walk(backend, id);
    await user.click(await screen.findByRole('button', { name: 'Make the case' }));
    expect(await screen.findByRole('heading', { name: 'What is the person’s A-number?' })).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('textbox', { name: /A-number/ })).toHaveAttribute('aria-invalid', 'true'));
    expect(run.done).toEqual([]);
    expect(await backend.listCases('')).toHaveLength(0);
  });

  it('deletes unfinished answers from the case list only after asking', async () => {
    const user = userEvent.setup();
    const backend = testBackend();
    const answers = emptyAnswers('es');
    answers.person.recordName = 'Jesús Alberto Rivas Moreno';
    await backend.saveInterview(null, null, 'person.country', answers);
    render(CaseList, { props: { onopen: () => {}, onnew: () => {} }, context: backendContext(backend) });
    const remove = await screen.findByRole('button', { name: 'Delete these answers' });
    await user.click(remove);
    // "Keep it" has the focus: Enter does not delete.
    await user.keyboard('{Enter}');
    expect(await backend.unfinishedInterviews()).toHaveLength(1);

    await user.click(screen.getByRole('button', { name: 'Delete these answers' }));
    expect(screen.getByText(/Nothing was made from them yet/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Remove' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Delete these answers' })).toBeNull());
    expect(await backend.unfinishedInterviews()).toHaveLength(0);
  });
});
