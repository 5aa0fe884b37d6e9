// The packet page: exhibits reordered from the keyboard and saved, checks
// in plain words, progress while printing, and GPS originals held back
// unless the user agrees (the export's encryption: counsel.test.ts).
import { render, screen, waitFor } from '@testing-library/svelte';
import { join } from 'node:path';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { backendContext } from '../src/backend';
import type { CounselExport } from '../src/bindings/CounselExport';
import type { ImportSummary } from '../src/bindings/ImportSummary';
import type { ScanAdded } from '../src/bindings/ScanAdded';
import type { PacketDraft } from '../src/bindings/PacketDraft';
import type { Photo } from '../src/bindings/Photo';
import type { Preview } from '../src/bindings/Preview';
import PacketPage from '../src/components/PacketPage.svelte';
import { emptyDraft } from '../src/lib/draft';
import { emptyDeclarant, newStatement } from '../src/lib/statement';
import { emptyTattoo } from '../src/lib/tattoo';
import { fixture, testBackend, type TestBackend } from './testBackend';

type Case = {
  backend: TestBackend;
  caseId: string;
  statementId: string;
  tattooId: string;
  festival: Photo;
  school: Photo;
};

async function photo(backend: TestBackend, caseId: string, file: string, caption: string): Promise<Photo> {
  const summary = (await backend.host.call('import_photos', { caseId, paths: [fixture(file)] })) as ImportSummary;
  const result = summary.outcomes[0].result;
  if (result.status !== 'imported') throw new Error(`${file} was not imported: ${JSON.stringify(result)}`);
  const stored = await backend.getPhoto(result.photoId);
  return backend.updatePhotoDetails(stored.id, { ...stored.details, caption });
}

/**
 * A case whose packet holds, in the core's own default order, María's
 * declaration, a tattoo record and the festival photo (the only photo with
 * an exhibit letter); the school photo is left out.
 */
async function caseWithPacket(festivalFile = 'wrist.jpg'): Promise<Case> {
  const backend = testBackend();
  const draft = emptyDraft();
  draft.person.recordName = 'Rivas Moreno, Jesús Alberto';
  const c = await backend.createCase(draft);
  const festival = await photo(backend, c.id, festivalFile, 'Festival photo');
  const school = await photo(backend, c.id, 'school.jpg', 'School photo');
  await backend.assignExhibitLetter({ kind: 'photo', id: festival.id });
  const maria = await backend.createDeclarant(c.id, {
    ...emptyDeclarant(),
    fullName: 'María Elena Moreno de Rivas',
    readsEnglish: 'no',
  });
  const statement = newStatement(maria, c);
  statement.title = 'Declaration of María';
  statement.helper.name = 'Ana Torres';
  statement.place = { place: 'Capacho, Táchira, Venezuela', country: 'VE', usDetentionFacility: false, reason: '' };
  statement.paragraphs = [
    {
      original: 'Esta foto es de la fiesta de los Reyes Magos en Capacho.',
      english: 'This photo is of the Three Kings festival in Capacho.',
      exhibits: [{ kind: 'photo', id: festival.id }],
    },
  ];
  const statementId = (await backend.createStatement(c.id, statement)).id;
  const tattooId = (await backend.createTattoo(c.id, { ...emptyTattoo(), bodyLocation: 'Left wrist' })).id;
  return { backend, caseId: c.id, statementId, tattooId, festival, school };
}

async function openPacket({ backend, caseId }: Case) {
  render(PacketPage, { props: { caseId, onback: () => {} }, context: backendContext(backend) });
  await screen.findByRole('heading', { name: /In the packet/ });
}

const rows = () =>
  screen.getAllByRole('listitem').filter((li) => li.closest('ol')).map((li) => li.textContent ?? '');

const savedDrafts = (backend: TestBackend) => backend.inputs('save_packet').map((i) => i.draft as PacketDraft);

