// The photo section of a case: a gallery that stays small in the page with
// thousands of photos, moves by keyboard, and imports that say which files
// failed and why.
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { backendContext } from '../src/backend';
import type { Photo } from '../src/bindings/Photo';
import type { ImportSummary } from '../src/bindings/ImportSummary';
import CasePhotos from '../src/components/CasePhotos.svelte';
import PhotoGallery from '../src/components/PhotoGallery.svelte';
import { emptyDraft } from '../src/lib/draft';
import { emptyDeclarant, newStatement } from '../src/lib/statement';
import { distinctPhotos, fixture, startBackend, testBackend, type TestBackend } from './testBackend';

async function caseWithPhotos(files: string[]): Promise<{ backend: TestBackend; caseId: string }> {
  const backend = testBackend();
  const draft = emptyDraft();
  draft.person.recordName = 'Rivas Moreno, Jesús Alberto';
  const caseId = (await backend.createCase(draft)).id;
  if (files.length) await backend.host.call('import_photos', { caseId, paths: files.map(fixture) });
  return { backend, caseId };
}

describe('photo gallery', () => {
  // One case of 5,000 photos for the gallery's tests, which only read it:
  // importing them takes a few seconds, once.
  let gallery: TestBackend;
  let caseId: string;
  beforeAll(async () => {
    gallery = startBackend();
    const draft = emptyDraft();
    draft.person.recordName = 'Rivas Moreno, Jesús Alberto';
    caseId = (await gallery.createCase(draft)).id;
    const files = distinctPhotos(gallery.host.folder('photos'), 5000);
    const summary = (await gallery.host.call('import_photos', { caseId, paths: files })) as ImportSummary;
    expect(summary.imported).toBe(5000);
  }, 120_000);
  afterAll(() => gallery.host.stop());
  beforeEach(() => {
    gallery.requests.length = 0;
  });

  it('keeps at most 300 images in the page with 5,000 photos, fetching only what it shows', async () => {
    render(PhotoGallery, {
      props: { caseId, total: 5000, onopen: () => {} },
      context: backendContext(gallery),
    });
    await waitFor(() => expect(document.querySelectorAll('img').length).toBeGreaterThan(0));
    const images = document.querySelectorAll('img').length;
    expect(images).toBeLessThanOrEqual(300);
    const pages = gallery.inputs('list_photos');
    expect(pages.length).toBeGreaterThan(0);
    expect(pages.length).toBeLessThanOrEqual(2);
    expect(pages.every((r) => (r.limit as number) <= 500)).toBe(true);
  });

  it('moves with the keyboard, and End reaches the last photo', async () => {
    const user = userEvent.setup();
    const opened: string[] = [];
    render(PhotoGallery, {
      props: { caseId, total: 5000, onopen: (_i: number, photo: Photo) => opened.push(photo.fileNames[0]) },
      context: backendContext(gallery),
    });
    // Files are filed as their workers finish, so the last one is the core's last.
    const [last] = (await gallery.listPhotos(caseId, 4999, 1)).photos;
    const first = await screen.findByRole('button', { name: /^Photo 1 of 5000/ });
    first.focus();
    await user.keyboard('{ArrowRight}');
    expect(document.activeElement?.getAttribute('aria-label')).toMatch(/^Photo 2 of 5000/);
    await user.keyboard('{End}');
    await waitFor(() =>
      expect(document.activeElement?.getAttribute('aria-label')).toBe(`Photo 5000 of 5000: ${last.fileNames[0]}`),
    );
    expect(document.querySelectorAll('img').length).toBeLessThanOrEqual(300);
    await user.keyboard('{Enter}');
    expect(opened).toEqual([last.fileNames[0]]);
  });

  it('pages through the photos the core stored', async () => {
    const { backend, caseId } = await caseWithPhotos(['wrist.jpg', 'school.jpg', 'fiesta.png']);
    render(PhotoGallery, {
      props: { caseId, total: 3, onopen: () => {} },
      context: backendContext(backend),
    });
    const stored = (await backend.listPhotos(caseId, 0, 3)).photos.map((p) => p.fileNames[0]);
    expect([...stored].sort()).toEqual(['fiesta.png', 'school.jpg', 'wrist.jpg']);
    for (const [i, name] of stored.entries()) {
      expect(await screen.findByRole('button', { name: `Photo ${i + 1} of 3: ${name}` })).toBeInTheDocument();
    }
  });
});

