// A case handed from the mother's Amparo to the advocate's, against two
// real cores on two data folders, on the keyboard: the advocate adds the
// mother's code after comparing its words; the mother sends the case to
// the advocate; the advocate sees who sent it and what it brings before
// opening it. A damaged copy is refused in plain Spanish.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { backendContext } from '../src/backend';
import { draftOf } from '../src/lib/draft';
import App from '../src/App.svelte';
import CaseList from '../src/components/CaseList.svelte';
import CasePage from '../src/components/CasePage.svelte';
import ContactsPage from '../src/components/ContactsPage.svelte';
import { setLocale } from '../src/i18n/index.svelte';
import { TEST_PASSWORD } from './coreHost';
import { testBackend, type TestBackend } from './testBackend';

async function twoAmparos(): Promise<{ mother: TestBackend; advocate: TestBackend; caseId: string }> {
  const mother = testBackend();
  const advocate = testBackend();
  const example = await mother.addExampleCase();
  await mother.renameDevice('Rosa');
  return { mother, advocate, caseId: example.id };
}

describe('case files', () => {
  it('adds a contact only after the words are compared, sends the case, and opens it with who sent it', async () => {
    setLocale('en');
    const user = userEvent.setup();
    const { mother, advocate, caseId } = await twoAmparos();
    const hers = await mother.myAmparoCode();

    // The advocate adds the mother's code.
    render(ContactsPage, { context: backendContext(advocate) });
    await screen.findByRole('heading', { name: 'Your Amparo code' });
    await user.click(screen.getByLabelText(/^Their name/));
    await user.keyboard('Rosa, his mother{Tab}');
    await user.paste(hers.code.slice(0, 30) + '\n' + hers.code.slice(30));
    await user.keyboard('{Tab}{Enter}');
    const compare = await screen.findByRole('dialog', { name: 'Add a contact' });
    expect(compare).toHaveTextContent('Call Rosa, his mother');
    // The words shown are the mother's own words.
    for (const word of hers.fingerprint.en) expect(compare).toHaveTextContent(word);
    // "They do not match" has the keyboard: nothing is added by a stray Enter.
    expect(within(compare).getByRole('button', { name: 'They do not match' })).toHaveFocus();
    await user.click(within(compare).getByRole('button', { name: 'The words match: add' }));
    expect(await screen.findByText('Rosa, his mother was added.')).toBeTruthy();
    expect((await advocate.listContacts()).map((c) => c.contact.name)).toEqual(['Rosa, his mother']);
    cleanup();

    // The mother has added the advocate; she sends the case to her.
    const his = await advocate.myAmparoCode();
    await mother.addContact('Ana, legal aid', his.code);
    mother.pickedFolder = mother.host.folder('usb');
    render(CasePage, {
      props: { id: caseId, onedit: () => {}, ondeleted: () => {} },
      context: backendContext(mother),
    });
    await user.click(await screen.findByRole('button', { name: 'Send this case…' }));
    const send = await screen.findByRole('dialog', { name: 'Send this case' });
    // The contact is ticked with the space bar, and the form sent with Enter
    // from the button.
    (await within(send).findByLabelText('Ana, legal aid')).focus();
    await user.keyboard(' ');
    within(send).getByRole('button', { name: 'Choose a folder and write the file' }).focus();
    await user.keyboard('{Enter}');
    expect(await within(send).findByText(/Written: Case-\d{4}-\d{2}-\d{2}\.amparo/)).toBeTruthy();
    const written = readdirSync(mother.pickedFolder);
    expect(written).toHaveLength(1);
    // The file names no person.
    expect(written[0]).not.toMatch(/Rivas|Jes/);
    cleanup();

    // The advocate opens it from the case list.
    advocate.pickedCaseFile = join(mother.pickedFolder, written[0]);
    let opened = '';
    render(CaseList, {
      props: { onopen: (id: string) => (opened = id), onnew: () => {} },
      context: backendContext(advocate),
    });
    await user.click(await screen.findByRole('button', { name: 'Open a case file…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Open a case file' });
    expect(await within(dialog).findByText('Sent by Rosa, his mother')).toBeTruthy();
    expect(dialog).toHaveTextContent('This case is not on this computer yet');
    expect(dialog).toHaveTextContent('Everything in it matches what the sender signed.');
    // Nothing is taken before "Open it".
    expect(await advocate.listCases('')).toHaveLength(0);
    expect(within(dialog).getByRole('button', { name: 'Open it' })).toHaveFocus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(opened).toBe(caseId));
    expect((await advocate.getCase(caseId)).person.recordName).toContain('Rivas');
  });

  it('opens a double-clicked case file in the window already open, or after the unlock when it is locked', async () => {
    setLocale('en');
    const user = userEvent.setup();
    const { mother, advocate, caseId } = await twoAmparos();
    const his = await advocate.myAmparoCode();
    await mother.addContact('Ana', his.code);
    const ana = (await mother.listContacts())[0].contact.id;
    mother.pickedFolder = mother.host.folder('usb');
    const sent = await mother.sendCaseFile(caseId, [ana], null, '');
    await advocate.markNoticeRead();
    render(App, { props: { backend: advocate } });
    await screen.findByRole('button', { name: 'Open a case file…' });

    // Locked, the file waits: nothing of it shows before the password.
    advocate.lockScreen();
    expect(await screen.findByRole('heading', { name: 'Amparo is locked' })).toBeTruthy();
    advocate.giveCaseFile(sent!.path);
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.queryByRole('dialog', { name: 'Open a case file' })).toBeNull();
    await user.type(screen.getByLabelText(/^Password/), `${TEST_PASSWORD}{Enter}`);
    const dialog = await screen.findByRole('dialog', { name: 'Open a case file' });
    expect(await within(dialog).findByText(/Sent by someone who is not in your contacts/)).toBeTruthy();
    expect(dialog).toHaveTextContent('This case is not on this computer yet');
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Open a case file' })).toBeNull());
    expect(await advocate.listCases('')).toHaveLength(0);

    // Open, the window shows it at once; "Open it" takes the case there.
    advocate.giveCaseFile(sent!.path);
    const again = await screen.findByRole('dialog', { name: 'Open a case file' });
    await waitFor(() => expect(within(again).getByRole('button', { name: 'Open it' })).toHaveFocus());
    await user.keyboard('{Enter}');
    expect(await screen.findByRole('heading', { name: /Rivas/ })).toBeTruthy();
    expect(await advocate.listCases('')).toHaveLength(1);
  });

  it('shows an unknown sender with the words to compare, and refuses a damaged copy in Spanish', async () => {
    const user = userEvent.setup();
    const { mother, advocate, caseId } = await twoAmparos();
    const his = await advocate.myAmparoCode();
    await mother.addContact('Ana', his.code);
    const ana = (await mother.listContacts())[0].contact.id;
    mother.pickedFolder = mother.host.folder('usb');
    const sent = await mother.sendCaseFile(caseId, [ana], null, '');
    expect(sent).not.toBeNull();

    setLocale('es');
    advocate.pickedCaseFile = sent!.path;
    render(CaseList, { props: { onopen: () => {}, onnew: () => {} }, context: backendContext(advocate) });
    await user.click(await screen.findByRole('button', { name: 'Abrir un archivo de caso…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Abrir un archivo de caso' });
    expect(await within(dialog).findByText(/Enviado por alguien que no está en sus contactos/)).toBeTruthy();
    const hers = await mother.myAmparoCode();
    for (const word of hers.fingerprint.es) expect(dialog).toHaveTextContent(word);
    await user.keyboard('{Escape}');
    cleanup();

    const cut = join(mother.host.folder('cut'), 'Caso.amparo');
    const bytes = readFileSync(sent!.path);
    writeFileSync(cut, bytes.subarray(0, bytes.length - 100));
    advocate.pickedCaseFile = cut;
    render(CaseList, { props: { onopen: () => {}, onnew: () => {} }, context: backendContext(advocate) });
    await user.click(await screen.findByRole('button', { name: 'Abrir un archivo de caso…' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Este no es un archivo de caso de Amparo completo: se cortó o se dañó en el camino.',
    );
    expect(await advocate.listCases('')).toHaveLength(0);
    setLocale('en');
  });

  it('keeps both versions of what both changed, side by side, until one is chosen with the keyboard', async () => {
    const user = userEvent.setup();
    const { mother, advocate, caseId } = await twoAmparos();
    await advocate.renameDevice('Ana');
    const his = await advocate.myAmparoCode();
    const hers = await mother.myAmparoCode();
    await mother.addContact('Ana', his.code);
    await advocate.addContact('Rosa', hers.code);
    const ana = (await mother.listContacts())[0].contact.id;
    const rosa = (await advocate.listContacts())[0].contact.id;
    mother.pickedFolder = mother.host.folder('to-ana');
    advocate.pickedCaseFile = (await mother.sendCaseFile(caseId, [ana], null, ''))!.path;
    await advocate.pickCaseFile('');
    await advocate.openPickedCaseFile(null);

    // Both change the notes.
    const theirs = draftOf(await advocate.getCase(caseId));
    await advocate.updateCase(caseId, { ...theirs, notes: 'La audiencia se movió a enero.' });
    const mine = draftOf(await mother.getCase(caseId));
    await mother.updateCase(caseId, { ...mine, notes: 'Llamar al consulado.' });
    advocate.pickedFolder = advocate.host.folder('to-rosa');
    mother.pickedCaseFile = (await advocate.sendCaseFile(caseId, [rosa], null, ''))!.path;

    setLocale('es');
    render(CaseList, { props: { onopen: () => {}, onnew: () => {} }, context: backendContext(mother) });
    await user.click(await screen.findByRole('button', { name: 'Abrir un archivo de caso…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Abrir un archivo de caso' });
    expect(await within(dialog).findByText(/Cambiado aquí y también por quien lo envió: 1\./)).toBeTruthy();
    await user.keyboard('{Enter}');
    await waitFor(async () => expect((await mother.getCase(caseId)).notes).toBe('Llamar al consulado.'));
    cleanup();

    render(CasePage, {
      props: { id: caseId, onedit: () => {}, ondeleted: () => {} },
      context: backendContext(mother),
    });
    const panel = await screen.findByRole('region', { name: 'Cambios para elegir' });
    const row = within(panel).getByRole('row', { name: /Notas/ });
    expect(row).toHaveTextContent('Llamar al consulado.');
    expect(row).toHaveTextContent('La audiencia se movió a enero.');
    // The words that differ are marked (here, all of them).
    expect(Array.from(row.querySelectorAll('mark')).map((m) => m.textContent)).toEqual([
      'Llamar al consulado.',
      'La audiencia se movió a enero.',
    ]);
    expect(within(panel).getByRole('columnheader', { name: 'De Ana' })).toBeTruthy();
    within(panel).getByRole('button', { name: 'Conservar la versión de esta computadora' }).focus();
    await user.keyboard('{Tab}{Enter}');
    const name = (await mother.getCase(caseId)).person.recordName;
    expect(await within(panel).findByText(`«${name}» tiene ahora la versión de Ana.`)).toBeTruthy();
    expect((await mother.getCase(caseId)).notes).toBe('La audiencia se movió a enero.');
    // The page shows the text now kept.
    expect(await screen.findByText('La audiencia se movió a enero.', { selector: 'p.notes' })).toBeTruthy();
    await waitFor(() =>
      expect(within(panel).queryByRole('button', { name: 'Conservar la versión de esta computadora' })).toBeNull(),
    );
    setLocale('en');
  });
});
