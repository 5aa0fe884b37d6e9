// Rules the window used to be tested against a copy of, now met in the
// core itself. Each test names what the old in-memory copy did instead, so
// it is clear why the test exists: with the copy, each passed for the wrong
// reason or could not pass at all.
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import App from '../src/App.svelte';
import { backendContext } from '../src/backend';
import type { Paragraph } from '../src/bindings/Paragraph';
import AllegationsPage from '../src/components/AllegationsPage.svelte';
import StatementEditor from '../src/components/StatementEditor.svelte';
import { emptyDraft } from '../src/lib/draft';
import { emptyDeclarant, newStatement } from '../src/lib/statement';
import { distinctPhotos, fixture, testBackend, type TestBackend } from './testBackend';

async function openApp(backend: TestBackend) {
  await backend.markNoticeRead();
  render(App, { props: { backend } });
  await screen.findByRole('navigation');
}

async function caseNamed(backend: TestBackend, recordName: string) {
  const draft = emptyDraft();
  draft.person.recordName = recordName;
  return backend.createCase(draft);
}

describe('an A-number typed with a "#"', () => {
  // The copy read only a leading "A" and separators, and called "A#..." a
  // wrong number; the core also skips a "#" after the "A".
  it('is accepted by the case form and shown as A-012-345-678', async () => {
    const user = userEvent.setup();
    const backend = testBackend();
    await openApp(backend);
    await user.click(await screen.findByRole('button', { name: 'New case' }));
    await user.type(screen.getByLabelText(/Name as on immigration records/), 'Rivas Moreno, Jesús Alberto');
    const aNumber = screen.getByLabelText(/^A-number/);
    await user.type(aNumber, 'A#12345678');
    await user.tab();
    await waitFor(() => expect(backend.inputs('check_case').length).toBeGreaterThan(0));
    expect(screen.queryByText(/An A-number has 8 or 9 digits/)).toBeNull();
    expect(aNumber).not.toHaveAttribute('aria-invalid');
    await user.click(screen.getByRole('button', { name: 'Save case' }));
    expect(await screen.findByRole('heading', { name: 'Rivas Moreno, Jesús Alberto' })).toBeInTheDocument();
    expect(screen.getAllByText('A-012-345-678').length).toBeGreaterThan(0);
    expect((await backend.listCases(''))[0].aNumber).toBe('A-012-345-678');
  });
});

