// The lock, as a family meets it on the keyboard: a password chosen at
// first start, the recovery words copied and checked, Ctrl+L to lock (no
// case left on screen), a wrong password refused plainly, the words when
// the password is forgotten, and Ctrl+Shift+L to lock and hide at once.
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import App from '../src/App.svelte';
import { emptyDraft } from '../src/lib/draft';
import { TEST_PASSWORD } from './coreHost';
import { testBackend } from './testBackend';

async function withCase() {
  const backend = testBackend();
  await backend.markNoticeRead();
  await backend.createCase({ ...emptyDraft(), person: { ...emptyDraft().person, recordName: 'Luis Gómez' } });
  render(App, { props: { backend } });
  expect(await screen.findByRole('button', { name: /Luis Gómez/ })).toBeTruthy();
  return backend;
}

describe('the lock', () => {
  it('asks for a password at first start and checks the recovery words were copied', async () => {
    const user = userEvent.setup();
    const backend = testBackend({ vault: false });
    render(App, { props: { backend } });
    expect(await screen.findByRole('heading', { name: 'Protect this information with a password' })).toBeTruthy();
    expect(screen.queryByRole('navigation')).toBeNull();

    const password = screen.getByLabelText(/^Password/);
    await user.click(password);
    await user.keyboard('mamá{Tab}mamá{Enter}');
    // The core's rule: too short, named at the field.
    await waitFor(() => expect(screen.getByLabelText(/^Password/)).toHaveAttribute('aria-invalid', 'true'));
    expect(screen.getByText('This is too short.')).toBeTruthy();

    await user.clear(password);
    await user.type(password, 'corona de mamá');
    await user.type(screen.getByLabelText(/^The same password again/), 'corona de papá{Enter}');
    expect(await screen.findByText('The two passwords are not the same.')).toBeTruthy();
    expect((await backend.vaultStatus()).state).toBe('noVault');

    await user.clear(screen.getByLabelText(/^The same password again/));
    await user.type(screen.getByLabelText(/^The same password again/), 'corona de mamá{Enter}');
    const list = await screen.findByRole('list', { name: 'The 12 recovery words, in order' });
    const words = Array.from(list.querySelectorAll('li')).map((li) => li.textContent ?? '');
    expect(words).toHaveLength(12);

    const check = screen.getByLabelText(/^Type the 12 words here/);
    await user.type(check, [...words.slice(0, 11), 'zoo'].join(' ') + '{Tab}{Enter}');
    expect(await screen.findByText(/Those words do not match/)).toBeTruthy();
    await user.clear(check);
    await user.type(check, words.join('\n').toUpperCase());
    await user.click(screen.getByRole('button', { name: 'Check and continue' }));
    // Then the first-start notice, and the words are gone from the window.
    expect(await screen.findByRole('dialog')).toBeTruthy();
    expect(screen.queryByRole('list', { name: 'The 12 recovery words, in order' })).toBeNull();
    expect((await backend.vaultStatus()).state).toBe('unlocked');
  });

  it('locks with Ctrl+L, leaving no case on screen, and opens only with the right password', async () => {
    const user = userEvent.setup();
    const backend = await withCase();
    await user.keyboard('{Control>}l{/Control}');
    expect(await screen.findByRole('heading', { name: 'Amparo is locked' })).toBeTruthy();
    expect(screen.queryByText(/Luis Gómez/)).toBeNull();
    expect((await backend.vaultStatus()).state).toBe('locked');
    await expect(backend.listCases('')).rejects.toMatchObject({ code: 'locked' });

    await user.type(screen.getByLabelText(/^Password/), 'corona de papá{Enter}');
    expect(await screen.findByText(/That is not the password/)).toBeTruthy();
    await user.clear(screen.getByLabelText(/^Password/));
    await user.type(screen.getByLabelText(/^Password/), `${TEST_PASSWORD}{Enter}`);
    expect(await screen.findByRole('button', { name: /Luis Gómez/ })).toBeTruthy();
  });

  it('opens with the recovery words when the password is forgotten, keeping a new one', async () => {
    const user = userEvent.setup();
    const backend = testBackend({ vault: false });
    const made = await backend.createVault('olvidada muy pronto');
    await backend.markNoticeRead();
    await backend.lock();
    render(App, { props: { backend } });
    await user.click(await screen.findByRole('button', { name: 'I forgot the password' }));
    await user.type(screen.getByLabelText(/^The 12 recovery words/), made.recoveryWords.join(' '));
    await user.type(screen.getByLabelText(/^New password/), 'nueva frase larga');
    await user.type(screen.getByLabelText(/^The same password again/), 'nueva frase larga{Enter}');
    expect(await screen.findByRole('heading', { name: 'Cases' })).toBeTruthy();
    await backend.lock();
    await expect(backend.unlock('olvidada muy pronto')).rejects.toMatchObject({ code: 'wrongPassphrase' });
    await backend.unlock('nueva frase larga');
  });

  it('loads the case list once when unlocked', async () => {
    const user = userEvent.setup();
    const backend = await withCase();
    backend.lockScreen();
    expect(await screen.findByRole('heading', { name: 'Amparo is locked' })).toBeTruthy();
    const before = backend.inputs('list_cases').length;
    await user.type(screen.getByLabelText(/^Password/), `${TEST_PASSWORD}{Enter}`);
    expect(await screen.findByRole('button', { name: /Luis Gómez/ })).toBeTruthy();
    await new Promise((r) => setTimeout(r, 100));
    expect(backend.inputs('list_cases').length - before).toBe(1);
  });

  it('locks and hides the window at once with Ctrl+Shift+L', async () => {
    const user = userEvent.setup();
    const backend = await withCase();
    await user.keyboard('{Control>}{Shift>}L{/Shift}{/Control}');
    await waitFor(() => expect(backend.hidden).toBe(true));
    expect(screen.queryByText(/Luis Gómez/)).toBeNull();
    expect(screen.getByRole('heading', { name: 'Amparo is locked' })).toBeTruthy();
  });

  it('locks when the screen locks, leaving no case on screen', async () => {
    const backend = await withCase();
    backend.lockScreen();
    expect(await screen.findByRole('heading', { name: 'Amparo is locked' })).toBeTruthy();
    expect(screen.queryByText(/Luis Gómez/)).toBeNull();
    await expect(backend.listCases('')).rejects.toMatchObject({ code: 'locked' });
    expect(backend.hidden).toBe(false);
  });

  it('makes the text larger with Ctrl and plus, and keeps the size for the next start', async () => {
    const user = userEvent.setup();
    const backend = await withCase();
    expect(backend.textZoom).toBe(1);
    await user.keyboard('{Control>}={/Control}');
    await waitFor(() => expect(backend.textZoom).toBe(1.25));
    await user.keyboard('{Control>}={/Control}{Control>}={/Control}');
    await waitFor(() => expect(backend.textZoom).toBe(1.75));
    expect(screen.getByLabelText(/^Text size/)).toHaveValue('175');
    await user.keyboard('{Control>}-{/Control}');
    await waitFor(() => expect(backend.textZoom).toBe(1.5));
    expect((await backend.startup()).preferences.textSizePercent).toBe(150);
    await user.selectOptions(screen.getByLabelText(/^Text size/), 'Text 200%');
    await waitFor(() => expect(backend.textZoom).toBe(2));
    await user.keyboard('{Control>}0{/Control}');
    await waitFor(() => expect(backend.textZoom).toBe(1));
    expect((await backend.startup()).preferences.textSizePercent).toBe(100);
    await expect(backend.setTextSize(90)).rejects.toMatchObject({ code: 'invalid' });
  });

  it('keeps the idle time chosen in the top bar', async () => {
    const user = userEvent.setup();
    const backend = await withCase();
    await user.click(screen.getByRole('button', { name: 'More' }));
    const choice = screen.getByLabelText('Lock by itself after minutes without use');
    expect(choice).toHaveValue('15');
    await user.selectOptions(choice, 'Lock after 5 min');
    await waitFor(async () => expect((await backend.startup()).preferences.lockAfterMinutes).toBe(5));
    expect(screen.getByRole('option', { name: 'Lock after 1 min' })).toBeTruthy();
    expect(screen.getByRole('option', { name: 'Never lock by itself' })).toBeTruthy();
  });

  it('changes the password once the current one is given, from the keyboard', async () => {
    const user = userEvent.setup();
    const backend = await withCase();
    await user.click(screen.getByRole('button', { name: 'More' }));
    await user.click(screen.getByRole('button', { name: 'Password' }));
    const dialog = await screen.findByRole('dialog', { name: 'Change the password' });
    await user.keyboard('not the one{Tab}nueva frase larga{Tab}nueva frase larga{Enter}');
    expect(await within(dialog).findByText(/That is not the password/)).toBeTruthy();
    await user.clear(within(dialog).getByLabelText(/^Password you use now/));
    await user.type(within(dialog).getByLabelText(/^Password you use now/), `${TEST_PASSWORD}{Enter}`);
    expect(await screen.findByText('The password was changed. Use the new one from now on.')).toBeTruthy();
    await backend.lock();
    await expect(backend.unlock(TEST_PASSWORD)).rejects.toMatchObject({ code: 'wrongPassphrase' });
    await backend.unlock('nueva frase larga');
  });
});
