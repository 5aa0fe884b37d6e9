// The chronology, allegations with the evidence that answers them,
// deadlines and search, driven as a person would, against the real core.
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { backendContext } from '../src/backend';
import type { Case } from '../src/bindings/Case';
import type { CaseDraft } from '../src/bindings/CaseDraft';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AllegationsPage from '../src/components/AllegationsPage.svelte';
import CaseList from '../src/components/CaseList.svelte';
import CaseDeadlines from '../src/components/CaseDeadlines.svelte';
import CaseTattoos from '../src/components/CaseTattoos.svelte';
import SearchPage from '../src/components/SearchPage.svelte';
import TimelinePage from '../src/components/TimelinePage.svelte';
import { setLocale } from '../src/i18n/index.svelte';
import { emptyDraft } from '../src/lib/draft';
import { navigation } from '../src/lib/navigation.svelte';
import { snippetParts } from '../src/lib/search';
import { emptyTattoo, tattooDraftOf } from '../src/lib/tattoo';
import { emptyAllegation } from '../src/lib/timeline';
import { fixture, testBackend } from './testBackend';

async function withCase(change: (draft: CaseDraft) => void = () => {}) {
  const backend = testBackend();
  const draft = emptyDraft();
  draft.person.recordName = 'Jesús Alberto Rivas Moreno';
  change(draft);
  const c = await backend.createCase(draft);
  const tattoo = await backend.createTattoo(c.id, {
    ...emptyTattoo(),
    bodyLocation: 'Left wrist',
    meaningOriginal: 'Una corona por mi mamá y los Reyes Magos',
  });
  return { backend, c, tattoo };
}

/** The day `days` from today where the court sits, `YYYY-MM-DD`. */
function dayInZone(zone: string, days: number): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(new Date());
  const day = new Date(`${today}T12:00:00Z`);
  day.setUTCDate(day.getUTCDate() + days);
  return day.toISOString().slice(0, 10);
}

