// The statement editor: paragraphs side by side, reordered and split from
// the keyboard, checks in plain words after saving, and printing through
// the shell (never window.print).
import { render, screen, waitFor, within } from '@testing-library/svelte';
import { join } from 'node:path';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { backendContext } from '../src/backend';
import type { Preview } from '../src/bindings/Preview';
import type { ScanAdded } from '../src/bindings/ScanAdded';
import type { StatementDraft } from '../src/bindings/StatementDraft';
import CaseStatements from '../src/components/CaseStatements.svelte';
import StatementEditor from '../src/components/StatementEditor.svelte';
import WordingSettings from '../src/components/WordingSettings.svelte';
import { navigation } from '../src/lib/navigation.svelte';
import { newStatement } from '../src/lib/statement';
import { caseWithMother, fixture, testBackend } from './testBackend';

async function withStatement(texts: [string, string][], change: (s: StatementDraft) => void = () => {}) {
  const backend = testBackend();
  const { c, mother } = await caseWithMother(backend);
  const statement = newStatement(mother, c);
  statement.paragraphs = texts.map(([original, english]) => ({ original, english, exhibits: [] }));
  change(statement);
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
    const { backend, id } = await withStatement([
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
    await waitFor(() => expect(backend.inputs('update_statement')).toHaveLength(1));
    const sent = backend.inputs('update_statement')[0].draft as StatementDraft;
    expect(sent.paragraphs.map((p) => p.original)).toEqual(['Segundo', 'Primero']);
    expect((await backend.getStatement(id)).paragraphs.map((p) => p.english)).toEqual(['Second', 'First']);
  });

  it('saves the words as they are typed, with no Save pressed, and says so', async () => {
    const user = userEvent.setup();
    const { backend, id } = await withStatement([['Uno', 'One']]);
    await user.type(screen.getByLabelText(/Paragraph 1, in Spanish/), ' y dos');
    expect(screen.getByText('Saving in a moment…')).toBeInTheDocument();
    expect(await screen.findByText(/^Saved at .+\. What you type is saved automatically\.$/, {}, { timeout: 5000 })).toBeInTheDocument();
    expect((await backend.getStatement(id)).paragraphs[0].original).toBe('Uno y dos');
    expect(backend.inputs('update_statement'), 'nothing was pressed').toHaveLength(0);
  });

  it('refers a paragraph to page 2 of a filed document, checking the page, and gives it a letter', async () => {
    const user = userEvent.setup();
    const backend = testBackend();
    const { c, mother } = await caseWithMother(backend);
    backend.pickedDocuments = [join(__dirname, '..', '..', 'docs', 'samples', 'mode-b-signed-in-texas.pdf')];
    const [filed] = (await backend.addPickedDocuments(
      c.id,
      { title: 'Form I-213', kind: 'government', dated: null, issuedBy: '', language: 'en' },
      'Choose the document',
    ))!;
    if (filed.result.status !== 'filed') throw new Error(JSON.stringify(filed));
    const statement = newStatement(mother, c);
    statement.paragraphs = [{ original: 'El oficial escribió eso.', english: 'The officer wrote that.', exhibits: [] }];
    const created = await backend.createStatement(c.id, statement);
    render(StatementEditor, {
      props: { caseId: c.id, id: created.id, onback: () => {} },
      context: backendContext(backend),
    });
    await user.selectOptions(await screen.findByLabelText('Refer paragraph 1 to an exhibit'), 'Document: Form I-213');
    const page = screen.getByLabelText('Page (1 to 2, or empty for all)');
    await user.type(page, '9');
    expect(screen.getByRole('alert')).toHaveTextContent('Type a number from 1 to 2, or leave it empty.');
    await user.clear(page);
    await user.type(page, '2');
    expect(screen.queryByRole('alert')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Give it the next letter' }));
    expect(await screen.findByText(/Exhibit A · Document: Form I-213/)).toBeInTheDocument();
    screen.getAllByRole('button', { name: 'Save statement' })[0].focus();
    await user.keyboard('{Enter}');
    await waitFor(async () =>
      expect((await backend.getStatement(created.id)).paragraphs[0].exhibits).toEqual([
        { kind: 'document', id: filed.result.status === 'filed' ? filed.result.documentId : '', page: 2 },
      ]),
    );
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
    await waitFor(() => expect(backend.openedStatements).toEqual([{ id, purpose: 'draft' }]));
    await user.click(screen.getByRole('button', { name: 'Preview pages' }));
    await waitFor(() => expect(backend.outputs('preview_statement')).toHaveLength(1));
    const preview = backend.outputs('preview_statement')[0] as Preview;
    expect(preview.pages).toBeGreaterThan(0);
    const last = `Page ${preview.pages} of ${preview.pages}`;
    expect(await screen.findByAltText(last)).toHaveAttribute(
      'src',
      `amparo-media://localhost/preview/${preview.token}/${preview.pages - 1}`,
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

describe('a statement in another language', () => {
  it('can be written in Arabic, is saved as such, and its perjury notice is read in English by the interpreter', async () => {
    const user = userEvent.setup();
    const { backend, id } = await withStatement([['Uno', 'One']]);
    const language = screen.getByLabelText('Language the declarant speaks in this statement');
    expect([...language.querySelectorAll('option')].map((o) => o.textContent)).toEqual(
      expect.arrayContaining(['Arabic', 'Persian', 'Haitian Creole', 'Amharic', 'Tigrinya', 'Punjabi']),
    );
    await user.selectOptions(language, 'ar');
    await user.keyboard('{Control>}s{/Control}');
    await waitFor(async () => expect((await backend.getStatement(id)).language).toBe('ar'));
    await user.click(screen.getByRole('button', { name: 'Mark signed…' }));
    expect(await screen.findByText(/Signing a statement you know is false is perjury/)).toBeInTheDocument();
  });
});

describe('recording a signing', () => {
  it('refuses a day in the future at its field, then keeps the signed version with its scan', async () => {
    const user = userEvent.setup();
    const { backend, id } = await withStatement([['Uno', 'One']], (s) => {
      s.helper.name = 'Ana Torres';
      s.place = { place: 'Capacho, Táchira, Venezuela', country: 'VE', usDetentionFacility: false, reason: '' };
    });
    backend.pickedScans = [fixture('wrist.jpg')];
    await user.click(screen.getByRole('button', { name: 'Mark signed…' }));
    await user.click(await screen.findByLabelText('The declarant was told this before signing'));
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    const dialog = await screen.findByRole('dialog', { name: 'Mark signed' });
    const signedOn = within(dialog).getByRole('group', { name: 'Day it was signed' });
    const today = new Date();
    const year = within(signedOn).getByLabelText('Year');
    await user.type(year, String(today.getFullYear() + 1));
    await user.selectOptions(
      within(signedOn).getByLabelText('Month'),
      today.toLocaleString('en', { month: 'long' }),
    );
    await user.type(within(signedOn).getByLabelText('Day'), String(today.getDate()));
    await user.click(within(dialog).getByRole('button', { name: 'Record the signing' }));
    expect(await within(signedOn).findByText('This date is in the future.')).toBeInTheDocument();
    expect((await backend.getStatement(id)).signed).toEqual([]);

    await user.clear(year);
    await user.type(year, String(today.getFullYear()));
    await user.click(within(dialog).getByRole('button', { name: 'Add photos or scans…' }));
    expect(await within(dialog).findByText('wrist.jpg')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Record the signing' }));
    expect(await screen.findByText('The signed version is recorded and its PDF is stored.', {}, { timeout: 20_000 }))
      .toBeInTheDocument();
    const [scan] = backend.outputs('keep_scans')[0] as ScanAdded[];
    const signed = (await backend.getStatement(id)).signed;
    expect(signed).toHaveLength(1);
    expect(signed[0].scans).toEqual([scan.sha256]);
  }, 30_000);
});

describe('printed wording', () => {
  it('marks unconfirmed sentences and restores a changed one', async () => {
    const user = userEvent.setup();
    const backend = testBackend();
    const builtIn = (await backend.listWording()).find((e) => e.key === 'opening.es');
    expect(builtIn?.source).toBe('unconfirmed');
    render(WordingSettings, { context: backendContext(backend) });
    const area = await screen.findByLabelText('Opening line · Spanish');
    const field = within(area.closest('.field') as HTMLElement);
    expect(field.getByText(/Unconfirmed: have a lawyer check it/)).toBeInTheDocument();
    await user.clear(area);
    await user.type(area, 'Yo, {{name}, declaro lo siguiente');
    await user.click(field.getByRole('button', { name: 'Save this sentence' }));
    expect(await field.findByText(/Changed from the built-in text/)).toBeInTheDocument();
    expect((await backend.listWording()).find((e) => e.key === 'opening.es')?.text).toBe(
      'Yo, {name}, declaro lo siguiente',
    );
    await user.click(field.getByRole('button', { name: 'Restore the built-in text' }));
    await waitFor(async () =>
      expect((await backend.listWording()).find((e) => e.key === 'opening.es')?.text).toBe(builtIn?.defaultText),
    );
    expect(field.queryByText(/Changed from the built-in text/)).toBeNull();
  });

  it('offers to go on with a declarant\'s draft before writing another', async () => {
    const user = userEvent.setup();
    const backend = testBackend();
    const { c, mother } = await caseWithMother(backend);
    const begun = await backend.createStatement(c.id, newStatement(mother, c));
    render(CaseStatements, { props: { case: c }, context: backendContext(backend) });
    const goOn = await screen.findByRole('button', { name: 'Go on with the statement by María Elena Moreno de Rivas' });
    expect(goOn).toHaveClass('primary');
    expect(screen.getByRole('button', { name: 'Write another statement by María Elena Moreno de Rivas' })).toHaveClass('secondary');
    expect(screen.queryByRole('button', { name: 'Write a statement by María Elena Moreno de Rivas' })).toBeNull();
    await user.click(goOn);
    expect(navigation.view).toEqual({ name: 'statement', caseId: c.id, id: begun.id });
    expect(await backend.listStatements(c.id)).toHaveLength(1);
    navigation.reset();
  });
});
