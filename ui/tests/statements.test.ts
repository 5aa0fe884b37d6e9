// The statement editor: paragraphs side by side, reordered and split from
// the keyboard, checks in plain words after saving, and printing through
// the shell (never window.print).
import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { backendContext } from '../src/backend';
import StatementEditor from '../src/components/StatementEditor.svelte';
import { emptyDraft } from '../src/lib/draft';
import { emptyDeclarant, newStatement } from '../src/lib/statement';
import { FakeBackend } from './fakeBackend';

async function withStatement(texts: [string, string][]) {
  const backend = new FakeBackend();
  const draft = emptyDraft();
  draft.person.recordName = 'Rivas Moreno, Jesús Alberto';
  const c = await backend.createCase(draft);
  const mother = await backend.createDeclarant(c.id, {
    ...emptyDeclarant(),
    fullName: 'María Elena Moreno de Rivas',
    readsEnglish: 'no',
  });
  const statement = newStatement(mother, c);
  statement.paragraphs = texts.map(([original, english]) => ({ original, english, exhibits: [] }));
  const created = await backend.createStatement(c.id, statement);
  render(StatementEditor, {
    props: { caseId: c.id, id: created.id, onback: () => {} },
    context: backendContext(backend),
  });
  await screen.findByLabelText(/Paragraph 1, in Spanish/);
  return { backend, id: created.id };
}

describe('statement editor', () => {
  it('signs in the declarant\'s own language by default when they do not read English', async () => {
    await withStatement([['Uno', 'One']]);
    expect(screen.getByLabelText(/A\. Signs the text in their own language/)).toBeChecked();
  });

  it('moves a paragraph down with the keyboard and saves the new order', async () => {
    const user = userEvent.setup();
    const { backend } = await withStatement([
      ['Primero', 'First'],
      ['Segundo', 'Second'],
    ]);
    const down = screen.getByRole('button', { name: 'Move paragraph 1 down' });
    down.focus();
    await user.keyboard('{Enter}');
    expect(screen.getByLabelText(/Paragraph 1, in Spanish/)).toHaveValue('Segundo');
    expect(screen.getByLabelText('Paragraph 2, English translation')).toHaveValue('First');
    expect(screen.getByText('Paragraph 1 is now paragraph 2.')).toBeInTheDocument();
    // The keyboard stays on the moved paragraph (now last, so on "up").
    expect(document.activeElement?.id).toBe('paragraph-1-up');
    screen.getAllByRole('button', { name: 'Save statement' })[0].focus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(backend.savedDrafts.length).toBe(1));
    expect(backend.savedDrafts[0].paragraphs.map((p) => p.original)).toEqual(['Segundo', 'Primero']);
  });

  it('splits a paragraph at the cursor', async () => {
    const user = userEvent.setup();
    await withStatement([['Vivo en Capacho. Nací allí.', 'I live in Capacho. I was born there.']]);
    const area = screen.getByLabelText(/Paragraph 1, in Spanish/) as HTMLTextAreaElement;
    area.focus();
    area.setSelectionRange(16, 16);
    await user.click(screen.getByRole('button', { name: 'Split paragraph 1 at the cursor' }));
    expect(screen.getByLabelText(/Paragraph 1, in Spanish/)).toHaveValue('Vivo en Capacho.');
    expect(screen.getByLabelText(/Paragraph 2, in Spanish/)).toHaveValue('Nací allí.');
  });

  it('lists untranslated paragraphs and a missing place after saving, in plain words', async () => {
    const user = userEvent.setup();
    await withStatement([
      ['Uno', 'One'],
      ['Dos', ''],
    ]);
    await user.click(screen.getAllByRole('button', { name: 'Save statement' })[0]);
    expect(await screen.findByText(/Paragraphs with no English translation: 2\./)).toBeInTheDocument();
    expect(screen.getByText(/Choose the country where it will be signed/)).toBeInTheDocument();
    expect(screen.getByLabelText('Pages to sign')).toBeDisabled();
  });

  it('prints through the shell: Open / Print asks Rust to open the PDF', async () => {
    const user = userEvent.setup();
    const { backend, id } = await withStatement([['Uno', 'One']]);
    await user.click(screen.getByRole('button', { name: 'Open / Print' }));
    await waitFor(() => expect(backend.opened).toEqual([{ id, purpose: 'draft' }]));
    await user.click(screen.getByRole('button', { name: 'Preview pages' }));
    expect(await screen.findByAltText('Page 2 of 2')).toHaveAttribute(
      'src',
      'amparo-media://localhost/preview/0123456789abcdef0123456789abcdef/1',
    );
  });

  it('shows the perjury notice in Spanish before recording a signing', async () => {
    const user = userEvent.setup();
    await withStatement([['Uno', 'One']]);
    await user.click(screen.getByRole('button', { name: 'Mark signed…' }));
    expect(await screen.findByText(/Firmar una declaración sabiendo que es falsa es perjurio/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Continue' })).toBeDisabled();
  });
});

describe('printed wording', () => {
  it('marks unconfirmed sentences and restores a changed one', async () => {
    const user = userEvent.setup();
    const backend = new FakeBackend();
    backend.wording = [
      {
        key: 'opening.es',
        text: 'Yo, {name}, declaro',
        defaultText: 'Yo, {name}, declaro',
        source: 'unconfirmed',
        placeholders: ['name'],
      },
    ];
    const { default: WordingSettings } = await import('../src/components/WordingSettings.svelte');
    render(WordingSettings, { context: backendContext(backend) });
    const area = await screen.findByLabelText('Opening line · Spanish');
    expect(screen.getByText(/Unconfirmed: have a lawyer check it/)).toBeInTheDocument();
    await user.clear(area);
    await user.type(area, 'Yo, {{name}, declaro lo siguiente');
    await user.click(screen.getByRole('button', { name: 'Save this sentence' }));
    expect(await screen.findByText(/Changed from the built-in text/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Restore the built-in text' }));
    await waitFor(() => expect(backend.wording[0].text).toBe('Yo, {name}, declaro'));
  });
});
