// The window as a whole: first start, the unsaved-changes guard, the
// language switch, and deleting by typing the name.
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import App from '../src/App.svelte';
import { emptyDraft } from '../src/lib/draft';
import { testBackend } from './testBackend';

/** The window of someone who has read the first-start notice. */
async function start(backend = testBackend()) {
  await backend.markNoticeRead();
  render(App, { props: { backend } });
  await screen.findByRole('navigation');
  return backend;
}

describe('the window', () => {
  it('shows the notice in both languages on first start, and remembers the choice', async () => {
    // A new store: no language chosen, the notice not read yet.
    const backend = testBackend();
    const user = userEvent.setup();
    render(App, { props: { backend } });
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText(/It is not legal advice/)).toBeTruthy();
    expect(within(dialog).getByText(/No es asesoría legal/)).toBeTruthy();
    // What the lock protects, and what it does not (an open, unlocked Amparo).
    expect(within(dialog).getByText(/locks everything it keeps on this computer with your password.*while it is open and unlocked/)).toBeTruthy();
    expect(within(dialog).getByText(/guarda bajo llave.*mientras está abierto y desbloqueado/)).toBeTruthy();
    expect(within(dialog).queryByText(/does not yet encrypt|todavía no cifra/)).toBeNull();
    // Who will use it: a family, asked in both languages.
    await user.click(within(dialog).getByLabelText(/A family: plain questions/));
    await user.click(within(dialog).getByRole('button', { name: 'Continuar en español' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect((await backend.startup()).preferences).toEqual({
      locale: 'es',
      noticeRead: true,
      lockAfterMinutes: 15,
      textSizePercent: 100,
      useMode: 'family',
    });
    expect(screen.getByLabelText('Quién usa Amparo')).toHaveValue('family');
    // The example case the core adds on first start.
    expect(await screen.findByText('Jesús Alberto Rivas Moreno')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Casos' })).toBeTruthy();
  });

  it('asks before leaving a form with unsaved changes', async () => {
    const user = userEvent.setup();
    await start();
    await user.click(await screen.findByRole('button', { name: 'New case' }));
    await user.type(screen.getByLabelText(/Name as on immigration records/), 'Half typed');
    await user.click(screen.getByRole('button', { name: 'Cases' }));

    const dialog = await screen.findByRole('dialog', { name: 'Leave without saving?' });
    await user.click(within(dialog).getByRole('button', { name: 'Stay and keep editing' }));
    expect(screen.getByLabelText(/Name as on immigration records/)).toHaveValue('Half typed');

    await user.click(screen.getByRole('button', { name: 'Cases' }));
    await user.click(await screen.findByRole('button', { name: 'Leave and discard changes' }));
    expect(await screen.findByRole('heading', { name: 'Cases' })).toBeTruthy();
  });

  it('keeps the window open when it is closed with unsaved changes', async () => {
    const user = userEvent.setup();
    const backend = await start();
    expect(backend.requestClose(), 'nothing to lose: it closes').toBe(true);
    backend.closed = false;

    await user.click(await screen.findByRole('button', { name: 'New case' }));
    await user.type(screen.getByLabelText(/Name as on immigration records/), 'Half typed');
    expect(backend.requestClose(), 'unsaved changes: it stays open').toBe(false);
    const dialog = await screen.findByRole('dialog', { name: 'Leave without saving?' });
    expect(backend.closed).toBe(false);
    await user.click(within(dialog).getByRole('button', { name: 'Leave and discard changes' }));
    await waitFor(() => expect(backend.closed).toBe(true));
  });

  it('leaves a form without asking when nothing changed', async () => {
    const user = userEvent.setup();
    await start();
    await user.click(await screen.findByRole('button', { name: 'New case' }));
    await user.click(screen.getByRole('button', { name: 'Cases' }));
    expect(await screen.findByRole('heading', { name: 'Cases' })).toBeTruthy();
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('switches to Spanish from the language menu and tells the backend', async () => {
    const user = userEvent.setup();
    const backend = await start();
    await user.selectOptions(screen.getByLabelText('Language'), 'es');
    expect(await screen.findByRole('heading', { name: 'Casos' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Nuevo caso' })).toBeTruthy();
    await waitFor(async () => expect((await backend.startup()).preferences.locale).toBe('es'));
    expect(document.documentElement.lang).toBe('es');
  });

  it('keeps the rarer tools under More, opened and closed from the keyboard', async () => {
    await start();
    const user = userEvent.setup();
    // In sight: where to go, the text size, the language and Lock.
    for (const name of ['Cases', 'Search', 'Contacts', 'Lock']) {
      expect(screen.getByRole('button', { name })).toBeTruthy();
    }
    expect(screen.queryByRole('button', { name: 'Back up' })).toBeNull();
    const more = screen.getByRole('button', { name: 'More' });
    expect(more).toHaveAttribute('aria-expanded', 'false');
    more.focus();
    await user.keyboard('{Enter}');
    expect(more).toHaveAttribute('aria-expanded', 'true');
    for (const name of ['Deleted', 'Printed wording', 'Back up', 'Restore', 'Password']) {
      expect(screen.getByRole('button', { name })).toBeTruthy();
    }
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Deleted' }));
    await user.keyboard('{Escape}');
    expect(more).toHaveAttribute('aria-expanded', 'false');
    expect(document.activeElement).toBe(more);
    expect(screen.queryByRole('button', { name: 'Back up' })).toBeNull();
  });

  it('deletes a case only when its name is typed, and restores it from Deleted', async () => {
    const user = userEvent.setup();
    const backend = testBackend();
    await backend.createCase({ ...emptyDraft(), person: { ...emptyDraft().person, recordName: 'Luis Gómez' } });
    await start(backend);
    await user.click(await screen.findByRole('button', { name: /Luis Gómez/ }));
    await user.click(await screen.findByRole('button', { name: 'Delete' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete this case?' });
    const input = within(dialog).getByLabelText(/type the name: Luis Gómez/);
    expect(input).toHaveFocus();
    await user.type(input, 'Luis{Enter}');
    expect(await within(dialog).findByText(/does not match/)).toBeTruthy();
    await user.clear(input);
    await user.type(input, 'luis gómez{Enter}');
    expect(await screen.findByRole('heading', { name: 'Cases' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Luis Gómez/ })).toBeNull();

    await user.click(screen.getByRole('button', { name: 'More' }));
    await user.click(screen.getByRole('button', { name: 'Deleted' }));
    await user.click(await screen.findByRole('button', { name: 'Restore Luis Gómez' }));
    expect(await screen.findByRole('heading', { name: 'Luis Gómez' })).toBeTruthy();
  });

  it('restores a backup, says the replaced information is kept, and deletes it', async () => {
    const backend = await start();
    const user = userEvent.setup();
    backend.pickedFolder = backend.host.folder('usb');
    await user.click(screen.getByRole('button', { name: 'More' }));
    await user.click(screen.getByRole('button', { name: 'Back up' }));
    await screen.findByText(/Backup saved/);
    backend.pickedFolder = (backend.outputs('back_up_into')[0] as { folder: string }).folder;
    await user.click(screen.getByRole('button', { name: 'More' }));
    await user.click(screen.getByRole('button', { name: 'Restore' }));
    await user.click(await screen.findByRole('button', { name: 'Choose the backup folder' }));
    expect(await screen.findByText(/It still holds every case it had, erased ones too/)).toBeTruthy();
    const kept = await backend.replacedData();
    expect(kept).not.toBeNull();
    await user.click(screen.getByRole('button', { name: 'Delete the replaced information' }));
    expect(await screen.findByText('The information the restore replaced was deleted.')).toBeTruthy();
    expect(await backend.replacedData()).toBeNull();
    expect(screen.queryByRole('button', { name: 'Delete the replaced information' })).toBeNull();
  });

  it('says what erasing removes and what it does not, then erases', async () => {
    const user = userEvent.setup();
    const backend = testBackend();
    const made = await backend.createCase({
      ...emptyDraft(),
      person: { ...emptyDraft().person, recordName: 'Ana Torres' },
    });
    await backend.deleteCase(made.id, 'Ana Torres');
    await start(backend);
    await user.click(screen.getByRole('button', { name: 'More' }));
    await user.click(screen.getByRole('button', { name: 'Deleted' }));
    await user.click(await screen.findByRole('button', { name: 'Erase for good' }));
    const dialog = await screen.findByRole('dialog', { name: 'Erase this case for good?' });
    const words = within(dialog).getByText(/removes from this computer right away/).textContent ?? '';
    for (const part of [
      'its words in the search',
      'its photos, signed declarations and scans',
      'any copy of Amparo’s data kept from an update',
      'Not removed: backups you made, the information kept from your last restore',
    ]) {
      expect(words).toContain(part);
    }
    await user.type(within(dialog).getByLabelText(/Ana Torres/), 'Ana Torres{Enter}');
    await waitFor(async () => expect(await backend.deletedCases()).toEqual([]));
  });
});

