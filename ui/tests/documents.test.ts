// Documents in a case, by keyboard: asked what the document is, then the
// files; a PDF filed with its pages and text; photos of pages put in order
// (moved, turned) and settled; a bad PDF named with its reason; a page's
// English translation typed and saved.
import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backendContext } from '../src/backend';
import CaseDocuments from '../src/components/CaseDocuments.svelte';
import SearchPage from '../src/components/SearchPage.svelte';
import DocumentPage from '../src/components/DocumentPage.svelte';
import { emptyDraft } from '../src/lib/draft';
import { navigation } from '../src/lib/navigation.svelte';
import { fixture, testBackend, type TestBackend } from './testBackend';

const samples = join(__dirname, '..', '..', 'docs', 'samples');
const hostile = join(__dirname, '..', '..', 'crates', 'amparo-media', 'tests', 'fixtures', 'pdf');

async function newCase(): Promise<{ backend: TestBackend; caseId: string }> {
  const backend = testBackend();
  const draft = emptyDraft();
  draft.person.recordName = 'Rivas Moreno, Jesús Alberto';
  return { backend, caseId: (await backend.createCase(draft)).id };
}

describe('documents', () => {
  it('asks what the document is, files a PDF with its pages, and names a refused one with its reason', async () => {
    const user = userEvent.setup();
    const { backend, caseId } = await newCase();
    backend.pickedDocuments = [join(samples, 'mode-b-signed-in-texas.pdf'), join(hostile, 'password-aes256.pdf')];
    render(CaseDocuments, { props: { caseId }, context: backendContext(backend) });
    await user.click(await screen.findByRole('button', { name: 'Add a document' }));
    await user.selectOptions(screen.getByLabelText('What kind of document is it?'), 'letter');
    await user.selectOptions(screen.getByLabelText('What language is it written in?'), 'en');
    await user.type(screen.getByRole('textbox', { name: 'Name of the document' }), "Mother's declaration");
    await user.keyboard('{Enter}');
    expect(await screen.findByText(/password-aes256\.pdf was not added/)).toBeTruthy();
    expect(screen.getByText(/this PDF is locked/)).toBeTruthy();
    expect(await screen.findByRole('button', { name: "Open “Mother's declaration”" })).toBeTruthy();
    expect(screen.getByText(/Letter · 2 pages/)).toBeTruthy();
    const listed = await backend.listDocuments(caseId);
    expect(listed.map((d) => d.details.title)).toEqual(["Mother's declaration"]);
  });

  it('puts photographed pages in order with the keyboard, settles them, and saves a translation', async () => {
    const user = userEvent.setup();
    const { backend, caseId } = await newCase();
    backend.pickedDocuments = [fixture('school.jpg'), fixture('wrist.jpg')];
    render(CaseDocuments, { props: { caseId }, context: backendContext(backend) });
    await user.click(await screen.findByRole('button', { name: 'Add a document' }));
    await user.selectOptions(screen.getByLabelText('What language is it written in?'), 'es');
    await user.type(screen.getByRole('textbox', { name: 'Name of the document' }), 'Carta de la escuela');
    await user.click(screen.getByRole('button', { name: 'Choose the files…' }));
    // Photos of pages go to where they are put in order.
    await waitFor(() => expect(navigation.view.name, document.body.textContent ?? '').toBe('document'));
    const view = navigation.view;
    if (view.name !== 'document') throw new Error('not on the document');

    render(DocumentPage, { props: { caseId, id: view.id, onback: () => {} }, context: backendContext(backend) });
    expect(await screen.findByText('Page 1: school.jpg')).toBeTruthy();
    screen.getByRole('button', { name: 'Move page 2 up' }).focus();
    await user.keyboard('{Enter}');
    expect(await screen.findByText('Page 1: wrist.jpg')).toBeTruthy();
    screen.getByRole('button', { name: 'Turn page 2 right' }).focus();
    await user.keyboard('{Enter}');
    await waitFor(async () => {
      const d = await backend.getDocument(view.id);
      expect(d.pages.map((p) => [p.fileName, p.rotation])).toEqual([
        ['wrist.jpg', 0],
        ['school.jpg', 90],
      ]);
    });
    screen.getByRole('button', { name: 'The pages are in order' }).focus();
    await user.keyboard('{Enter}');
    expect(await screen.findByText(/The pages are settled/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Move page 2 up' })).toBeNull();

    const english = screen.getByRole('textbox', { name: 'English translation of page 1' });
    await user.type(english, 'Certificate of studies');
    await user.click(screen.getByRole('button', { name: 'Save the translation of page 1' }));
    expect(await screen.findByText('The translation of page 1 was saved.')).toBeTruthy();
    const saved = await backend.getDocument(view.id);
    expect(saved.pages[0].translation).toBe('Certificate of studies');
    expect(saved.filed).toBe(true);
  });

  it('finds a word on a page and opens that document', async () => {
    const user = userEvent.setup();
    const { backend, caseId } = await newCase();
    await backend.host.call('add_documents', {
      caseId,
      paths: [join(samples, 'mode-b-signed-in-texas.pdf')],
      details: { title: 'Declaración de la madre', kind: 'letter', dated: null, issuedBy: '', language: 'en' },
    });
    const [document] = await backend.listDocuments(caseId);
    navigation.reset();
    render(SearchPage, { props: {}, context: backendContext(backend) });
    await user.type(screen.getByLabelText('Words to find'), 'Capacho');
    const hit = await screen.findByRole('button', { name: /Page 1 of “Declaración de la madre”/ });
    await user.click(hit);
    expect(navigation.view).toEqual({ name: 'document', caseId, id: document.id });
  });
});