describe('evidence packet', () => {
  it('moves an exhibit down from the keyboard, keeps focus on it, and saves the order with Ctrl+S', async () => {
    const user = userEvent.setup();
    const c = await caseWithPacket();
    await openPacket(c);
    expect(rows()[0]).toContain('Declaration of María');
    expect(rows()[1]).toContain('Tattoo record: Left wrist');
    expect(rows()[2]).toContain('Festival photo');
    screen.getByRole('button', { name: 'Move down: Declaration of María' }).focus();
    await user.keyboard('{Enter}');
    expect(rows()[0]).toContain('Tattoo record: Left wrist');
    expect(rows()[1]).toContain('Declaration of María');
    expect(screen.getByText('Declaration of María is now number 2.')).toBeInTheDocument();
    expect(document.activeElement?.id).toBe('exhibit-1-down');
    // Prints wait for the order to be saved.
    expect(screen.getByRole('button', { name: 'Open / Print' })).toBeDisabled();
    await user.keyboard('{Control>}s{/Control}');
    await waitFor(() => expect(savedDrafts(c.backend)).toHaveLength(1));
    expect(savedDrafts(c.backend)[0].items.map((i) => i.id)).toEqual([c.tattooId, c.statementId, c.festival.id]);
    // Once saved, prints are allowed and the letters follow the saved order.
    await waitFor(() => expect(screen.getByRole('button', { name: 'Open / Print' })).toBeEnabled());
    expect(rows()[1]).toMatch(/^B/);
    expect((await c.backend.getPacket(c.caseId)).exhibits.map((e) => e.item.id)).toEqual([
      c.tattooId,
      c.statementId,
      c.festival.id,
    ]);
  });

  it('prints a long document as an excerpt typed as 3-5, checking the pages, with its first page', async () => {
    const user = userEvent.setup();
    const c = await caseWithPacket();
    c.backend.pickedDocuments = [join(__dirname, '..', '..', 'docs', 'samples', 'evidence-packet-documents.pdf')];
    const [filed] = (await c.backend.addPickedDocuments(
      c.caseId,
      { title: 'Country report', kind: 'countryConditions', dated: null, issuedBy: '', language: 'en' },
      'Choose the document',
    ))!;
    if (filed.result.status !== 'filed') throw new Error(JSON.stringify(filed));
    const documentId = filed.result.documentId;
    const count = filed.result.pages;
    await openPacket(c);
    // A filed document is in a packet never saved.
    expect(rows().some((r) => r.includes('Country report'))).toBe(true);
    const pages = screen.getByLabelText('Pages to print, if not all');
    await user.type(pages, `30-${count + 1}`);
    expect(screen.getByRole('alert')).toHaveTextContent(`Type pages from 1 to ${count}, such as 3-5 or 2, 7.`);
    await user.clear(pages);
    await user.type(pages, '3-5');
    expect(screen.queryByRole('alert')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Save the packet' }));
    await waitFor(() => expect(savedDrafts(c.backend)).toHaveLength(1));
    expect(savedDrafts(c.backend)[0].excerpts).toEqual([{ documentId, pages: [3, 4, 5] }]);
    // Saved, the first page is among them.
    const view = await c.backend.getPacket(c.caseId);
    expect(view.draft.excerpts).toEqual([{ documentId, pages: [1, 3, 4, 5] }]);
    await waitFor(() => expect(screen.getByLabelText('Pages to print, if not all')).toHaveValue('1, 3-5'));
  });

  it('puts a record in and takes one out', async () => {
    const user = userEvent.setup();
    const c = await caseWithPacket();
    await openPacket(c);
    await user.click(screen.getByText('Not in the packet (1)'));
    await user.click(screen.getByRole('button', { name: 'Put in the packet: School photo' }));
    await user.click(screen.getByRole('button', { name: 'Take out of the packet: Festival photo' }));
    await user.click(screen.getByRole('button', { name: 'Save the packet' }));
    await waitFor(() => expect(savedDrafts(c.backend)).toHaveLength(1));
    expect(savedDrafts(c.backend)[0].items.map((i) => i.id)).toEqual([c.statementId, c.tattooId, c.school.id]);
    const view = await c.backend.getPacket(c.caseId);
    expect(view.others.map((e) => e.description)).toEqual(['Festival photo']);
  });

  it('says what blocks filing in plain words and only allows a draft then', async () => {
    // María signed her declaration citing the festival photo as Exhibit A;
    // this packet puts it third, and the school photo no one swears to
    // fourth. A letter a signed declaration cites is held for it, so the
    // others start at B: the festival photo would be D, the school photo E.
    const c = await caseWithPacket();
    const today = new Date().toISOString().slice(0, 10);
    const statement = await c.backend.getStatement(c.statementId);
    await c.backend.signStatement(c.statementId, { signedOn: today, place: statement.place }, []);
    const packet = (await c.backend.getPacket(c.caseId)).draft;
    await c.backend.savePacket(c.caseId, {
      ...packet,
      items: [
        { kind: 'statement', id: c.statementId },
        { kind: 'tattoo', id: c.tattooId },
        { kind: 'photo', id: c.festival.id },
        { kind: 'photo', id: c.school.id },
      ],
    });
    await openPacket(c);
    expect(
      screen.getByText(/“Declaration of María” was signed citing Exhibit A; in this order it would be Exhibit D/),
    ).toBeInTheDocument();
    expect(screen.getByText(/No signed declaration speaks about the photo in Exhibit E/)).toBeInTheDocument();
    expect(rows().map((row) => row[0])).toEqual(['B', 'C', 'D', 'E']);
    expect(screen.getByLabelText('For filing')).toBeDisabled();
    expect(screen.getByLabelText(/Draft to read over/)).toBeChecked();
  });

  it('previews the pages and opens the PDF through the shell', async () => {
    const user = userEvent.setup();
    const c = await caseWithPacket();
    await openPacket(c);
    await user.click(screen.getByRole('button', { name: 'Preview pages' }));
    await waitFor(() => expect(c.backend.outputs('preview_packet')).toHaveLength(1));
    const preview = c.backend.outputs('preview_packet')[0] as Preview;
    expect(preview.pages).toBeGreaterThan(1);
    expect(await screen.findAllByAltText(new RegExp(`Page \\d+ of ${preview.pages}`))).toHaveLength(preview.pages);
    await user.click(screen.getByRole('button', { name: 'Open / Print' }));
    await waitFor(() => expect(c.backend.openedPackets).toEqual(['draft']));
  });

  it('asks before handing counsel originals that carry a GPS position, and leaves them out by default', async () => {
    const user = userEvent.setup();
    const c = await caseWithPacket('gps.jpg');
    c.backend.pickedFolder = c.backend.host.folder('for-counsel');
    await openPacket(c);
    await user.click(screen.getByRole('button', { name: 'Export for counsel…' }));
    await waitFor(() => expect(c.backend.outputs('counsel_gps_files')).toHaveLength(1));
    const gpsFiles = c.backend.outputs('counsel_gps_files')[0] as string[];
    expect(gpsFiles).toHaveLength(1);
    expect(await screen.findByText(gpsFiles[0])).toBeInTheDocument();
    expect(screen.getByLabelText(/Include those files/)).not.toBeChecked();
    await user.keyboard('{Enter}');
    await waitFor(() =>
      expect(c.backend.counselExports).toEqual([{ includeGps: false, plain: false, passphrase: null }]),
    );
    await waitFor(() => expect(c.backend.outputs('export_counsel')).toHaveLength(1));
    const done = c.backend.outputs('export_counsel')[0] as CounselExport;
    expect(done.gpsLeftOut).toEqual(gpsFiles);
    expect(await screen.findByText(/1 file that shows where it was taken was left out/)).toBeInTheDocument();
  });

  it('tells the user a translator cannot serve through ECAS, and the saved packet is blocked naming her', async () => {
    const user = userEvent.setup();
    const c = await caseWithPacket();
    await openPacket(c);
    // The person files pro se: the form asks for the one who helped as the
    // preparer, not as the filer.
    expect(screen.getByLabelText('Who files it with the court')).toHaveValue('proSe');
    expect(screen.getByLabelText(/Who helped prepare it/)).toBeInTheDocument();
    screen.getByLabelText(/The one who files it also gives the copy to DHS/).focus();
    await user.keyboard(' ');
    await user.type(screen.getByLabelText(/Who serves it/), 'Ana Torres');
    await user.selectOptions(screen.getByLabelText('How the other side gets it'), 'ecas');
    expect(screen.getByText(/Only an attorney, an accredited representative or the person can use ECAS/)).toBeInTheDocument();
    await user.keyboard('{Control>}s{/Control}');
    await waitFor(() => expect(savedDrafts(c.backend)).toHaveLength(1));
    expect(savedDrafts(c.backend)[0].service).toMatchObject({ method: 'ecas', byFiler: false, serverName: 'Ana Torres' });
    expect(await screen.findByText(/Ana Torres cannot give DHS the copy through ECAS/)).toBeInTheDocument();
    // By mail, with the DHS office's address, that block is gone.
    await user.selectOptions(screen.getByLabelText('How the other side gets it'), 'mail');
    await user.type(screen.getByLabelText(/Address of the DHS office for this court/), '100 Example Plaza, San Antonio, TX');
    await user.keyboard('{Control>}s{/Control}');
    await waitFor(() => expect(savedDrafts(c.backend)).toHaveLength(2));
    await waitFor(() => expect(screen.queryByText(/cannot give DHS the copy through ECAS/)).not.toBeInTheDocument());
  });

  it('asks for the scans of the signed pages when filing through ECAS, and takes them from the keyboard', async () => {
    const user = userEvent.setup();
    const c = await caseWithPacket();
    // María signed, with the scan of her signed page; the photo she cites
    // keeps its letter A.
    const [page] = (await c.backend.host.call('keep_scans', { paths: [fixture('school.jpg')] })) as ScanAdded[];
    const statement = await c.backend.getStatement(c.statementId);
    const today = new Date().toISOString().slice(0, 10);
    await c.backend.signStatement(c.statementId, { signedOn: today, place: statement.place }, [page.sha256]);
    const packet = (await c.backend.getPacket(c.caseId)).draft;
    await c.backend.savePacket(c.caseId, {
      ...packet,
      items: [
        { kind: 'photo', id: c.festival.id },
        { kind: 'statement', id: c.statementId },
        { kind: 'tattoo', id: c.tattooId },
      ],
    });
    await openPacket(c);
    const before = savedDrafts(c.backend).length;
    await user.selectOptions(screen.getByLabelText('How the other side gets it'), 'ecas');
    expect(screen.getByRole('group', { name: 'Signed pages, for filing through ECAS' })).toBeInTheDocument();
    await user.keyboard('{Control>}s{/Control}');
    await waitFor(() => expect(savedDrafts(c.backend)).toHaveLength(before + 1));
    expect(await screen.findByText(/needs the scan of the signed certificate of service/)).toBeInTheDocument();
    // The pages to sign print alone, before any scan exists.
    await user.click(screen.getByLabelText(/Only the pages to sign by hand/));
    await user.click(screen.getByRole('button', { name: 'Open / Print' }));
    await waitFor(() => expect(c.backend.openedPackets).toEqual(['forSignature']));

    c.backend.pickedScans = [fixture('school.jpg')];
    screen.getByRole('button', { name: 'Add the scan of: The certificate of service' }).focus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.getByText(/The certificate of service: scan added/)).toBeInTheDocument());
    await user.keyboard('{Control>}s{/Control}');
    await waitFor(() => expect(savedDrafts(c.backend)).toHaveLength(before + 2));
    expect(savedDrafts(c.backend)[before + 1].signedPages).toEqual([
      { signature: 'service', itemId: '', scan: expect.stringMatching(/^[0-9a-f]{64}$/) },
    ]);
    await waitFor(() =>
      expect(screen.queryByText(/needs the scan of the signed certificate of service/)).not.toBeInTheDocument(),
    );
    expect(screen.getByText(/needs the scan of the index signed/)).toBeInTheDocument();
  });

  it('names a size limit that is not a number next to the field and saves nothing', async () => {
    const user = userEvent.setup();
    const c = await caseWithPacket();
    await openPacket(c);
    const limit = screen.getByLabelText('Largest file the court accepts, in MB');
    await user.clear(limit);
    await user.type(limit, '25 MB');
    await user.click(screen.getByRole('button', { name: 'Save the packet' }));
    expect(await screen.findByText(/Something in the packet settings is not right/)).toBeInTheDocument();
    expect(limit).toHaveAttribute('aria-invalid', 'true');
    expect((await c.backend.getPacket(c.caseId)).draft.sizeLimitMb).toBe(25);
    // Fixed, it saves.
    await user.clear(limit);
    await user.type(limit, '35');
    await user.click(screen.getByRole('button', { name: 'Save the packet' }));
    await waitFor(() => expect(limit).not.toHaveAttribute('aria-invalid'));
    expect((await c.backend.getPacket(c.caseId)).draft.sizeLimitMb).toBe(35);
  });
});