describe('allegations', () => {
  it('records an allegation from the reported list and links a tattoo record that answers it', async () => {
    const user = userEvent.setup();
    const { backend, c, tattoo } = await withCase();
    render(AllegationsPage, { props: { caseId: c.id, onback: () => {} }, context: backendContext(backend) });
    // The reference list says what it is, and never scores the person.
    expect(await screen.findByText('Criteria as reported in the press')).toBeInTheDocument();
    await user.click(screen.getAllByRole('button', { name: 'Record an allegation' })[0]);
    await user.selectOptions(screen.getByLabelText('Fill in from the reported criteria'), 'Tattoos denoting membership');
    expect(screen.getByLabelText(/^Criterion/)).toHaveValue('Tattoos denoting membership');
    expect(screen.getByText(/the press reported 4 for this criterion/)).toBeInTheDocument();
    // Points are typed from the document, never filled in.
    expect(screen.getByLabelText('Points claimed')).toHaveValue('');
    await user.type(screen.getByLabelText('Points claimed'), '4');
    await user.selectOptions(screen.getByLabelText('Link evidence'), 'Left wrist');
    await user.click(screen.getByRole('button', { name: 'Link it' }));
    expect(screen.getByRole('button', { name: 'Unlink Tattoo record: Left wrist' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Save the allegation' }));
    const card = await screen.findByRole('region', { name: 'Tattoos denoting membership' });
    const [saved] = await backend.listAllegations(c.id);
    expect(saved.points).toBe(4);
    expect(saved.answers).toEqual([{ kind: 'tattoo', id: tattoo.id, paragraph: null, page: null }]);
    expect(within(card).getByText('Tattoo record: Left wrist')).toBeInTheDocument();
  });

  it('names the page of the filed I-213 that makes an allegation, and a page of a document that answers it', async () => {
    const user = userEvent.setup();
    const { backend, c } = await withCase();
    // A two-page PDF filed in the case as the I-213.
    backend.pickedDocuments = [join(__dirname, '..', '..', 'docs', 'samples', 'mode-b-signed-in-texas.pdf')];
    const [filed] = (await backend.addPickedDocuments(
      c.id,
      {
        title: 'Form I-213',
        kind: 'government',
        dated: null,
        issuedBy: 'U.S. Border Patrol',
        language: 'en',
      },
      'Choose the document',
    ))!;
    if (filed.result.status !== 'filed') throw new Error(`not filed: ${JSON.stringify(filed)}`);
    const i213 = filed.result.documentId;
    render(AllegationsPage, { props: { caseId: c.id, onback: () => {} }, context: backendContext(backend) });
    await user.click((await screen.findAllByRole('button', { name: 'Record an allegation' }))[0]);
    await user.type(screen.getByLabelText(/^Criterion/), 'Tattoos denoting membership');
    await user.selectOptions(await screen.findByLabelText('The document itself, if you have it'), 'Form I-213');
    const sourcePage = screen.getByLabelText('The page that says it (the document has 2 pages; leave it empty if you do not know)');
    await user.type(sourcePage, '3');
    // A page number typed beside the evidence is checked before it is linked.
    await user.selectOptions(screen.getByLabelText('Link evidence'), 'Form I-213');
    const part = screen.getByLabelText('Page number (1 to 2; empty for the whole document)');
    await user.type(part, '9');
    await user.click(screen.getByRole('button', { name: 'Link it' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Type a number from 1 to 2, or leave it empty.');
    await user.clear(part);
    await user.type(part, '1');
    await user.click(screen.getByRole('button', { name: 'Link it' }));
    expect(screen.getByRole('button', { name: 'Unlink Document: Form I-213, page 1' })).toBeInTheDocument();
    // Page 3 of a two-page document is refused at its field; nothing saved.
    await user.click(screen.getByRole('button', { name: 'Save the allegation' }));
    expect(sourcePage).toHaveAttribute('aria-invalid', 'true');
    expect(await backend.listAllegations(c.id)).toEqual([]);
    await user.clear(sourcePage);
    await user.type(sourcePage, '2');
    await user.click(screen.getByRole('button', { name: 'Save the allegation' }));
    const card = await screen.findByRole('region', { name: 'Tattoos denoting membership' });
    const [saved] = await backend.listAllegations(c.id);
    expect(saved.source).toEqual({ kind: 'document', id: i213, paragraph: null, page: 2 });
    expect(saved.answers).toEqual([{ kind: 'document', id: i213, paragraph: null, page: 1 }]);
    expect(within(card).getByText('Document: Form I-213, page 2')).toBeInTheDocument();
    expect(within(card).getByText('Document: Form I-213, page 1')).toBeInTheDocument();
  });

  it('reads the reported criteria in Spanish, with the English as reported, and fills in the English', async () => {
    setLocale('es');
    try {
      const user = userEvent.setup();
      const { backend, c } = await withCase();
      render(AllegationsPage, { props: { caseId: c.id, onback: () => {} }, context: backendContext(backend) });
      const list = await screen.findByRole('region', { name: 'Criterios según la prensa' });
      const row = (await within(list).findByText('Tatuajes que denotan pertenencia')).closest('tr') as HTMLElement;
      const reported = within(row).getByText('Tattoos denoting membership');
      expect(reported).toHaveAttribute('lang', 'en');
      expect(row).toHaveTextContent('Como se informó: Tattoos denoting membership');
      expect(within(list).getByText('4 (o hasta 2, según otro informe)')).toBeInTheDocument();

      await user.click(screen.getAllByRole('button', { name: 'Anotar una acusación' })[0]);
      await user.selectOptions(
        screen.getByLabelText('Llenar con los criterios publicados'),
        'Tatuajes que denotan pertenencia («Tattoos denoting membership»)',
      );
      expect(screen.getByRole('textbox', { name: /^Criterio/ })).toHaveValue('Tattoos denoting membership');
    } finally {
      setLocale('en');
    }
  });

  it('names an empty criterion at its field and saves nothing; points that are not a number too', async () => {
    const user = userEvent.setup();
    const { backend, c } = await withCase();
    render(AllegationsPage, { props: { caseId: c.id, onback: () => {} }, context: backendContext(backend) });
    await user.click((await screen.findAllByRole('button', { name: 'Record an allegation' }))[0]);
    await user.type(screen.getByLabelText('Points claimed'), 'four');
    await user.click(screen.getByRole('button', { name: 'Save the allegation' }));
    // The field exists before the refusal arrives: wait for the mark.
    await waitFor(() => expect(screen.getByLabelText('Points claimed')).toHaveAttribute('aria-invalid', 'true'));
    await user.clear(screen.getByLabelText('Points claimed'));
    await user.click(screen.getByRole('button', { name: 'Save the allegation' }));
    await waitFor(() => expect(screen.getByLabelText(/^Criterion/)).toHaveAttribute('aria-invalid', 'true'));
    expect(await backend.listAllegations(c.id)).toHaveLength(0);
  });
});

describe('chronology', () => {
  it('adds a date the case knows with one click and lists events in order', async () => {
    const user = userEvent.setup();
    // The case knows the day of detention; the chronology has a hearing
    // remembered only to the month.
    const { backend, c } = await withCase((draft) => {
      draft.custody.status = 'detained';
      draft.custody.facility = 'Otay Mesa';
      draft.custody.detainedSince = { year: 2025, month: 3, day: 1, about: false };
    });
    await backend.createEvent(c.id, {
      date: { year: 2025, month: 3, day: null, about: false },
      place: '',
      kind: 'hearing',
      description: 'Hearing set',
      sources: [],
      origin: '',
    });
    render(TimelinePage, { props: { caseId: c.id, onback: () => {} }, context: backendContext(backend) });
    await user.click(await screen.findByRole('button', { name: 'Add “Detained” to the chronology' }));
    await waitFor(() => expect(screen.queryByText('Dates the case already knows')).toBeNull());
    const items = screen.getAllByRole('listitem').map((li) => li.textContent ?? '');
    expect(items[0]).toContain('Detained');
    expect(items[1]).toContain('Hearing set');
    expect((await backend.listEvents(c.id)).map((e) => e.origin)).toEqual(['detained', '']);
  });

  it('refuses an event without a date or description, naming both fields', async () => {
    const user = userEvent.setup();
    const { backend, c } = await withCase();
    render(TimelinePage, { props: { caseId: c.id, onback: () => {} }, context: backendContext(backend) });
    await user.click((await screen.findAllByRole('button', { name: 'Add an event' }))[0]);
    await user.click(screen.getByRole('button', { name: 'Save the event' }));
    // The field exists before the refusal arrives: wait for the mark.
    await waitFor(() => expect(screen.getByLabelText(/^What happened/)).toHaveAttribute('aria-invalid', 'true'));
    const when = screen.getByRole('group', { name: 'When' });
    const error = document.getElementById(when.getAttribute('aria-describedby') ?? '');
    expect(error).toHaveTextContent(/./);
    // Each part that takes the keys is read with the error too.
    for (const part of [within(when).getByLabelText('Year'), within(when).getByLabelText('Month'), within(when).getByLabelText('Day')]) {
      expect(part).toHaveAttribute('aria-describedby', error?.id);
    }
    expect(await backend.listEvents(c.id)).toHaveLength(0);
  });
});

describe('deadlines', () => {
  it('shows an overdue date in red words and adds a due date by hand', async () => {
    const user = userEvent.setup();
    // An individual hearing in 10 days, for a person who is not detained:
    // evidence was due 15 days before it, so 5 days ago where the court is.
    const zone = 'America/Los_Angeles';
    const { backend, c } = await withCase((draft) => {
      draft.courtTimeZone = zone;
      draft.hearings = [
        { id: '', date: dayInZone(zone, 10), time: '', court: 'Otay Mesa', judge: '', kind: 'individual', mode: 'inPerson' },
      ];
    });
    const stored: Case = await backend.getCase(c.id);
    render(CaseDeadlines, { props: { case: stored }, context: backendContext(backend) });
    const overdue = await screen.findByText(/overdue, 5 days ago/);
    expect(overdue.closest('li')).toHaveClass('overdue');
    expect(screen.getByText('Confirm with the court\'s rules')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Add a due date' }));
    await user.type(screen.getByLabelText(/^What is due/), 'Brief');
    await user.click(screen.getByRole('button', { name: 'Save the due date' }));
    expect((await backend.caseDeadlines(c.id)).filter((d) => d.kind === 'other')).toHaveLength(0);
    // No day given: named at the date, the title kept.
    expect(await screen.findAllByText('This is required.')).toHaveLength(1);
    expect(screen.getByLabelText(/^What is due/)).toHaveValue('Brief');
  });

  it('reminds on opening of what is due within 7 days, and saves the dates for a phone', async () => {
    const zone = 'America/Chicago';
    const { backend, c } = await withCase((draft) => {
      draft.courtTimeZone = zone;
      draft.custody.status = 'detained';
      draft.hearings = [
        { id: '', date: dayInZone(zone, 30), time: '13:00', court: 'Pearsall', judge: '', kind: 'individual', mode: 'inPerson' },
      ];
    });
    await backend.addDueDate(c.id, { date: dayInZone(zone, 3), title: 'Evidence due' });
    navigation.reset();
    render(CaseList, { props: { onopen: () => {}, onnew: () => {} }, context: backendContext(backend) });
    const banner = (await screen.findByRole('heading', { name: 'Coming up in the next 7 days' })).closest('section') as HTMLElement;
    expect(within(banner).getByRole('button', { name: 'Jesús Alberto Rivas Moreno: Evidence due, in 3 days' })).toBeInTheDocument();
    // The hearing in 30 days is not in the banner.
    expect(within(banner).queryByText(/Individual/)).toBeNull();

    const path = (await backend.saveCalendar(c.id, 'en', 'Save')) as string;
    const ics = readFileSync(path, 'utf8');
    expect(ics).toContain('SUMMARY:Evidence due');
    expect(ics).toContain('SUMMARY:Individual hearing');
    expect(ics).not.toContain('Rivas');
  });
});

describe('search', () => {
  it('finds a case by a word of a tattoo meaning without its accent and opens it', async () => {
    const user = userEvent.setup();
    const { backend, c } = await withCase();
    navigation.reset();
    render(SearchPage, { props: {}, context: backendContext(backend) });
    await user.type(screen.getByLabelText('Words to find'), 'mama');
    const hit = await screen.findByRole('button', { name: /Jesús Alberto Rivas Moreno/ });
    expect(within(hit).getByText('mamá').tagName).toBe('MARK');
    await user.click(hit);
    expect(navigation.view).toEqual({ name: 'case', id: c.id });
  });

  it('shows typed markup as text, never as HTML', () => {
    const parts = snippetParts('<script>x</script> \u{E000}mamá\u{E001} y\n papá');
    expect(parts).toEqual([
      { text: '<script>x</script> ', match: false },
      { text: 'mamá', match: true },
      { text: ' y ·  papá', match: false },
    ]);
  });
});

describe('removing', () => {
  it('asks before an allegation goes, keeps it on "Keep it", and removes it when confirmed', async () => {
    const user = userEvent.setup();
    const { backend, c } = await withCase();
    await backend.createAllegation(c.id, { ...emptyAllegation(), criterion: 'Tattoos denoting membership' });
    render(AllegationsPage, { props: { caseId: c.id, onback: () => {} }, context: backendContext(backend) });
    const remove = await screen.findByRole('button', { name: 'Remove “Tattoos denoting membership”' });

    await user.click(remove);
    const dialog = await screen.findByRole('dialog', { name: 'Remove “Tattoos denoting membership”?' });
    // The safe answer has the focus: Enter keeps it.
    expect(within(dialog).getByRole('button', { name: 'Keep it' })).toHaveFocus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(await backend.listAllegations(c.id)).toHaveLength(1);

    await user.click(screen.getByRole('button', { name: 'Remove “Tattoos denoting membership”' }));
    const again = await screen.findByRole('dialog');
    await user.click(within(again).getByRole('button', { name: 'Remove' }));
    await waitFor(async () => expect(await backend.listAllegations(c.id)).toHaveLength(0));
  });

  it('puts a removed tattoo record back, with its photos and its answer to an allegation, on Undo', async () => {
    const user = userEvent.setup();
    const { backend, c, tattoo } = await withCase();
    await backend.host.call('import_photos', { caseId: c.id, paths: [fixture('wrist.jpg'), fixture('fiesta.png')] });
    const photos = (await backend.listPhotos(c.id, 0, 10)).photos;
    const linked = await backend.updateTattoo(tattoo.id, {
      ...tattooDraftOf(tattoo),
      photos: photos.map((p, i) => ({ photoId: p.id, role: i === 0 ? 'closeUp' : 'context' })),
    });
    const allegation = await backend.createAllegation(c.id, {
      ...emptyAllegation(),
      criterion: 'Tattoos denoting membership',
      answers: [{ kind: 'tattoo', id: tattoo.id, paragraph: null, page: null }],
    });
    render(CaseTattoos, { props: { caseId: c.id }, context: backendContext(backend) });

    await user.click(await screen.findByRole('button', { name: 'Remove the record Left wrist' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Remove' }));
    expect(await screen.findByText('“Left wrist” was removed.')).toBeInTheDocument();
    expect(await backend.listTattoos(c.id)).toHaveLength(0);
    // The removed record's buttons are gone: Undo has the focus, so Enter brings it back.
    await waitFor(() => expect(screen.getByRole('button', { name: 'Undo' })).toHaveFocus());
    await user.keyboard('{Enter}');

    expect(await screen.findByRole('heading', { name: 'Left wrist' })).toBeInTheDocument();
    expect(await screen.findByText('“Left wrist” is back.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Undo' })).not.toBeInTheDocument();
    expect(await backend.listTattoos(c.id)).toEqual([linked]);
    expect((await backend.listAllegations(c.id))[0].answers).toEqual(allegation.answers);
  });
});