describe('deleting a case by typing its name', () => {
  // The copy only lower-cased and trimmed: typing the name without its
  // accent, or with other spacing, was refused.
  it('takes the name without accents, in other case and spacing', async () => {
    const user = userEvent.setup();
    const backend = testBackend();
    await caseNamed(backend, 'Rivas Moreno, Jesús Alberto');
    await openApp(backend);
    await user.click(await screen.findByRole('button', { name: /Rivas Moreno, Jesús Alberto/ }));
    await user.click(await screen.findByRole('button', { name: 'Delete' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete this case?' });
    const input = within(dialog).getByLabelText(/type the name/);
    await user.type(input, 'RIVAS  moreno, jesus alberto{Enter}');
    expect(await screen.findByRole('heading', { name: 'Cases' })).toBeInTheDocument();
    expect(await backend.listCases('')).toEqual([]);
    expect((await backend.deletedCases()).map((c) => c.recordName)).toEqual(['Rivas Moreno, Jesús Alberto']);
  });

  it('still wants the words of the name in their order', async () => {
    const user = userEvent.setup();
    const backend = testBackend();
    await caseNamed(backend, 'Rivas Moreno, Jesús Alberto');
    await openApp(backend);
    await user.click(await screen.findByRole('button', { name: /Rivas Moreno, Jesús Alberto/ }));
    await user.click(await screen.findByRole('button', { name: 'Delete' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete this case?' });
    await user.type(within(dialog).getByLabelText(/type the name/), 'jesus alberto rivas moreno{Enter}');
    expect(await within(dialog).findByText(/does not match/)).toBeInTheDocument();
    expect(await backend.deletedCases()).toEqual([]);
  });
});

describe('erasing a case for good', () => {
  // The copy erased whatever was typed.
  it('refuses a wrong name and erases once the name is typed', async () => {
    const user = userEvent.setup();
    const backend = testBackend();
    const c = await caseNamed(backend, 'Luis Gómez');
    await backend.deleteCase(c.id, 'Luis Gómez');
    await openApp(backend);
    await user.click(screen.getByRole('button', { name: 'More' }));
    await user.click(screen.getByRole('button', { name: 'Deleted' }));
    await user.click(await screen.findByRole('button', { name: 'Erase for good' }));
    const dialog = await screen.findByRole('dialog', { name: 'Erase this case for good?' });
    const input = within(dialog).getByLabelText(/type the name: Luis Gómez/);
    await user.type(input, 'Luis Gomes{Enter}');
    expect(await within(dialog).findByText(/does not match/)).toBeInTheDocument();
    expect((await backend.deletedCases()).map((d) => d.id)).toEqual([c.id]);

    await user.clear(input);
    await user.type(input, 'luis gomez{Enter}');
    expect(await screen.findByText('There are no deleted cases.')).toBeInTheDocument();
    expect(await backend.deletedCases()).toEqual([]);
  });
});

describe('linking evidence to an allegation', () => {
  // The window asked for one page of 500 photos; the copy gave every one.
  it('offers every photo of a case with more photos than one page holds', async () => {
    const user = userEvent.setup();
    const backend = testBackend();
    const c = await caseNamed(backend, 'Rivas Moreno, Jesús Alberto');
    await backend.host.call('import_photos', { caseId: c.id, paths: distinctPhotos(backend.host.folder('photos'), 505) });
    render(AllegationsPage, { props: { caseId: c.id, onback: () => {} }, context: backendContext(backend) });
    await user.click((await screen.findAllByRole('button', { name: 'Record an allegation' }))[0]);
    const link = await screen.findByLabelText('Link evidence');
    await waitFor(() => expect(within(link).getAllByRole('option', { name: /^IMG_\d{4}\.jpg$/ })).toHaveLength(505));
    expect(within(link).getByRole('option', { name: 'IMG_0505.jpg' })).toBeInTheDocument();
  }, 60_000);
});

describe('the statement editor', () => {
  async function openEditor(backend: TestBackend, change: (s: ReturnType<typeof newStatement>) => void = () => {}) {
    const c = await caseNamed(backend, 'Rivas Moreno, Jesús Alberto');
    const mother = await backend.createDeclarant(c.id, {
      ...emptyDeclarant(),
      fullName: 'María Elena Moreno de Rivas',
      readsEnglish: 'no',
    });
    const statement = newStatement(mother, c);
    statement.paragraphs = [{ original: 'Uno', english: 'One', exhibits: [] }];
    change(statement);
    const created = await backend.createStatement(c.id, statement);
    return { caseId: c.id, id: created.id };
  }

  // The copy handed back every photo asked for; the core gives at most 500
  // a page, so an editor asking once for "all" silently lost the rest.
  it('offers every photo of a case with more photos than one page holds', async () => {
    const backend = testBackend();
    const { caseId, id } = await openEditor(backend);
    const files = distinctPhotos(backend.host.folder('photos'), 505);
    await backend.host.call('import_photos', { caseId, paths: files });
    expect((await backend.listPhotos(caseId, 0, 1)).total).toBe(505);
    render(StatementEditor, { props: { caseId, id, onback: () => {} }, context: backendContext(backend) });
    const refer = await screen.findByLabelText('Refer paragraph 1 to an exhibit', {}, { timeout: 10_000 });
    await waitFor(() => expect(within(refer).getByRole('option', { name: 'Photo: IMG_0001.jpg' })).toBeInTheDocument());
    expect(within(refer).getByRole('option', { name: 'Photo: IMG_0505.jpg' })).toBeInTheDocument();
    expect(within(refer).getAllByRole('option', { name: /^Photo: / })).toHaveLength(505);
  }, 60_000);

  // The copy computed two of the core's checks (place, translation); the
  // window showed only those, whatever else stood before a final print.
  it('shows the checks the core computed, such as a missing translator and an empty paragraph', async () => {
    const backend = testBackend();
    const { caseId, id } = await openEditor(backend, (s) => {
      s.place = { place: 'Capacho, Táchira, Venezuela', country: 'VE', usDetentionFacility: false, reason: '' };
      s.paragraphs.push({ original: '', english: 'Two', exhibits: [] });
    });
    render(StatementEditor, { props: { caseId, id, onback: () => {} }, context: backendContext(backend) });
    expect(await screen.findByText('Name the translator or interpreter.')).toBeInTheDocument();
    expect(screen.getByText('Paragraphs with no text: 2.')).toBeInTheDocument();
    expect(screen.queryByText(/Choose the country where it will be signed/)).toBeNull();
    expect(screen.getByLabelText('Pages to sign')).toBeDisabled();
  });

  // The editor used to write this sworn sentence itself, and made "about
  // 2019" into "January 1, 2019"; the core writes it at the date's precision.
  it('adds the core’s sentence vouching for a photo, at the precision the date is known', async () => {
    const user = userEvent.setup();
    const backend = testBackend();
    const { caseId, id } = await openEditor(backend);
    await backend.host.call('import_photos', { caseId, paths: [fixture('fiesta.png')] });
    const [stored] = (await backend.listPhotos(caseId, 0, 1)).photos;
    await backend.updatePhotoDetails(stored.id, {
      ...stored.details,
      caption: 'the Three Kings festival in Capacho',
      taken: { year: 2019, month: null, day: null, about: true },
      attestedBy: 'María Elena Moreno de Rivas',
    });
    render(StatementEditor, { props: { caseId, id, onback: () => {} }, context: backendContext(backend) });
    await user.click(
      await screen.findByRole('button', {
        name: 'Add a paragraph: this photo (the Three Kings festival in Capacho) is true and accurate',
      }),
    );
    const english = await screen.findByLabelText('Paragraph 2, English translation');
    const [sworn] = backend.outputs('attest_photo') as Paragraph[];
    expect(english).toHaveValue(sworn.english);
    expect(screen.getByLabelText(/Paragraph 2, in Spanish/)).toHaveValue(sworn.original);
    expect(sworn.english).toMatch(/about 2019/);
    expect(sworn.english).not.toMatch(/January|1, 2019/);
    expect(sworn.original).toMatch(/alrededor de 2019/);
    expect(sworn.original).not.toMatch(/enero|1 de/);
  });

  it('warns, without blocking, when the translator is the declarant', async () => {
    const backend = testBackend();
    const { caseId, id } = await openEditor(backend, (s) => {
      s.place = { place: 'Capacho, Táchira, Venezuela', country: 'VE', usDetentionFacility: false, reason: '' };
      s.helper.name = 'maria elena moreno de rivas';
    });
    render(StatementEditor, { props: { caseId, id, onback: () => {} }, context: backendContext(backend) });
    expect(await screen.findByText(/The translator is the declarant or a close relative/)).toBeInTheDocument();
    expect(await backend.statementChecks(id)).toEqual([
      expect.objectContaining({ code: 'helperIsDeclarantOrRelative', blocks: false }),
    ]);
  });
});
