// The photo section of a case: a gallery that stays small in the page with
// thousands of photos, moves by keyboard, and imports that say which files
// failed and why.
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { backendContext } from '../src/backend';
import CasePhotos from '../src/components/CasePhotos.svelte';
import PhotoGallery from '../src/components/PhotoGallery.svelte';
import { FakeBackend, fakePhoto } from './fakeBackend';

function withPhotos(n: number): FakeBackend {
  const backend = new FakeBackend();
  backend.photos.set('case-1', Array.from({ length: n }, (_, i) => fakePhoto('case-1', i)));
  return backend;
}

describe('photo gallery', () => {
  it('keeps at most 300 images in the page with 5,000 photos, fetching only what it shows', async () => {
    const backend = withPhotos(5000);
    render(PhotoGallery, {
      props: { caseId: 'case-1', total: 5000, onopen: () => {} },
      context: backendContext(backend),
    });
    await waitFor(() => expect(document.querySelectorAll('img').length).toBeGreaterThan(0));
    const images = document.querySelectorAll('img').length;
    expect(images).toBeLessThanOrEqual(300);
    expect(backend.photoRequests.length).toBeLessThanOrEqual(2);
    expect(backend.photoRequests.every((r) => r.limit <= 500)).toBe(true);
  });

  it('moves with the keyboard, and End reaches the last photo', async () => {
    const user = userEvent.setup();
    const backend = withPhotos(5000);
    const opened: number[] = [];
    render(PhotoGallery, {
      props: { caseId: 'case-1', total: 5000, onopen: (i: number) => opened.push(i) },
      context: backendContext(backend),
    });
    const first = await screen.findByRole('button', { name: /^Photo 1 of 5000/ });
    first.focus();
    await user.keyboard('{ArrowRight}');
    expect(document.activeElement?.getAttribute('aria-label')).toMatch(/^Photo 2 of 5000/);
    await user.keyboard('{End}');
    await waitFor(() =>
      expect(document.activeElement?.getAttribute('aria-label')).toMatch(/^Photo 5000 of 5000/),
    );
    expect(document.querySelectorAll('img').length).toBeLessThanOrEqual(300);
    await user.keyboard('{Enter}');
    expect(opened).toEqual([4999]);
  });
});

describe('adding photos', () => {
  it('shows progress results and each failed file with its reason', async () => {
    const user = userEvent.setup();
    const backend = withPhotos(0);
    backend.nextImport = {
      imported: 2,
      duplicates: 0,
      failed: 1,
      cancelled: 0,
      outcomes: [
        { fileName: 'wrist.jpg', result: { status: 'imported', photoId: 'p1', duplicate: false } },
        { fileName: 'carta.jpg', result: { status: 'failed', code: 'notAnImage', message: 'x' } },
        { fileName: 'fiesta.png', result: { status: 'imported', photoId: 'p2', duplicate: false } },
      ],
    };
    render(CasePhotos, { props: { caseId: 'case-1' }, context: backendContext(backend) });
    expect(await screen.findByText('No photos yet.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Add photos' }));
    expect(await screen.findByText(/2 photo\(s\) added, 0 already in the case, 1 could not be added/)).toBeTruthy();
    const failed = screen.getByText('carta.jpg').closest('li') as HTMLElement;
    expect(within(failed).getByText(/not a photo or an image Amparo can read/)).toBeTruthy();
    expect(await screen.findByRole('heading', { name: 'Photos (2)' })).toBeTruthy();
  });
});

describe('a photo opened from the gallery', () => {
  it('saves what it shows, and moves to the next photo', async () => {
    const user = userEvent.setup();
    const backend = withPhotos(3);
    render(CasePhotos, { props: { caseId: 'case-1' }, context: backendContext(backend) });
    await user.click(await screen.findByRole('button', { name: /^Photo 1 of 3/ }));
    const dialog = await screen.findByRole('dialog', { name: 'Photo 1 of 3' });
    await user.type(within(dialog).getByLabelText('What the photo shows'), 'Left wrist, crown over “mamá”');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await within(dialog).findByText('Saved.')).toBeTruthy();
    expect(backend.photos.get('case-1')?.[0].details.caption).toBe('Left wrist, crown over “mamá”');

    await user.click(within(dialog).getByRole('button', { name: 'Next photo' }));
    const next = await screen.findByRole('dialog', { name: 'Photo 2 of 3' });
    expect(within(next).getByLabelText('What the photo shows')).toHaveValue('');
  });
});

describe('a tattoo recorded from a photo', () => {
  it('is saved with the photo linked as a close-up, in the person’s words and in English', async () => {
    const user = userEvent.setup();
    const backend = withPhotos(2);
    render(CasePhotos, { props: { caseId: 'case-1' }, context: backendContext(backend) });
    await user.click(await screen.findByRole('button', { name: /^Photo 1 of 2/ }));
    await user.click(await screen.findByRole('button', { name: 'Record a tattoo shown in this photo' }));
    const form = await screen.findByRole('dialog', { name: 'New tattoo record' });
    await user.click(within(form).getByRole('button', { name: 'Save tattoo record' }));
    expect(await within(form).findByText('This is required.')).toBeTruthy();
    expect(backend.tattoos).toEqual([]);

    await user.type(within(form).getByLabelText(/Where on the body/), 'Inside of the left wrist');
    await user.type(within(form).getByLabelText('Words or letters in it'), 'mamá');
    await user.type(
      within(form).getByLabelText(/What it means, in the person's own words/),
      'La corona es por mi mamá',
    );
    await user.type(within(form).getByLabelText('What it means, in English'), 'The crown is for my mom');
    await user.click(within(form).getByRole('button', { name: 'Save tattoo record' }));
    await waitFor(() => expect(backend.tattoos.length).toBe(1));
    expect(backend.tattoos[0].photos).toEqual([{ photoId: 'photo-0', role: 'closeUp' }]);
    expect(backend.tattoos[0].meaningOriginal).toBe('La corona es por mi mamá');
    const detail = await screen.findByRole('dialog', { name: 'Photo 1 of 2' });
    expect(within(detail).getByLabelText('Inside of the left wrist (mamá)')).toBeChecked();
  });
});

describe('unsaved words about a photo', () => {
  it('are not lost by closing the photo: Leave without saving? is asked first', async () => {
    const user = userEvent.setup();
    const backend = withPhotos(2);
    render(CasePhotos, { props: { caseId: 'case-1' }, context: backendContext(backend) });
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