describe('adding photos', () => {
  it('shows progress results and each failed file with its reason', async () => {
    const user = userEvent.setup();
    const { backend, caseId } = await caseWithPhotos([]);
    backend.pickedPhotos = ['wrist.jpg', 'carta.jpg', 'fiesta.png'].map(fixture);
    render(CasePhotos, { props: { caseId }, context: backendContext(backend) });
    expect(await screen.findByText('No photos yet.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Add photos' }));
    expect(await screen.findByText(/2 photos added, 0 already in the case, 1 could not be added/)).toBeTruthy();
    const failed = screen.getByText('carta.jpg').closest('li') as HTMLElement;
    expect(within(failed).getByText(/not a photo or an image Amparo can read/)).toBeTruthy();
    expect(await screen.findByRole('heading', { name: 'Photos (2)' })).toBeTruthy();
  });

  it('keeps a photo cut short in transfer and says part of it is missing', async () => {
    const user = userEvent.setup();
    const { backend, caseId } = await caseWithPhotos([]);
    const cut = join(backend.host.folder('received'), 'IMG-20240106-WA0007.jpg');
    copyFileSync(fixture('cut-short.jpg'), cut);
    backend.pickedPhotos = [cut, fixture('school.jpg')];
    render(CasePhotos, { props: { caseId }, context: backendContext(backend) });
    await user.click(await screen.findByRole('button', { name: 'Add photos' }));
    expect(await screen.findByText(/2 photos added, 0 already in the case, 0 could not be added/)).toBeTruthy();
    const warning = screen.getByText(/This file is damaged: part of the picture is missing/);
    expect(within(warning).getByText('IMG-20240106-WA0007.jpg')).toBeTruthy();

    const [stored] = (await backend.listPhotos(caseId, 0, 2)).photos.filter((p) => p.damaged);
    expect(readFileSync(cut).length).toBe(stored.byteSize);
    await user.click(await screen.findByRole('button', { name: /IMG-20240106-WA0007\.jpg \(Damaged\)$/ }));
    const dialog = await screen.findByRole('dialog', { name: /^Photo \d of 2$/ });
    expect(within(dialog).getByText(/It is kept exactly as you received it/)).toBeTruthy();
  });

  it('says a photo the case already has is already in it', async () => {
    const user = userEvent.setup();
    const { backend, caseId } = await caseWithPhotos(['wrist.jpg']);
    backend.pickedPhotos = [fixture('wrist.jpg'), fixture('school.jpg')];
    render(CasePhotos, { props: { caseId }, context: backendContext(backend) });
    expect(await screen.findByRole('heading', { name: 'Photos (1)' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Add photos' }));
    expect(await screen.findByText(/1 photo added, 1 already in the case, 0 could not be added/)).toBeTruthy();
    expect(await screen.findByRole('heading', { name: 'Photos (2)' })).toBeTruthy();
  });
});

describe('a photo opened from the gallery', () => {
  it('saves what it shows, and moves to the next photo', async () => {
    const user = userEvent.setup();
    const { backend, caseId } = await caseWithPhotos(['wrist.jpg', 'school.jpg', 'fiesta.png']);
    render(CasePhotos, { props: { caseId }, context: backendContext(backend) });
    await user.click(await screen.findByRole('button', { name: /^Photo 1 of 3/ }));
    const dialog = await screen.findByRole('dialog', { name: 'Photo 1 of 3' });
    await user.type(within(dialog).getByLabelText('What the photo shows'), 'Left wrist, crown over “mamá”');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await within(dialog).findByText('Saved.')).toBeTruthy();
    const [first] = (await backend.listPhotos(caseId, 0, 1)).photos;
    expect(first.details.caption).toBe('Left wrist, crown over “mamá”');

    await user.click(within(dialog).getByRole('button', { name: 'Next photo' }));
    const next = await screen.findByRole('dialog', { name: 'Photo 2 of 3' });
    expect(within(next).getByLabelText('What the photo shows')).toHaveValue('');
  });
});

describe('what a court looks for in a photo', () => {
  it('names the signed paragraph that vouches for a photo, and says when none does yet', async () => {
    const user = userEvent.setup();
    const { backend, caseId } = await caseWithPhotos(['wrist.jpg', 'school.jpg']);
    const [wrist] = (await backend.listPhotos(caseId, 0, 1)).photos;
    const c = await backend.getCase(caseId);
    const maria = await backend.createDeclarant(caseId, { ...emptyDeclarant(), fullName: 'María Elena Moreno de Rivas' });
    const statement = newStatement(maria, c);
    statement.title = 'Declaration of María';
    statement.helper.name = 'Ana Torres';
    statement.place = { place: 'Capacho, Táchira, Venezuela', country: 'VE', usDetentionFacility: false, reason: '' };
    statement.paragraphs = [
      { original: 'Soy su madre.', english: 'I am his mother.', exhibits: [] },
      { original: 'Esta foto muestra su muñeca.', english: 'This photo shows his wrist.', exhibits: [{ kind: 'photo', id: wrist.id }] },
    ];
    await backend.assignExhibitLetter({ kind: 'photo', id: wrist.id });
    const id = (await backend.createStatement(caseId, statement)).id;
    const today = new Date().toISOString().slice(0, 10);
    await backend.signStatement(id, { signedOn: today, place: statement.place }, []);

    render(CasePhotos, { props: { caseId }, context: backendContext(backend) });
    await user.click(await screen.findByRole('button', { name: /^Photo 1 of 2/ }));
    const dialog = await screen.findByRole('dialog', { name: 'Photo 1 of 2' });
    const facts = within(dialog).getByRole('region', { name: 'What a court looks for in a photo' });
    expect(await within(facts).findByText(/“Declaration of María”, paragraph 2 \(signed version 1\)/)).toBeTruthy();
    expect(within(facts).getByText('Who took it: not written yet')).toBeTruthy();
    await user.type(within(dialog).getByLabelText('Who took it'), 'María Elena Moreno de Rivas');
    expect(within(facts).getByText('Who took it: written')).toBeTruthy();

    await user.click(within(dialog).getByRole('button', { name: 'Next photo' }));
    await user.click(await screen.findByRole('button', { name: 'Leave and discard changes' }));
    const next = await screen.findByRole('dialog', { name: 'Photo 2 of 2' });
    const none = within(next).getByRole('region', { name: 'What a court looks for in a photo' });
    expect(await within(none).findByText(/no signed declaration speaks about this photo yet/)).toBeTruthy();
  });
});

describe('a tattoo recorded from a photo', () => {
  it('is saved with the photo linked as a close-up, in the person’s words and in English', async () => {
    const user = userEvent.setup();
    const { backend, caseId } = await caseWithPhotos(['wrist.jpg', 'school.jpg']);
    const [first] = (await backend.listPhotos(caseId, 0, 1)).photos;
    render(CasePhotos, { props: { caseId }, context: backendContext(backend) });
    await user.click(await screen.findByRole('button', { name: /^Photo 1 of 2/ }));
    await user.click(await screen.findByRole('button', { name: 'Record a tattoo shown in this photo' }));
    const form = await screen.findByRole('dialog', { name: 'New tattoo record' });
    await user.click(within(form).getByRole('button', { name: 'Save tattoo record' }));
    expect(await within(form).findByText('This is required.')).toBeTruthy();
    expect(await backend.listTattoos(caseId)).toEqual([]);

    await user.type(within(form).getByLabelText(/Where on the body/), 'Inside of the left wrist');
    await user.type(within(form).getByLabelText('Words or letters in it'), 'mamá');
    await user.type(
      within(form).getByLabelText(/What it means, in the person's own words/),
      'La corona es por mi mamá',
    );
    await user.type(within(form).getByLabelText('What it means, in English'), 'The crown is for my mom');
    await user.click(within(form).getByRole('button', { name: 'Save tattoo record' }));
    const detail = await screen.findByRole('dialog', { name: 'Photo 1 of 2' });
    expect(await within(detail).findByLabelText('Inside of the left wrist (mamá)')).toBeChecked();
    const tattoos = await backend.listTattoos(caseId);
    expect(tattoos).toHaveLength(1);
    expect(tattoos[0].photos).toEqual([{ photoId: first.id, role: 'closeUp' }]);
    expect(tattoos[0].meaningOriginal).toBe('La corona es por mi mamá');
  });
});

describe('unsaved words about a photo', () => {
  it('are not lost by closing the photo: Leave without saving? is asked first', async () => {
    const user = userEvent.setup();
    const { backend, caseId } = await caseWithPhotos(['wrist.jpg', 'school.jpg']);
    render(CasePhotos, { props: { caseId }, context: backendContext(backend) });
    await user.click(await screen.findByRole('button', { name: /^Photo 1 of 2/ }));
    const dialog = await screen.findByRole('dialog', { name: 'Photo 1 of 2' });
    await user.type(within(dialog).getByLabelText('What the photo shows'), 'Half a sentence');
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    const question = await screen.findByRole('dialog', { name: 'Leave without saving?' });
    await user.click(within(question).getByRole('button', { name: 'Stay and keep editing' }));
    expect(within(dialog).getByLabelText('What the photo shows')).toHaveValue('Half a sentence');

    await user.keyboard('{Escape}');
    await user.click(await screen.findByRole('button', { name: 'Leave and discard changes' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });
});
